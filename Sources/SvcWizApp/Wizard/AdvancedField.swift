import ServiceModel

/// The Advanced fields of the form (`AdvancedSettings`): step 2 has the service-wide ones,
/// step 4 those of a LoadBalancer. Each is one `WizardField.advanced` case.
package enum AdvancedField: Sendable, Hashable, CaseIterable {
    case trafficDistribution, internalTrafficPolicy, ipFamilyPolicy, ipFamilies, publishNotReadyAddresses
    case loadBalancerClass, allocateNodePorts

    /// The spec field it writes.
    var path: FieldPath {
        switch self {
        case .trafficDistribution: return "spec.trafficDistribution"
        case .internalTrafficPolicy: return "spec.internalTrafficPolicy"
        case .ipFamilyPolicy: return "spec.ipFamilyPolicy"
        case .ipFamilies: return "spec.ipFamilies"
        case .publishNotReadyAddresses: return "spec.publishNotReadyAddresses"
        case .loadBalancerClass: return "spec.loadBalancerClass"
        case .allocateNodePorts: return "spec.allocateLoadBalancerNodePorts"
        }
    }

    /// The field an error or warning at `path` belongs to (`spec.ipFamilies[1]` included).
    init?(errorPath path: FieldPath) {
        guard let field = Self.allCases.first(where: { path == $0.path || path.hasPrefix($0.path) }) else { return nil }
        self = field
    }

    var isLoadBalancerOnly: Bool { self == .loadBalancerClass || self == .allocateNodePorts }

    /// Text fields take typing; the others are choices whose first option leaves the field
    /// unset (the server's default).
    var isChoice: Bool { self != .ipFamilies && self != .loadBalancerClass }

    var label: UIKey {
        switch self {
        case .trafficDistribution: return .fieldTrafficDistribution
        case .internalTrafficPolicy: return .fieldInternalTrafficPolicy
        case .ipFamilyPolicy: return .fieldIPFamilyPolicy
        case .ipFamilies: return .fieldIPFamilies
        case .publishNotReadyAddresses: return .fieldPublishNotReady
        case .loadBalancerClass: return .fieldLoadBalancerClass
        case .allocateNodePorts: return .fieldAllocateNodePorts
        }
    }

    var placeholder: String {
        switch self {
        case .ipFamilies: return "IPv4, IPv6"
        case .loadBalancerClass: return "example.com/internal"
        default: return ""
        }
    }

    /// The values of a choice after "default" (empty text), for the target release.
    func values(profile: RulesProfile) -> [String] {
        switch self {
        case .trafficDistribution:
            if case .values(let values) = profile.trafficDistribution { return values }
            return []
        case .internalTrafficPolicy: return ["Cluster", "Local"]
        case .ipFamilyPolicy: return ["SingleStack", "PreferDualStack", "RequireDualStack"]
        case .publishNotReadyAddresses, .allocateNodePorts: return ["true", "false"]
        case .ipFamilies, .loadBalancerClass: return []
        }
    }
}

extension AdvancedSettings {
    subscript(field: AdvancedField) -> String {
        get {
            switch field {
            case .trafficDistribution: return trafficDistribution
            case .internalTrafficPolicy: return internalTrafficPolicy
            case .ipFamilyPolicy: return ipFamilyPolicy
            case .ipFamilies: return ipFamilies
            case .publishNotReadyAddresses: return publishNotReadyAddresses
            case .loadBalancerClass: return loadBalancerClass
            case .allocateNodePorts: return allocateLoadBalancerNodePorts
            }
        }
        set {
            switch field {
            case .trafficDistribution: trafficDistribution = newValue
            case .internalTrafficPolicy: internalTrafficPolicy = newValue
            case .ipFamilyPolicy: ipFamilyPolicy = newValue
            case .ipFamilies: ipFamilies = newValue
            case .publishNotReadyAddresses: publishNotReadyAddresses = newValue
            case .loadBalancerClass: loadBalancerClass = newValue
            case .allocateNodePorts: allocateLoadBalancerNodePorts = newValue
            }
        }
    }
}
