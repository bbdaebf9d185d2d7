/// The three service types of the create wizard, derived from the spec, never stored.
package enum ServiceKind: String, Sendable, Hashable, CaseIterable {
    /// `spec.clusterIP` unset or an address: a virtual IP in front of the selected pods.
    case virtualIP
    /// `spec.clusterIP: None` with a selector: DNS returns the pods' addresses.
    case headlessSelector
    /// `spec.type: ExternalName`: DNS returns a CNAME to `spec.externalName`.
    case headlessExternalName

    /// Reads the kind from a Service's `spec`.
    package init(spec: ManifestNode?) {
        if spec?["type"]?.scalarText == "ExternalName" {
            self = .headlessExternalName
        } else if spec?["clusterIP"]?.scalarText == "None" {
            self = .headlessSelector
        } else {
            self = .virtualIP
        }
    }
}

/// How a VirtualIP service is reached from outside the cluster, derived from `spec.type`.
package enum ExternalAccess: String, Sendable, Hashable, CaseIterable {
    case none, nodePort, loadBalancer

    package init(spec: ManifestNode?) {
        switch spec?["type"]?.scalarText {
        case "NodePort": self = .nodePort
        case "LoadBalancer": self = .loadBalancer
        default: self = .none
        }
    }

    /// The `spec.type` this access mode writes.
    package var specType: String {
        switch self {
        case .none: return "ClusterIP"
        case .nodePort: return "NodePort"
        case .loadBalancer: return "LoadBalancer"
        }
    }
}
