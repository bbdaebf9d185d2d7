// What the wizard proposes while the user types: the `app=<name>` label, a port name prefix
// for the app protocol, and the selector and target ports of the picked workloads.

extension ServiceDraft {
    /// The labels proposed for a service named `name`: `app=<name>`, or none for no name.
    package static func proposedLabels(forName name: String) -> [KeyValueRow] {
        name.isEmpty ? [] : [KeyValueRow(key: "app", value: name)]
    }

    /// True while the labels are still what the wizard proposed for the current name (or
    /// blank): the user has not changed them, so renaming may replace them.
    package var labelsFollowName: Bool {
        labels.allSatisfy(\.isBlank) || labels == Self.proposedLabels(forName: name)
    }

    /// Sets the name as the user types it; the proposed `app=<name>` label follows the name
    /// unless the user changed the labels.
    package mutating func setName(_ newName: String) {
        let follow = labelsFollowName
        name = newName
        if follow { labels = Self.proposedLabels(forName: newName) }
    }

    /// The selector change a workload pick made, so the form can say the selector was replaced.
    package struct SelectorReplacement: Sendable, Hashable {
        /// The rows before the pick.
        package var previous: [KeyValueRow]
        /// The rows after the pick: the pod template labels the picked workloads share.
        package var current: [KeyValueRow]

        /// True when the pick replaced rows the user had (not merely blank ones) with others.
        package var replacedExisting: Bool {
            let typed = previous.filter { !$0.isBlank }
            return !typed.isEmpty && typed != current
        }
    }

    /// Picks workloads for the selector: the pod template labels (`spec.template.metadata
    /// .labels`) they all share replace the selector rows, and their container ports become
    /// the target port suggestions. The picker checks first that they share a label.
    @discardableResult
    package mutating func pick(_ workloads: [Workload]) -> SelectorReplacement {
        let previous = selector
        selector = WorkloadSelection.sharedLabels(of: workloads).map { KeyValueRow(key: $0.key, value: $0.value) }
        pickedWorkloads = workloads
        return SelectorReplacement(previous: previous, current: selector)
    }

    /// The picked workloads' container ports, each once, offered for a row's target port.
    package var targetPortSuggestions: [Workload.ContainerPort] {
        var seen = Set<Workload.ContainerPort>()
        return pickedWorkloads.flatMap(\.containerPorts).filter { seen.insert($0).inserted }
    }
}

extension PortRow {
    /// The app protocols Kubernetes and the wizard name, each proposing a port name prefix.
    package static let knownAppProtocols = ["http", "https", "http2", "h2c", "grpc", "tcp", "tls", "mongo", "redis"]

    /// The port name prefix proposed for an app protocol (`http` -> `http-`), nil for a
    /// qualified or unknown protocol.
    package static func proposedNamePrefix(forAppProtocol appProtocol: String) -> String? {
        knownAppProtocols.contains(appProtocol) ? appProtocol + "-" : nil
    }

    /// Sets the app protocol and proposes the port name: an empty name becomes the prefix
    /// (`grpc-`), and a name that starts with the old protocol's prefix has it swapped for
    /// the new one (`http-web` -> `grpc-web`); any other name is the user's and stays.
    package mutating func setAppProtocol(_ newValue: String) {
        let oldPrefix = Self.proposedNamePrefix(forAppProtocol: appProtocol)
        let newPrefix = Self.proposedNamePrefix(forAppProtocol: newValue) ?? ""
        appProtocol = newValue
        if name.isEmpty {
            name = newPrefix
        } else if let oldPrefix, name.hasPrefix(oldPrefix) {
            name = newPrefix + name.dropFirst(oldPrefix.count)
        }
    }
}
