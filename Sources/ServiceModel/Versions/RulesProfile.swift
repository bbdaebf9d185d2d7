/// What one Kubernetes minor release accepts, warns about and silently drops in a Service,
/// as far as svcwiz checks it. A value, passed in through `RuleSet`: nothing global says
/// which release is targeted.
///
/// Each switch below is one upstream change, with the release it shipped in (the table in
/// docs/en/kube-versions.md lists them all); features are taken at their default gate
/// setting for that release, which is what an unconfigured API server runs.
package struct RulesProfile: Sendable, Hashable {
    package let version: KubeVersion

    package init(_ version: KubeVersion) { self.version = version }

    package static let newest = RulesProfile(.newest)
    package static let oldest = RulesProfile(.oldest)

    private var minor: Int { version.minor }

    /// Servers before 1.33 refuse port 10250 (the kubelet's) on a LoadBalancer, at
    /// `spec.ports[i]` (kubernetes#129174 removed the check).
    package var refusesKubeletPortOnLoadBalancer: Bool { minor < 33 }

    /// From 1.28 a ClusterIP service with `externalIPs` is "externally accessible": it
    /// takes `externalTrafficPolicy`, defaulted to Cluster (kubernetes#119150). Before, the
    /// field is only for NodePort and LoadBalancer.
    package var externalIPsTakeTrafficPolicy: Bool { minor >= 28 }

    /// From 1.27 the `topology-mode` and the deprecated `topology-aware-hints` annotations
    /// must agree when both are set (kubernetes#116612).
    package var topologyAnnotationsMustMatch: Bool { minor >= 27 }

    /// `GetWarningsForService` (pkg/api/service/warnings.go) exists from 1.27
    /// (kubernetes#114505, IP and CIDR spellings; kubernetes#116612, the topology annotation).
    package var warnsAboutAddresses: Bool { minor >= 27 }
    /// 1.28 adds the warnings for ignored `externalIPs` / `externalName` (kubernetes#119310).
    package var warnsAboutIgnoredFields: Bool { minor >= 28 }
    /// 1.34 adds the warnings for fields a headless service ignores (kubernetes#132214).
    package var warnsAboutHeadlessFields: Bool { minor >= 34 }
    /// 1.35 deprecates `trafficDistribution: PreferClose` for PreferSameZone
    /// (kubernetes#134457).
    package var warnsAboutPreferClose: Bool { minor >= 35 }
    /// 1.36 deprecates `spec.externalIPs` (KEP-5707).
    package var warnsAboutExternalIPs: Bool { minor >= 36 }

    /// How a release treats `spec.trafficDistribution` (gate ServiceTrafficDistribution:
    /// alpha 1.30, beta 1.31, GA 1.33; PreferSameTrafficDistribution: alpha 1.33, beta 1.34,
    /// GA 1.35).
    package var trafficDistribution: TrafficDistributionSupport {
        switch minor {
        case ..<30: return .unknownField
        case 30: return .gatedOff
        case 31...33: return .values(["PreferClose"])
        default: return .values(["PreferClose", "PreferSameNode", "PreferSameZone"])
        }
    }

    package enum TrafficDistributionSupport: Sendable, Hashable {
        /// Not in the API types: the decoder drops it, whatever its value or type.
        case unknownField
        /// In the types, but the feature gate is off by default: the registry drops it on
        /// create, and on update unless the stored object already uses it.
        case gatedOff
        /// Accepted, with these values.
        case values([String])
    }
}
