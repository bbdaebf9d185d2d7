/// The one entry point that checks a whole Service manifest, as the API server would on
/// create (`previous` nil) or update (`previous` = the stored object). Forms, the editor,
/// import, `svcwiz validate` and every backend write call it.
///
/// It runs what the API server of `rules.profile` runs, in its order: dropping the fields
/// that release does not know or has gated off, decoding (wrong JSON types, which
/// the server answers with 400), defaulting (`ServiceDefaults`), on update the registry's
/// fix-ups (allocated values kept, `clusterIP`/`clusterIPs` normalised, fields of the old
/// type dropped), then `ValidateServiceUpdate`/`ValidateService`, then the allocator's
/// checks that need no cluster state (node port range, ipFamilyPolicy, traffic policy
/// combinations). Errors keep Kubernetes' paths, kinds and order; paths are those of
/// `manifest` as written (defaulting only adds fields). Allocation conflicts (a node port or
/// cluster IP already taken, a cluster IP outside the service CIDR) need the cluster and are
/// left to it.
package enum ServiceValidator {
    package static func validate(_ manifest: ManifestNode, previous: ManifestNode? = nil, rules: RuleSet = .kubernetes) -> [FieldError] {
        let profile = rules.profile
        let (documentErrors, decodable) = documentRules(DroppedFields.pruned(manifest, previous: previous, profile: profile, onlyUnknown: true))
        guard decodable else { return documentErrors }
        let manifest = DroppedFields.pruned(manifest, previous: previous, profile: profile)

        var service = ServiceObject(ServiceDefaults.apply(to: manifest, profile: profile), profile: profile)
        var errors = documentErrors
        if let previous {
            let previous = DroppedFields.pruned(previous, previous: previous, profile: profile)
            let old = ServiceObject(ServiceDefaults.apply(to: previous, profile: profile), profile: profile)
            service.patchAllocatedValues(previous: old)
            service.normalizeClusterIPs(previous: old)
            service.dropTypeDependentFields(previous: old)
            errors += updateRules(service, old: old)
        } else {
            service.normalizeClusterIPs(previous: nil)
        }
        errors += serviceRules(service, profile: profile)
        errors += allocationRules(service, rules: rules)
        if rules.wizardRules { errors += wizardRules(service) }
        return errors
    }

    static let spec = FieldPath("spec")
    static let loadBalancerSourceRangesAnnotation = "service.beta.kubernetes.io/load-balancer-source-ranges"

    // MARK: Decoding

    /// `apiVersion`, `kind` and the JSON types. Decodable is false when validating further
    /// would only add noise: a type error (the server stops at 400) or another kind.
    static func documentRules(_ manifest: ManifestNode) -> (errors: [FieldError], decodable: Bool) {
        guard manifest.isMapping else {
            return ([FieldError(path: .root, kind: .invalid, key: .typeMapping, arguments: ["apiVersion: v1"])], false)
        }
        var errors: [FieldError] = []
        var decodable = true
        for (field, expected, key) in [("apiVersion", "v1", MessageKey.apiVersionV1), ("kind", "Service", .kindService)] {
            let node = manifest[field]
            if node == nil || node?.isNull == true {
                errors.append(FieldError(path: FieldPath(field), kind: .required, key: key))
            } else if node?.string != expected {
                errors.append(FieldError(path: FieldPath(field), kind: .invalid, key: key, badValue: node?.scalarText))
                if field == "kind" { decodable = false }
            }
        }
        let typeErrors = FieldShape.service.typeErrors(of: manifest, at: .root)
            .filter { $0.path != "apiVersion" && $0.path != "kind" }
        return (errors + typeErrors, decodable && typeErrors.isEmpty)
    }

    // MARK: ValidateService

    /// `ValidateService`, kept in one piece in upstream's order of checks so that errors
    /// come out in the order the API server gives them and the two read side by side.
    static func serviceRules(_ s: ServiceObject, profile: RulesProfile) -> [FieldError] {
        var errors = metadataRules(s)
        if profile.topologyAnnotationsMustMatch { errors += VersionRules.topologyAnnotations(s) }
        if s.ports.isEmpty && !s.isHeadless && s.type != "ExternalName" {
            errors.append(FieldError(path: spec.child("ports"), kind: .required, key: .portsRequired))
        }
        switch s.type {
        case "LoadBalancer", "NodePort":
            if s.type == "LoadBalancer" && profile.refusesKubeletPortOnLoadBalancer { errors += VersionRules.kubeletPort(s) }
            if s.isHeadless {
                errors.append(FieldError(path: spec.child("clusterIPs").index(0), kind: .invalid, key: .headlessNotAllowed,
                                         arguments: [s.type], badValue: ServiceObject.clusterIPNone))
            }
        case "ExternalName":
            if !s.clusterIPs.isEmpty { errors.append(forbiddenForExternalName("clusterIPs")) }
            if !s.ipFamilies.isEmpty { errors.append(forbiddenForExternalName("ipFamilies")) }
            if s.ipFamilyPolicy != nil { errors.append(forbiddenForExternalName("ipFamilyPolicy")) }
            errors += NetworkRules.externalName(s.externalName, path: spec.child("externalName"))
        default:
            break
        }

        var portNames: Set<String> = []
        for (i, port) in s.ports.enumerated() {
            errors += portRules(port, path: spec.child("ports").index(i), requireName: s.ports.count > 1, names: &portNames)
        }
        if let selector = s.selector {
            errors += LabelRules.labels(selector, path: spec.child("selector"))
        }
        errors += PortRules.notSupported(s.sessionAffinity, supported: ["ClientIP", "None"], path: spec.child("sessionAffinity"))
        if s.sessionAffinity == "ClientIP" {
            errors += PortRules.timeout(s.timeoutSeconds ?? ServiceDefaults.clientIPTimeoutSeconds,
                                        path: "spec.sessionAffinityConfig.clientIP.timeoutSeconds")
        }
        errors += clusterIPRules(s)
        for (i, ip) in s.externalIPs.enumerated() {
            errors += NetworkRules.externalIP(ip, path: spec.child("externalIPs").index(i))
        }
        errors += PortRules.notSupported(s.type, supported: ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"],
                                         path: spec.child("type"))
        if s.type == "ClusterIP" {
            for (i, port) in s.ports.enumerated() where port.nodePort != 0 {
                errors.append(FieldError(path: spec.child("ports").index(i).child("nodePort"), kind: .forbidden,
                                         key: .nodePortNeedsExternalAccess, badValue: "\(port.nodePort)"))
            }
        }
        errors += duplicatePortRules(s)
        errors += sourceRangeRules(s)
        if s.allocateLoadBalancerNodePorts != nil && s.type != "LoadBalancer" {
            errors.append(FieldError(path: spec.child("allocateLoadBalancerNodePorts"), kind: .forbidden, key: .loadBalancerOnly))
        }
        if let lbClass = s.loadBalancerClass {
            if s.type == "LoadBalancer" {
                errors += NameRules.qualifiedName(lbClass, path: spec.child("loadBalancerClass"))
            } else {
                errors.append(FieldError(path: spec.child("loadBalancerClass"), kind: .forbidden, key: .loadBalancerOnly, badValue: lbClass))
            }
        }
        if !s.externalTrafficPolicy.isEmpty && !["Cluster", "Local"].contains(s.externalTrafficPolicy) {
            errors.append(FieldError(path: spec.child("externalTrafficPolicy"), kind: .invalid, key: .notSupported,
                                     arguments: ["Cluster, Local"], badValue: s.externalTrafficPolicy))
        }
        if s.healthCheckNodePort < 0 {
            errors.append(FieldError(path: spec.child("healthCheckNodePort"), kind: .invalid,
                                     key: .healthCheckNodePortNegative, badValue: "\(s.healthCheckNodePort)"))
        }
        if let policy = s.internalTrafficPolicy {
            errors += PortRules.notSupported(policy, supported: ["Cluster", "Local"], path: spec.child("internalTrafficPolicy"))
        }
        errors += VersionRules.trafficDistribution(s, profile: profile)
        return errors
    }

    /// `ValidateObjectMeta` for a namespaced object named by `ValidateServiceName`. The
    /// namespace may be left out (the backend fills it in); a `generateName` stands in for
    /// a missing name (the server generates it before validating).
    static func metadataRules(_ s: ServiceObject) -> [FieldError] {
        let metadata = FieldPath("metadata")
        var errors: [FieldError] = []
        if !s.generateName.isEmpty {
            errors += NameRules.generateNamePrefix(s.generateName, path: metadata.child("generateName"))
        }
        if s.name.isEmpty {
            if s.generateName.isEmpty { errors.append(FieldError(path: metadata.child("name"), kind: .required, key: .nameRequired)) }
        } else {
            errors += NameRules.dns1035Label(s.name, path: metadata.child("name"))
        }
        if !s.namespace.isEmpty {
            errors += NameRules.dns1123Label(s.namespace, path: metadata.child("namespace"))
        }
        errors += LabelRules.labels(s.labels, path: metadata.child("labels"))
        errors += LabelRules.annotations(s.annotations, path: metadata.child("annotations"))
        return errors
    }

    /// `validateServicePort`.
    static func portRules(_ port: ServiceObject.Port, path: FieldPath, requireName: Bool, names: inout Set<String>) -> [FieldError] {
        var errors: [FieldError] = []
        if requireName && port.name.isEmpty {
            errors.append(FieldError(path: path.child("name"), kind: .required, key: .portNameRequired))
        } else if !port.name.isEmpty {
            errors += PortRules.portName(port.name, path: path.child("name"))
            if !names.insert(port.name).inserted {
                errors.append(FieldError(path: path.child("name"), kind: .duplicate, key: .portNameDuplicate,
                                         arguments: [port.name], badValue: port.name))
            }
        }
        errors += PortRules.port(port.port, path: path.child("port"))
        errors += PortRules.portProtocol(port.portProtocol, path: path.child("protocol"))
        errors += PortRules.targetPort(port.targetPort, path: path.child("targetPort"))
        if let appProtocol = port.appProtocol {
            errors += NameRules.qualifiedName(appProtocol, path: path.child("appProtocol"))
        }
        return errors
    }

    /// Node ports unique per protocol, then ports unique per protocol.
    static func duplicatePortRules(_ s: ServiceObject) -> [FieldError] {
        var errors: [FieldError] = []
        var nodePorts: Set<String> = []
        for (i, port) in s.ports.enumerated() where port.nodePort != 0 {
            if !nodePorts.insert("\(port.portProtocol)/\(port.nodePort)").inserted {
                errors.append(FieldError(path: spec.child("ports").index(i).child("nodePort"), kind: .duplicate,
                                         key: .nodePortDuplicate, arguments: ["\(port.nodePort)", port.portProtocol],
                                         badValue: "\(port.nodePort)"))
            }
        }
        var ports: Set<String> = []
        for (i, port) in s.ports.enumerated() where !ports.insert("\(port.portProtocol)/\(port.port)").inserted {
            errors.append(FieldError(path: spec.child("ports").index(i), kind: .duplicate, key: .portDuplicate,
                                     arguments: ["\(port.port)", port.portProtocol], badValue: "\(port.port)/\(port.portProtocol)"))
        }
        return errors
    }

    /// `spec.loadBalancerSourceRanges`, or else the older annotation: LoadBalancer only,
    /// each a CIDR (spaces around it allowed). Kubernetes v1.24 reports one error for the
    /// whole list at `spec.LoadBalancerSourceRanges` (sic); here each bad entry is reported
    /// at the field as written, with its index in `element`.
    static func sourceRangeRules(_ s: ServiceObject) -> [FieldError] {
        var errors: [FieldError] = []
        if !s.loadBalancerSourceRanges.isEmpty {
            let path = spec.child("loadBalancerSourceRanges")
            if s.type != "LoadBalancer" { errors.append(FieldError(path: path, kind: .forbidden, key: .loadBalancerOnly)) }
            for (i, range) in s.loadBalancerSourceRanges.enumerated() {
                errors += NetworkRules.cidr(range, path: path, element: .index(i))
            }
        } else if let annotation = s.annotations.last(where: { $0.key == loadBalancerSourceRangesAnnotation }) {
            let path = FieldPath("metadata.annotations").key(loadBalancerSourceRangesAnnotation)
            if s.type != "LoadBalancer" { errors.append(FieldError(path: path, kind: .forbidden, key: .loadBalancerOnly)) }
            let value = annotation.value.trimmingASCIISpaces
            if !value.isEmpty {
                for range in value.split(separator: ",", omittingEmptySubsequences: false) {
                    errors += NetworkRules.cidr(String(range), path: path)
                }
            }
        }
        return errors
    }

    /// `ValidateServiceClusterIPsRelatedFields`, kept in one piece in upstream's order of
    /// checks, as `serviceRules` is.
    static func clusterIPRules(_ s: ServiceObject) -> [FieldError] {
        guard s.type != "ExternalName" else { return [] }
        let clusterIPsPath = spec.child("clusterIPs")
        let list = "[" + s.clusterIPs.joined(separator: ", ") + "]"
        var errors: [FieldError] = []
        if !s.clusterIP.isEmpty {
            if s.clusterIPs.isEmpty {
                errors.append(FieldError(path: clusterIPsPath, kind: .required, key: .clusterIPsRequired))
            } else if s.clusterIPs[0] != s.clusterIP {
                errors.append(FieldError(path: clusterIPsPath, kind: .invalid, key: .clusterIPsFirstMatches, badValue: list))
            }
        } else if !s.clusterIPs.isEmpty {
            errors.append(FieldError(path: clusterIPsPath, kind: .invalid, key: .clusterIPsEmpty, badValue: list))
        }

        var seen: Set<String> = []
        for (i, family) in s.ipFamilies.enumerated() {
            errors += PortRules.notSupported(family, supported: ["IPv4", "IPv6"], path: spec.child("ipFamilies").index(i))
            if !seen.insert(family).inserted {
                errors.append(FieldError(path: spec.child("ipFamilies").index(i), kind: .duplicate, key: .duplicate,
                                         arguments: [family], badValue: family))
            }
        }
        if let policy = s.ipFamilyPolicy {
            errors += PortRules.notSupported(policy, supported: ["PreferDualStack", "RequireDualStack", "SingleStack"],
                                             path: spec.child("ipFamilyPolicy"))
        }

        var hasInvalidIPs = false
        var addresses: [IPAddress] = []
        for (i, ip) in s.clusterIPs.enumerated() {
            if i == 0 && ip == ServiceObject.clusterIPNone {
                if s.clusterIPs.count > 1 {
                    hasInvalidIPs = true
                    errors.append(FieldError(path: clusterIPsPath, kind: .invalid, key: .clusterIPsNoneAlone, badValue: list))
                }
                continue
            }
            if let address = IPAddress(ip) {
                addresses.append(address)
            } else {
                hasInvalidIPs = true
                errors += NetworkRules.ip(ip, path: clusterIPsPath.index(i))
            }
        }
        if s.clusterIPs.count > 2 {
            errors.append(FieldError(path: clusterIPsPath, kind: .invalid, key: .clusterIPsTooMany, badValue: list))
        }
        guard !hasInvalidIPs else { return errors }

        if addresses.count > 1 && !(addresses.contains { $0.isIPv6 } && addresses.contains { !$0.isIPv6 }) {
            errors.append(FieldError(path: clusterIPsPath, kind: .invalid, key: .clusterIPsOnePerFamily, badValue: list))
        }
        if !s.isHeadless && !s.ipFamilies.isEmpty {
            for (i, address) in addresses.enumerated() where i < s.ipFamilies.count {
                let family = s.ipFamilies[i]
                if (family == "IPv4" && address.isIPv6) || (family == "IPv6" && !address.isIPv6) {
                    errors.append(FieldError(path: clusterIPsPath.index(i), kind: .invalid, key: .clusterIPFamily,
                                             arguments: [family, "\(i)"], badValue: s.clusterIPs[i]))
                }
            }
        }
        return errors
    }

    static func forbiddenForExternalName(_ field: String) -> FieldError {
        FieldError(path: spec.child(field), kind: .forbidden, key: .externalNameForbids)
    }

    // MARK: The allocator's checks that need no cluster state

    static func allocationRules(_ s: ServiceObject, rules: RuleSet) -> [FieldError] {
        var errors: [FieldError] = []
        if let range = rules.nodePortRange, s.needsNodePorts {
            for (i, port) in s.ports.enumerated() {
                errors += PortRules.nodePort(port.nodePort, path: spec.child("ports").index(i).child("nodePort"), range: range)
            }
        }
        if s.type != "ExternalName" && s.ipFamilyPolicy == "SingleStack" && (s.clusterIPs.count == 2 || s.ipFamilies.count == 2) {
            errors.append(FieldError(path: spec.child("ipFamilyPolicy"), kind: .invalid, key: .ipFamilyPolicySingleStack,
                                     badValue: "SingleStack"))
        }
        if !s.isExternallyAccessible && !s.externalTrafficPolicy.isEmpty {
            errors.append(FieldError(path: spec.child("externalTrafficPolicy"), kind: .invalid,
                                     key: s.externalIPsTakeTrafficPolicy ? .externalTrafficPolicyExternal : .externalTrafficPolicyType,
                                     badValue: s.externalTrafficPolicy))
        }
        if let families = rules.serviceIPFamilies { errors += VersionRules.clusterIPFamilies(s, configured: families) }
        if !s.needsHealthCheck && s.healthCheckNodePort != 0 {
            errors.append(FieldError(path: spec.child("healthCheckNodePort"), kind: .invalid,
                                     key: .healthCheckNodePortType, badValue: "\(s.healthCheckNodePort)"))
        }
        return errors
    }

    // MARK: ValidateServiceUpdate

    static func updateRules(_ s: ServiceObject, old: ServiceObject) -> [FieldError] {
        var errors: [FieldError] = []
        for (field, new, previous) in [("name", s.name, old.name), ("namespace", s.namespace, old.namespace), ("uid", s.uid, old.uid)]
        where !new.isEmpty && !previous.isEmpty && new != previous {
            errors.append(FieldError(path: FieldPath("metadata").child(field), kind: .invalid, key: .immutable,
                                     arguments: [previous], badValue: new))
        }
        errors += clusterIPUpdateRules(s, old: old)
        errors += ipFamilyUpdateRules(s, old: old)
        if old.type == "LoadBalancer" && s.type == "LoadBalancer" && old.loadBalancerClass != s.loadBalancerClass {
            errors.append(FieldError(path: spec.child("loadBalancerClass"), kind: .invalid, key: .immutable,
                                     arguments: [old.loadBalancerClass ?? ""], badValue: s.loadBalancerClass))
        }
        return errors
    }

    /// `validateUpgradeDowngradeClusterIPs`: the primary cluster IP never changes; the
    /// secondary may be added, or removed with `ipFamilyPolicy: SingleStack`.
    static func clusterIPUpdateRules(_ s: ServiceObject, old: ServiceObject) -> [FieldError] {
        guard s.type != "ExternalName" && old.type != "ExternalName", !(s.isHeadless && old.isHeadless) else { return [] }
        let path = spec.child("clusterIPs")
        let list = "[" + s.clusterIPs.joined(separator: ", ") + "]"
        var errors: [FieldError] = []
        func changed(_ i: Int) -> FieldError {
            FieldError(path: path.index(i), kind: .invalid, key: .immutable, arguments: [old.clusterIPs[i]], badValue: list)
        }
        if old.clusterIPs.count == s.clusterIPs.count {
            for i in old.clusterIPs.indices where old.clusterIPs[i] != s.clusterIPs[i] { errors.append(changed(i)) }
        } else if old.clusterIPs.count > s.clusterIPs.count {
            if s.clusterIPs.isEmpty {
                errors.append(FieldError(path: path.index(0), kind: .invalid, key: .clusterIPPrimaryUnset, badValue: list))
            } else if s.clusterIPs[0] != old.clusterIPs[0] {
                errors.append(changed(0))
            }
            if s.clusterIPs.count == 1 && s.ipFamilyPolicy != "SingleStack" {
                errors.append(FieldError(path: path.index(0), kind: .invalid, key: .ipFamilyPolicyRelease, badValue: list))
            }
        } else if !old.clusterIPs.isEmpty && s.clusterIPs[0] != old.clusterIPs[0] {
            errors.append(changed(0))
        }
        return errors
    }

    /// `validateUpgradeDowngradeIPFamilies`: the primary family never changes.
    static func ipFamilyUpdateRules(_ s: ServiceObject, old: ServiceObject) -> [FieldError] {
        guard s.type != "ExternalName" && old.type != "ExternalName", s.isHeadless == old.isHeadless, !s.isHeadless
        else { return [] }
        let path = spec.child("ipFamilies").index(0)
        let list = "[" + s.ipFamilies.joined(separator: ", ") + "]"
        let primaryChanged = !s.ipFamilies.isEmpty && !old.ipFamilies.isEmpty && s.ipFamilies[0] != old.ipFamilies[0]
        var errors: [FieldError] = []
        if old.ipFamilies.count == s.ipFamilies.count {
            for i in old.ipFamilies.indices where old.ipFamilies[i] != s.ipFamilies[i] {
                errors.append(FieldError(path: path, kind: .invalid, key: .immutable, arguments: [old.ipFamilies[0]], badValue: list))
            }
        } else {
            if primaryChanged {
                errors.append(FieldError(path: path, kind: .invalid, key: .immutable, arguments: [old.ipFamilies[0]], badValue: list))
            }
            if old.ipFamilies.count > s.ipFamilies.count && s.ipFamilies.count == 1 && s.ipFamilyPolicy != "SingleStack" {
                errors.append(FieldError(path: spec.child("clusterIPs").index(0), kind: .invalid, key: .ipFamilyPolicyRelease, badValue: list))
            }
        }
        return errors
    }

    // MARK: The wizard's own rules

    static func wizardRules(_ s: ServiceObject) -> [FieldError] {
        var errors: [FieldError] = []
        if let alias = s.annotations.last(where: { $0.key == WizardRules.aliasAnnotation }) {
            errors += WizardRules.alias(alias.value)
        }
        if let description = s.annotations.last(where: { $0.key == WizardRules.descriptionAnnotation }) {
            errors += WizardRules.description(description.value)
        }
        errors += LabelRules.duplicateKeys(s.labels, path: "metadata.labels")
        errors += LabelRules.duplicateKeys(s.annotations, path: "metadata.annotations")
        errors += LabelRules.duplicateKeys(s.selector ?? [], path: spec.child("selector"))
        if s.isHeadless {
            if (s.selector ?? []).isEmpty {
                errors.append(FieldError(path: spec.child("selector"), kind: .required, key: .selectorRequiredHeadless))
            }
            if s.ports.isEmpty {
                errors.append(FieldError(path: spec.child("ports"), kind: .required, key: .portsRequired))
            }
        }
        if s.type == "ExternalName" && !(s.selector ?? []).isEmpty {
            errors.append(FieldError(path: spec.child("selector"), kind: .forbidden, key: .externalNameForbids))
        }
        return errors
    }
}
