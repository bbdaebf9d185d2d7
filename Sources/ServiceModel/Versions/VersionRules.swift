/// The Service rules that exist only in some releases; `ServiceValidator` calls each where
/// the upstream function does, when `RulesProfile` says the release has it.
enum VersionRules {
    static let spec = FieldPath("spec")
    static let topologyModeAnnotation = "service.kubernetes.io/topology-mode"
    static let topologyHintsAnnotation = "service.kubernetes.io/topology-aware-hints"
    static let kubeletPort = 10250

    /// Before 1.33: a LoadBalancer may not expose the kubelet's port, reported on the
    /// whole port entry.
    static func kubeletPort(_ s: ServiceObject) -> [FieldError] {
        s.ports.enumerated().compactMap { i, port in
            port.port == kubeletPort
                ? FieldError(path: spec.child("ports").index(i), kind: .invalid, key: .kubeletPortExposed,
                             arguments: ["\(kubeletPort)"], badValue: "\(port.port)")
                : nil
        }
    }

    /// From 1.27: both topology annotations set means both say the same.
    static func topologyAnnotations(_ s: ServiceObject) -> [FieldError] {
        guard let mode = s.annotations.last(where: { $0.key == topologyModeAnnotation }),
              let hints = s.annotations.last(where: { $0.key == topologyHintsAnnotation }),
              mode.value != hints.value
        else { return [] }
        return [FieldError(path: FieldPath("metadata.annotations").key(topologyModeAnnotation), kind: .invalid,
                           key: .topologyModeMismatch, arguments: [topologyHintsAnnotation, hints.value], badValue: mode.value)]
    }

    /// `validateServiceTrafficDistribution`: one of the release's values. A release that
    /// drops the field never gets here with it (`DroppedFields`).
    static func trafficDistribution(_ s: ServiceObject, profile: RulesProfile) -> [FieldError] {
        guard let value = s.trafficDistribution else { return [] }
        let supported: [String]
        switch profile.trafficDistribution {
        case .values(let values): supported = values
        // Kept on update because the stored service uses it: validated as in 1.30.
        case .gatedOff: supported = ["PreferClose"]
        case .unknownField: return []
        }
        return PortRules.notSupported(value, supported: supported, path: spec.child("trafficDistribution"))
    }

    /// The allocator's family checks (`initIPFamilyFields`): without a policy, two families
    /// or two cluster IPs mean RequireDualStack, which a single-stack cluster refuses; a
    /// family the cluster lacks is refused where it is listed. ExternalName services have
    /// no families, and a headless service without a selector is not checked.
    static func clusterIPFamilies(_ s: ServiceObject, configured: [String]) -> [FieldError] {
        guard s.type != "ExternalName", !(s.isHeadless && (s.selector ?? []).isEmpty) else { return [] }
        var errors: [FieldError] = []
        let policy = s.ipFamilyPolicy ?? (s.ipFamilies.count == 2 || s.clusterIPs.count == 2 ? "RequireDualStack" : "SingleStack")
        if policy == "RequireDualStack" && configured.count < 2 {
            errors.append(FieldError(path: spec.child("ipFamilyPolicy"), kind: .invalid, key: .ipFamilyPolicyNotDualStack,
                                     badValue: policy))
        }
        for (i, family) in s.ipFamilies.enumerated() where ["IPv4", "IPv6"].contains(family) && !configured.contains(family) {
            errors.append(FieldError(path: spec.child("ipFamilies").index(i), kind: .invalid, key: .ipFamilyNotConfigured,
                                     arguments: [family, configured.joined(separator: ", ")], badValue: family))
        }
        return errors
    }
}
