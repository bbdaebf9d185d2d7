/// The defaults the API server fills in before it validates a v1 Service
/// (`SetDefaults_Service` in `pkg/apis/core/v1/defaults.go`; what differs by release comes
/// from the `RulesProfile`). Allocations
/// (clusterIP, clusterIPs, ipFamilies, ipFamilyPolicy, nodePorts) are the server's and are
/// not filled in here.
package enum ServiceDefaults {
    /// The ClientIP session affinity timeout when none is given: three hours.
    package static let clientIPTimeoutSeconds = 10800

    /// `manifest` with the server's defaults filled in: `type: ClusterIP`,
    /// `sessionAffinity: None` (which removes `sessionAffinityConfig`), a ClientIP timeout of
    /// 10800, each port's `protocol: TCP` and `targetPort` = `port`,
    /// `externalTrafficPolicy: Cluster` for NodePort and LoadBalancer,
    /// `internalTrafficPolicy: Cluster` except for ExternalName, and
    /// `allocateLoadBalancerNodePorts: true` for LoadBalancer.
    ///
    /// Only absent, null or empty values are filled, so a value of the wrong type stays for
    /// the validator to report; existing fields keep their place, so every path of the
    /// original still points at the same field. A manifest that is not a mapping, or whose
    /// `spec` is not one, is returned unchanged.
    ///
    /// From 1.28 (`profile.externalIPsTakeTrafficPolicy`) a ClusterIP service with external
    /// IPs also gets `externalTrafficPolicy: Cluster`.
    package static func apply(to manifest: ManifestNode, profile: RulesProfile = .newest) -> ManifestNode {
        guard manifest.isMapping else { return manifest }
        var spec = manifest["spec"] ?? .mapping()
        if spec.isNull { spec = .mapping() }
        guard spec.isMapping else { return manifest }

        if isEmptyText(spec["sessionAffinity"]) { spec["sessionAffinity"] = .string("None") }
        switch spec["sessionAffinity"]?.string {
        case "None":
            spec["sessionAffinityConfig"] = nil
        case "ClientIP":
            if isUnset(spec["sessionAffinityConfig"]?["clientIP"]?["timeoutSeconds"]) {
                spec["sessionAffinityConfig"] = .mapping([
                    "clientIP": .mapping(["timeoutSeconds": .int(clientIPTimeoutSeconds)]),
                ])
            }
        default:
            break
        }
        if isEmptyText(spec["type"]) { spec["type"] = .string("ClusterIP") }
        if let ports = spec["ports"]?.items {
            spec["ports"] = .sequence(ports.map(defaultPort))
        }
        let type = spec["type"]?.string
        let hasExternalIPs = !(spec["externalIPs"]?.items?.isEmpty ?? true)
        let externallyAccessible = type == "NodePort" || type == "LoadBalancer"
            || (profile.externalIPsTakeTrafficPolicy && type == "ClusterIP" && hasExternalIPs)
        if externallyAccessible, isEmptyText(spec["externalTrafficPolicy"]) {
            spec["externalTrafficPolicy"] = .string("Cluster")
        }
        if type == "ClusterIP" || type == "NodePort" || type == "LoadBalancer", isUnset(spec["internalTrafficPolicy"]) {
            spec["internalTrafficPolicy"] = .string("Cluster")
        }
        if type == "LoadBalancer", isUnset(spec["allocateLoadBalancerNodePorts"]) {
            spec["allocateLoadBalancerNodePorts"] = .bool(true)
        }

        var result = manifest
        result["spec"] = spec
        return result
    }

    private static func defaultPort(_ port: ManifestNode) -> ManifestNode {
        guard port.isMapping else { return port }
        var result = port
        if isEmptyText(port["protocol"]) { result["protocol"] = .string("TCP") }
        let target = port["targetPort"]
        if isUnset(target) || target?.int == 0 || target?.string == "" {
            let number = port["port"]
            if isUnset(number) {
                result["targetPort"] = .int(0)
            } else if let value = number?.int {
                result["targetPort"] = .int(value)
            }
        }
        return result
    }

    /// Absent or null: a nil pointer in Go.
    private static func isUnset(_ node: ManifestNode?) -> Bool { node == nil || node?.isNull == true }

    /// Absent, null or `""`: an empty string in Go.
    private static func isEmptyText(_ node: ManifestNode?) -> Bool { isUnset(node) || node?.string == "" }
}
