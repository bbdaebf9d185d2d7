// Writing the Advanced fields, by the same rules as the rest of `apply(to:)`: only what the
// user changed, unedited nodes kept; LoadBalancer fields while the access is LoadBalancer;
// no IP family fields on an ExternalName (Kubernetes forbids them there).

extension ServiceDraft {
    func writeAdvanced(into out: inout ManifestNode, original: ServiceDraft) {
        let spec = FieldPath("spec")
        let now = advanced, before = original.advanced
        Self.writeText(now.trafficDistribution, was: before.trafficDistribution, at: spec.child("trafficDistribution"),
                       in: &out, encode: ManifestNode.string)
        Self.writeText(now.internalTrafficPolicy, was: before.internalTrafficPolicy, at: spec.child("internalTrafficPolicy"),
                       in: &out, encode: ManifestNode.string)
        Self.writeText(now.publishNotReadyAddresses, was: before.publishNotReadyAddresses,
                       at: spec.child("publishNotReadyAddresses"), in: &out, encode: Self.booleanOrText)
        if kind != .headlessExternalName {
            Self.writeText(now.ipFamilyPolicy, was: before.ipFamilyPolicy, at: spec.child("ipFamilyPolicy"), in: &out,
                           encode: ManifestNode.string)
            Self.writeList(now.ipFamilyList, was: before.ipFamilyList, at: spec.child("ipFamilies"), in: &out)
        }
        let usesLoadBalancer = externalAccess == .loadBalancer, usedLoadBalancer = original.externalAccess == .loadBalancer
        writeIfUsed(usesLoadBalancer, wasUsed: usedLoadBalancer, at: spec.child("loadBalancerClass"), in: &out) {
            Self.writeText(now.loadBalancerClass, was: before.loadBalancerClass, at: $1, in: &$0, encode: ManifestNode.string)
        }
        writeIfUsed(usesLoadBalancer, wasUsed: usedLoadBalancer, at: spec.child("allocateLoadBalancerNodePorts"), in: &out) {
            Self.writeText(now.allocateLoadBalancerNodePorts, was: before.allocateLoadBalancerNodePorts, at: $1, in: &$0,
                           encode: Self.booleanOrText)
        }
    }

    /// `true`/`false` as booleans; anything else stays text, for the validator to name.
    static func booleanOrText(_ text: String) -> ManifestNode? {
        switch text {
        case "true": return .bool(true)
        case "false": return .bool(false)
        default: return .string(text)
        }
    }
}
