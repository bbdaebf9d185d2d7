/// A Node reduced to what access paths need: its addresses and whether it is Ready.
package struct ClusterNode: Sendable, Hashable {
    /// One `status.addresses` entry: `InternalIP`, `ExternalIP`, `Hostname`, ...
    package struct Address: Sendable, Hashable {
        package var type: String
        package var address: String

        package init(type: String, address: String) {
            self.type = type
            self.address = address
        }
    }

    package var name: String
    package var addresses: [Address]
    /// The `Ready` condition is `True`.
    package var ready: Bool

    package init(name: String, addresses: [Address], ready: Bool) {
        self.name = name
        self.addresses = addresses
        self.ready = ready
    }

    /// Reads a Node object (an API list item or a watch event's object).
    package init(manifest: ManifestNode) {
        name = manifest["metadata"]?["name"]?.scalarText ?? ""
        addresses = (manifest["status"]?["addresses"]?.items ?? []).compactMap { item in
            guard let type = item["type"]?.scalarText, let address = item["address"]?.scalarText, !address.isEmpty else { return nil }
            return Address(type: type, address: address)
        }
        ready = (manifest["status"]?["conditions"]?.items ?? []).contains {
            $0["type"]?.scalarText == "Ready" && $0["status"]?.scalarText == "True"
        }
    }

    /// Where a node port is reached on this node: its external address from outside the
    /// cluster's network, else its internal one from the nodes' network; nil without either.
    package var nodePortAddress: (address: String, origin: AccessPath.Origin)? {
        if let external = addresses.first(where: { $0.type == "ExternalIP" }) { return (external.address, .fromOutside) }
        if let inside = addresses.first(where: { $0.type == "InternalIP" }) { return (inside.address, .fromNode) }
        return nil
    }
}

/// What is known of the cluster's nodes, for node port addresses.
package enum NodeAddresses: Sendable, Hashable {
    /// Why the addresses are not known; the screen says it next to `<node IP>`.
    package enum Unknown: Sendable, Hashable {
        /// A manifest folder has no nodes.
        case workspace
        /// RBAC does not let the user list or watch nodes.
        case notAllowed
        /// The nodes could not be read (the message says why).
        case failed(String)
        /// The first list has not answered yet.
        case loading
    }

    case known([ClusterNode])
    case unknown(Unknown)
}
