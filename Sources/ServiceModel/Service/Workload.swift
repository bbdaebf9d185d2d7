/// A Deployment, StatefulSet or DaemonSet, reduced to what the workload picker and the
/// backends view need: its pod template labels and container ports.
public struct Workload: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case deployment = "Deployment", statefulSet = "StatefulSet", daemonSet = "DaemonSet"
    }

    public struct ContainerPort: Sendable, Hashable {
        public var name: String?
        public var port: Int
        public var `protocol`: String

        public init(name: String?, port: Int, protocol: String) {
            self.name = name
            self.port = port
            self.protocol = `protocol`
        }
    }

    public var kind: Kind
    public var name: String
    public var namespace: String
    /// `spec.template.metadata.labels`, in written order.
    public var podLabels: [(key: String, value: String)]
    /// `spec.replicas` for Deployments and StatefulSets (default 1); nil for DaemonSets.
    public var replicas: Int?
    public var containerPorts: [ContainerPort]

    public init(kind: Kind, name: String, namespace: String, podLabels: [(key: String, value: String)],
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
    public init?(manifest: ManifestNode, defaultNamespace: String = "default") {
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
    public func matches(selector: [(key: String, value: String)]) -> Bool {
        guard !selector.isEmpty else { return false }
        return selector.allSatisfy { pair in podLabels.contains { $0.key == pair.key && $0.value == pair.value } }
    }

    public static func == (lhs: Workload, rhs: Workload) -> Bool {
        lhs.kind == rhs.kind && lhs.name == rhs.name && lhs.namespace == rhs.namespace
            && lhs.podLabels.elementsEqual(rhs.podLabels, by: { $0 == $1 })
            && lhs.replicas == rhs.replicas && lhs.containerPorts == rhs.containerPorts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(name)
        hasher.combine(namespace)
    }
}
