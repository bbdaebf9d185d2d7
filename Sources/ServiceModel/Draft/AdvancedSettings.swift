/// The form's Advanced fields: newer or rarer spec fields, as text the way the user types
/// them (empty: not set, the server's default applies). `ServiceDraft` writes them with the
/// rest of the spec (`ServiceDraft+Advanced`).
package struct AdvancedSettings: Sendable, Hashable, Codable {
    /// `spec.trafficDistribution` (1.31 and later; PreferSameZone/PreferSameNode from 1.34).
    package var trafficDistribution: String
    /// `spec.internalTrafficPolicy`: Cluster or Local.
    package var internalTrafficPolicy: String
    /// `spec.loadBalancerClass`; LoadBalancer only, immutable once set.
    package var loadBalancerClass: String
    /// `spec.allocateLoadBalancerNodePorts`: true or false; LoadBalancer only.
    package var allocateLoadBalancerNodePorts: String
    /// `spec.ipFamilyPolicy`: SingleStack, PreferDualStack or RequireDualStack.
    package var ipFamilyPolicy: String
    /// `spec.ipFamilies`, comma-separated: `IPv4`, `IPv6, IPv4`.
    package var ipFamilies: String
    /// `spec.publishNotReadyAddresses`: true or false.
    package var publishNotReadyAddresses: String

    package init() {
        trafficDistribution = ""
        internalTrafficPolicy = ""
        loadBalancerClass = ""
        allocateLoadBalancerNodePorts = ""
        ipFamilyPolicy = ""
        ipFamilies = ""
        publishNotReadyAddresses = ""
    }

    /// Reads the fields from a manifest's `spec` (absent: empty text).
    package init(spec: ManifestNode?) {
        func text(_ field: String) -> String { spec?[field]?.scalarText ?? "" }
        trafficDistribution = text("trafficDistribution")
        internalTrafficPolicy = text("internalTrafficPolicy")
        loadBalancerClass = text("loadBalancerClass")
        allocateLoadBalancerNodePorts = text("allocateLoadBalancerNodePorts")
        ipFamilyPolicy = text("ipFamilyPolicy")
        ipFamilies = (spec?["ipFamilies"]?.items ?? []).map { $0.scalarText ?? "" }.joined(separator: ", ")
        publishNotReadyAddresses = text("publishNotReadyAddresses")
    }

    /// `ipFamilies` as list items: split at commas, spaces trimmed, empty parts dropped.
    var ipFamilyList: [String] {
        ipFamilies.split(separator: ",").map { String($0).trimmingASCIISpaces }.filter { !$0.isEmpty }
    }
}
