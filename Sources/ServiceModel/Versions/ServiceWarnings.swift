/// The warnings the API server of `rules.profile` returns with an accepted Service
/// (`GetWarningsForService`, pkg/api/service/warnings.go, from 1.27), in its order, after
/// the fields that release drops without a word, which svcwiz reports too because the user
/// would otherwise lose them unnoticed.
extension ServiceValidator {
    package static func warnings(_ manifest: ManifestNode, previous: ManifestNode? = nil, rules: RuleSet = .kubernetes) -> [FieldWarning] {
        let profile = rules.profile
        var warnings = DroppedFields.paths(manifest, previous: previous, profile: profile).map { entry in
            FieldWarning(path: entry.path, key: entry.reason == .unknown ? .warningFieldUnknown : .warningFieldGatedOff,
                         arguments: [profile.version.description])
        }
        guard profile.warnsAboutAddresses, manifest.isMapping, documentRules(manifest).decodable else { return warnings }
        let pruned = DroppedFields.pruned(manifest, previous: previous, profile: profile)
        var s = ServiceObject(ServiceDefaults.apply(to: pruned, profile: profile), profile: profile)
        // The strategy's PrepareForCreate/Update normalises cluster IPs before it asks for
        // warnings.
        s.normalizeClusterIPs(previous: previous.map { ServiceObject(ServiceDefaults.apply(to: $0, profile: profile), profile: profile) })
        warnings += ServiceWarnings(service: s, profile: profile).all
        return warnings
    }
}

/// One Service's warnings, built field by field.
struct ServiceWarnings {
    let service: ServiceObject
    let profile: RulesProfile
    let spec = FieldPath("spec")

    var all: [FieldWarning] {
        let s = service
        var result: [FieldWarning] = []
        if s.annotations.contains(where: { $0.key == VersionRules.topologyHintsAnnotation }) {
            result.append(FieldWarning(path: FieldPath("metadata.annotations").key(VersionRules.topologyHintsAnnotation),
                                       key: .warningTopologyHintsDeprecated, arguments: [VersionRules.topologyModeAnnotation]))
        }
        if !s.clusterIP.isEmpty && s.clusterIP != ServiceObject.clusterIPNone {
            for (i, ip) in s.clusterIPs.enumerated() { result += address(ip, at: spec.child("clusterIPs").index(i)) }
        }
        let headless = s.type == "ClusterIP" && s.clusterIP == ServiceObject.clusterIPNone
        if headless && profile.warnsAboutHeadlessFields {
            if !s.loadBalancerIP.isEmpty { result.append(ignoredForHeadless("loadBalancerIP")) }
            if !s.externalIPs.isEmpty { result.append(ignoredForHeadless("externalIPs")) }
            if s.sessionAffinity != "None" { result.append(ignoredForHeadless("sessionAffinity")) }
        }
        for (i, ip) in s.externalIPs.enumerated() { result += address(ip, at: spec.child("externalIPs").index(i)) }
        if profile.warnsAboutExternalIPs && !s.externalIPs.isEmpty && !headless && s.type != "ExternalName" {
            result.append(FieldWarning(path: spec.child("externalIPs"), key: .warningExternalIPsDeprecated))
        }
        if !s.loadBalancerIP.isEmpty { result += address(s.loadBalancerIP, at: spec.child("loadBalancerIP")) }
        for (i, range) in s.loadBalancerSourceRanges.enumerated() {
            result += address(range, at: spec.child("loadBalancerSourceRanges").index(i), cidr: true)
        }
        if profile.warnsAboutIgnoredFields {
            if s.type == "ExternalName" && !s.externalIPs.isEmpty {
                result.append(FieldWarning(path: spec.child("externalIPs"), key: .warningIgnoredForExternalName))
            }
            if s.type != "ExternalName" && !s.externalName.isEmpty {
                result.append(FieldWarning(path: spec.child("externalName"), key: .warningExternalNameIgnored))
            }
        }
        if profile.warnsAboutPreferClose && s.trafficDistribution == "PreferClose" {
            result.append(FieldWarning(path: spec.child("trafficDistribution"), key: .warningPreferCloseDeprecated,
                                       arguments: ["PreferClose", "PreferSameZone"]))
        }
        return result
    }

    private func ignoredForHeadless(_ field: String) -> FieldWarning {
        FieldWarning(path: spec.child(field), key: .warningIgnoredForHeadless)
    }

    /// Spelling warnings for an address the validator accepted (an invalid one is an error).
    private func address(_ text: String, at path: FieldPath, cidr: Bool = false) -> [FieldWarning] {
        switch cidr ? AddressSpelling.cidr(text) : AddressSpelling.ip(text) {
        case .leadingZeros:
            return [FieldWarning(path: path, key: .warningLeadingZeros, arguments: [text])]
        case .notCanonical(let canonical):
            return [FieldWarning(path: path, key: .warningNotCanonical, arguments: [text, canonical])]
        case nil:
            return []
        }
    }
}
