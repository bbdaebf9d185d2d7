/// Which rules `ServiceValidator` applies.
public struct RuleSet: Sendable, Hashable {
    /// The cluster's node port range (`--service-node-port-range`); a requested node port
    /// outside it is refused. Nil skips the check (the range is not known).
    public var nodePortRange: ClosedRange<Int>?
    /// The wizard's own rules on top of Kubernetes': alias and description length, a
    /// selector for headless services, at least one port, no key written twice.
    public var wizardRules: Bool

    public init(nodePortRange: ClosedRange<Int>? = PortRules.defaultNodePortRange, wizardRules: Bool = false) {
        self.nodePortRange = nodePortRange
        self.wizardRules = wizardRules
    }

    /// Exactly what a v1.24 API server with the default node port range accepts.
    public static let kubernetes = RuleSet()
    /// Kubernetes' rules plus the wizard's (FIELDS.md).
    public static let wizard = RuleSet(wizardRules: true)

    /// The same rules with another node port range (nil: not checked).
    public func nodePortRange(_ range: ClosedRange<Int>?) -> RuleSet {
        var copy = self
        copy.nodePortRange = range
        return copy
    }
}
