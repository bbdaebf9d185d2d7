/// A Service read into Kubernetes' field types, after type checking and defaulting, the
/// way the API server holds it while validating. Absent and null read as Go's zero values.
struct ServiceObject {
    struct Port {
        var name = ""
        var portProtocol = ""
        var appProtocol: String?
        var port = 0
        var targetPort = TargetPort.number(0)
        var nodePort = 0
    }

    var name = ""
    var generateName = ""
    var namespace = ""
    var uid = ""
    var labels: [(key: String, value: String)] = []
    var annotations: [(key: String, value: String)] = []

    var ports: [Port] = []
    var selector: [(key: String, value: String)]?
    var clusterIP = ""
    var clusterIPs: [String] = []
    var type = ""
    var externalIPs: [String] = []
    var sessionAffinity = ""
    var timeoutSeconds: Int?
    var loadBalancerSourceRanges: [String] = []
    var externalName = ""
    var externalTrafficPolicy = ""
    var healthCheckNodePort = 0
    var ipFamilies: [String] = []
    var ipFamilyPolicy: String?
    var allocateLoadBalancerNodePorts: Bool?
    var loadBalancerClass: String?
    var internalTrafficPolicy: String?
    var loadBalancerIP = ""
    var trafficDistribution: String?
    /// Whether the target release lets external IPs make a ClusterIP service externally
    /// accessible (`RulesProfile.externalIPsTakeTrafficPolicy`).
    var externalIPsTakeTrafficPolicy = false

    init(_ manifest: ManifestNode) {
        let metadata = manifest["metadata"]
        name = metadata?["name"].text ?? ""
        generateName = metadata?["generateName"].text ?? ""
        namespace = metadata?["namespace"].text ?? ""
        uid = metadata?["uid"].text ?? ""
        labels = metadata?["labels"].pairs ?? []
        annotations = metadata?["annotations"].pairs ?? []

        let spec = manifest["spec"]
        ports = (spec?["ports"]?.items ?? []).map { node in
            Port(
                name: node["name"].text ?? "",
                portProtocol: node["protocol"].text ?? "",
                appProtocol: node["appProtocol"].text,
                port: node["port"].number ?? 0,
                targetPort: node["targetPort"]?.string.map(TargetPort.name) ?? .number(node["targetPort"].number ?? 0),
                nodePort: node["nodePort"].number ?? 0)
        }
        selector = spec?["selector"].pairs
        clusterIP = spec?["clusterIP"].text ?? ""
        clusterIPs = spec?["clusterIPs"].texts ?? []
        type = spec?["type"].text ?? ""
        externalIPs = spec?["externalIPs"].texts ?? []
        sessionAffinity = spec?["sessionAffinity"].text ?? ""
        timeoutSeconds = spec?["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"].number
        loadBalancerSourceRanges = spec?["loadBalancerSourceRanges"].texts ?? []
        externalName = spec?["externalName"].text ?? ""
        externalTrafficPolicy = spec?["externalTrafficPolicy"].text ?? ""
        healthCheckNodePort = spec?["healthCheckNodePort"].number ?? 0
        ipFamilies = spec?["ipFamilies"].texts ?? []
        ipFamilyPolicy = spec?["ipFamilyPolicy"].text
        allocateLoadBalancerNodePorts = spec?["allocateLoadBalancerNodePorts"]?.bool
        loadBalancerClass = spec?["loadBalancerClass"].text
        internalTrafficPolicy = spec?["internalTrafficPolicy"].text
        loadBalancerIP = spec?["loadBalancerIP"].text ?? ""
        trafficDistribution = spec?["trafficDistribution"].text
    }

    init(_ manifest: ManifestNode, profile: RulesProfile) {
        self.init(manifest)
        externalIPsTakeTrafficPolicy = profile.externalIPsTakeTrafficPolicy
    }

    // MARK: Derived

    /// `clusterIPs` is exactly `["None"]` (after normalisation).
    var isHeadless: Bool { clusterIPs == [ServiceObject.clusterIPNone] }
    var needsClusterIP: Bool { type != "ExternalName" }
    var needsNodePorts: Bool { type == "NodePort" || type == "LoadBalancer" }
    /// `ExternallyAccessible`: the services that take `externalTrafficPolicy`.
    var isExternallyAccessible: Bool {
        needsNodePorts || (externalIPsTakeTrafficPolicy && type == "ClusterIP" && !externalIPs.isEmpty)
    }
    var needsHealthCheck: Bool { type == "LoadBalancer" && externalTrafficPolicy == "Local" }
    var nodePorts: Set<Int> { Set(ports.map(\.nodePort).filter { $0 != 0 }) }

    static let clusterIPNone = "None"

    // MARK: What the API server does before validating (pkg/registry/core/service)

    /// `NormalizeClusterIPs`: keeps `clusterIP` and `clusterIPs` in step.
    mutating func normalizeClusterIPs(previous old: ServiceObject?) {
        guard let old else {
            if !clusterIP.isEmpty && clusterIPs.isEmpty { clusterIPs = [clusterIP] }
            return
        }
        if !old.clusterIPs.isEmpty && clusterIPs.isEmpty && old.clusterIP == clusterIP {
            clusterIPs = old.clusterIPs
        }
        if old.clusterIP != clusterIP {
            if !old.clusterIP.isEmpty && clusterIP.isEmpty && old.clusterIPs == clusterIPs {
                clusterIPs = []
            }
            if !clusterIP.isEmpty && old.clusterIPs == clusterIPs {
                clusterIPs = [clusterIP]
            }
        }
    }

    /// `patchAllocatedValues`: an update that omits allocated values keeps the old ones.
    mutating func patchAllocatedValues(previous old: ServiceObject) {
        if old.needsClusterIP && needsClusterIP {
            if clusterIP.isEmpty { clusterIP = old.clusterIP }
            if clusterIPs.isEmpty && !old.clusterIPs.isEmpty { clusterIPs = old.clusterIPs }
        }
        if old.needsNodePorts && needsNodePorts {
            let used = old.nodePorts.intersection(nodePorts)
            var byName: [String: Int] = [:]
            for port in old.ports { byName[port.name] = port.nodePort }
            for i in ports.indices where ports[i].nodePort == 0 {
                let oldValue = byName[ports[i].name] ?? 0
                if !used.contains(oldValue) { ports[i].nodePort = oldValue }
            }
        }
        if old.needsHealthCheck && needsHealthCheck && healthCheckNodePort == 0 {
            healthCheckNodePort = old.healthCheckNodePort
        }
    }

    /// `dropTypeDependentFields`: on a type change, fields the new type does not use are
    /// cleared when the user left them as they were.
    mutating func dropTypeDependentFields(previous old: ServiceObject) {
        if old.needsClusterIP && !needsClusterIP {
            if old.clusterIP == clusterIP && old.clusterIPs == clusterIPs {
                clusterIP = ""
                clusterIPs = []
            }
            if old.ipFamilies == ipFamilies { ipFamilies = [] }
            if old.ipFamilyPolicy == ipFamilyPolicy { ipFamilyPolicy = nil }
        }
        if old.needsNodePorts && !needsNodePorts && old.nodePorts == nodePorts {
            for i in ports.indices { ports[i].nodePort = 0 }
        }
        if old.needsHealthCheck && !needsHealthCheck && old.healthCheckNodePort == healthCheckNodePort {
            healthCheckNodePort = 0
        }
        if old.type == "LoadBalancer" && type != "LoadBalancer" {
            if allocateLoadBalancerNodePorts != nil && old.allocateLoadBalancerNodePorts == allocateLoadBalancerNodePorts {
                allocateLoadBalancerNodePorts = nil
            }
            if old.loadBalancerClass == loadBalancerClass { loadBalancerClass = nil }
        }
        if old.isExternallyAccessible && !isExternallyAccessible && old.externalTrafficPolicy == externalTrafficPolicy {
            externalTrafficPolicy = ""
        }
        if old.needsClusterIP && !needsClusterIP && old.internalTrafficPolicy == internalTrafficPolicy {
            internalTrafficPolicy = nil
        }
    }
}

// Reading values that have passed the type check; absent and null read as nil.
extension Optional where Wrapped == ManifestNode {
    var text: String? { self?.string }
    var number: Int? { self?.int }
    var texts: [String]? { self?.items?.compactMap(\.string) }
    var pairs: [(key: String, value: String)]? {
        guard let entries = self?.entries else { return nil }
        return entries.map { ($0.key, $0.value.string ?? "") }
    }
}
