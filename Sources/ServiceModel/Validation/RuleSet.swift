/// Which rules `ServiceValidator` applies.
package struct RuleSet: Sendable, Hashable {
    /// The cluster's node port range (`--service-node-port-range`); a requested node port
    /// outside it is refused. Nil skips the check (the range is not known).
    package var nodePortRange: ClosedRange<Int>?
    /// The wizard's own rules on top of Kubernetes': alias and description length, a
    /// selector for headless services, at least one port, no key written twice.
    package var wizardRules: Bool
    /// The Kubernetes release whose rules, defaults, dropped fields and warnings apply.
    package var profile: RulesProfile
    /// The IP families the cluster's services get (`--service-cluster-ip-range`): one for
    /// a single-stack cluster, two for dual-stack. The allocator refuses a family the
    /// cluster lacks and dual-stack on a single-stack cluster. Nil skips those checks.
    package var serviceIPFamilies: [String]?

    package init(
        nodePortRange: ClosedRange<Int>? = PortRules.defaultNodePortRange, wizardRules: Bool = false,
        profile: RulesProfile = .newest, serviceIPFamilies: [String]? = nil
    ) {
        self.nodePortRange = nodePortRange
        self.wizardRules = wizardRules
        self.profile = profile
        self.serviceIPFamilies = serviceIPFamilies
    }

    /// What the newest supported API server's validation accepts with the default node
    /// port range, without assumptions about the cluster's IP families.
    package static let kubernetes = RuleSet()
    /// What an API server of `version` with the defaults of a fresh cluster accepts: the
    /// default node port range and single-stack IPv4 services.
    package static func server(_ version: KubeVersion) -> RuleSet {
        RuleSet(profile: RulesProfile(version), serviceIPFamilies: ["IPv4"])
    }
    /// Kubernetes' rules plus the wizard's (FIELDS.md).
    package static let wizard = RuleSet(wizardRules: true)

    /// The same rules for another release.
    package func profile(_ profile: RulesProfile) -> RuleSet {
        var copy = self
        copy.profile = profile
        return copy
    }

    /// The same rules with another node port range (nil: not checked).
    package func nodePortRange(_ range: ClosedRange<Int>?) -> RuleSet {
        var copy = self
        copy.nodePortRange = range
        return copy
    }
}
