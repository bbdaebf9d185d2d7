/// A Deployment, StatefulSet or DaemonSet, reduced to what the workload picker and the
/// backends view need: its pod template labels and container ports.
package struct Workload: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case deployment = "Deployment", statefulSet = "StatefulSet", daemonSet = "DaemonSet"
    }

    package struct ContainerPort: Sendable, Hashable {
        package var name: String?
        package var port: Int
        package var `protocol`: String

        package init(name: String?, port: Int, protocol: String) {
            self.name = name
            self.port = port
            self.protocol = `protocol`
        }
    }

    package var kind: Kind
    package var name: String
    package var namespace: String
    /// `spec.template.metadata.labels`, in written order.
    package var podLabels: [(key: String, value: String)]
    /// `spec.replicas` for Deployments and StatefulSets (default 1); nil for DaemonSets.
    package var replicas: Int?
    package var containerPorts: [ContainerPort]

    package init(kind: Kind, name: String, namespace: String, podLabels: [(key: String, value: String)],
                replicas: Int?, containerPorts: [ContainerPort]) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.podLabels = podLabels
        self.replicas = replicas
        self.containerPorts = containerPorts
    }

    /// Reads a workload object; nil when the object is not one of the three kinds. The
    /// workspace index caches workloads on disk: bump `WorkspaceCache.format` (ServiceStore)
    /// when what is read here changes.
    package init?(manifest: ManifestNode, defaultNamespace: String = "default") {
        guard let kindText = manifest["kind"]?.string, let kind = Kind(rawValue: kindText),
              let name = manifest["metadata"]?["name"]?.scalarText else { return nil }
        let spec = manifest["spec"]
        let template = spec?["template"]
        var ports: [ContainerPort] = []
        for container in template?["spec"]?["containers"]?.items ?? [] {
            for port in container["ports"]?.items ?? [] {
                guard let number = port["containerPort"]?.int else { continue }
                ports.append(ContainerPort(name: port["name"]?.scalarText, port: number,
                                           protocol: port["protocol"]?.scalarText ?? "TCP"))
            }
        }
        self.init(
            kind: kind, name: name,
            namespace: manifest["metadata"]?["namespace"]?.scalarText ?? defaultNamespace,
            podLabels: template?["metadata"]?["labels"]?.stringPairs ?? [],
            replicas: kind == .daemonSet ? nil : (spec?["replicas"]?.int ?? 1),
            containerPorts: ports)
    }

    /// True when every selector pair is among the pod labels (an empty selector matches nothing,
    /// as a Service without a selector gets no endpoints).
    package func matches(selector: [(key: String, value: String)]) -> Bool {
        guard !selector.isEmpty else { return false }
        return selector.allSatisfy { pair in podLabels.contains { $0.key == pair.key && $0.value == pair.value } }
    }

    package static func == (lhs: Workload, rhs: Workload) -> Bool {
        lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.namespace == rhs.namespace
            && lhs.podLabels.elementsEqual(rhs.podLabels, by: { $0 == $1 })
            && lhs.replicas == rhs.replicas && lhs.containerPorts == rhs.containerPorts
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(namespace)
    }
}
