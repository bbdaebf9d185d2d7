import Foundation
import Testing
@testable import ServiceModel

/// The form's Advanced fields: read, written only when changed, kept to the service types
/// that take them, and checked by the target release's rules.
@Suite struct DraftAdvancedTests {
    static let loadBalancer: ManifestNode = {
        var manifest = TestService.valid
        manifest.set("spec.type", .string("LoadBalancer"))
        return manifest
    }()

    @Test func everyAdvancedFieldIsWrittenAndReadBack() {
        var draft = ServiceDraft(manifest: Self.loadBalancer)
        draft.advanced.trafficDistribution = "PreferSameZone"
        draft.advanced.internalTrafficPolicy = "Local"
        draft.advanced.loadBalancerClass = "example.com/lb"
        draft.advanced.allocateLoadBalancerNodePorts = "false"
        draft.advanced.ipFamilyPolicy = "PreferDualStack"
        draft.advanced.ipFamilies = "IPv4, IPv6"
        draft.advanced.publishNotReadyAddresses = "true"
        let manifest = draft.apply(to: Self.loadBalancer)
        let spec = manifest["spec"]
        #expect(spec?["trafficDistribution"]?.string == "PreferSameZone")
        #expect(spec?["internalTrafficPolicy"]?.string == "Local")
        #expect(spec?["loadBalancerClass"]?.string == "example.com/lb")
        #expect(spec?["allocateLoadBalancerNodePorts"]?.bool == false)
        #expect(spec?["ipFamilyPolicy"]?.string == "PreferDualStack")
        #expect(spec?["ipFamilies"]?.items?.compactMap(\.string) == ["IPv4", "IPv6"])
        #expect(spec?["publishNotReadyAddresses"]?.bool == true)
        #expect(ServiceDraft(manifest: manifest).advanced == draft.advanced)
        #expect(draft.apply(to: manifest) == manifest)
    }

    @Test func loadBalancerFieldsLeaveWithTheLoadBalancer() {
        var draft = ServiceDraft(manifest: Self.loadBalancer)
        draft.advanced.loadBalancerClass = "example.com/lb"
        let withClass = draft.apply(to: Self.loadBalancer)
        var other = ServiceDraft(manifest: withClass)
        other.externalAccess = .nodePort
        let nodePort = other.apply(to: withClass)
        #expect(nodePort["spec"]?["loadBalancerClass"] == nil)
    }

    @Test func textThatIsNoBooleanIsKeptForTheValidatorToName() {
        var draft = ServiceDraft(manifest: TestService.valid)
        draft.advanced.publishNotReadyAddresses = "yes"
        let errors = draft.validate(base: TestService.valid, rules: .kubernetes)
        #expect(errors.map(\.cause.description) == ["spec.publishNotReadyAddresses FieldValueInvalid"])
        #expect(ServiceDraft(manifest: draft.apply(to: TestService.valid)).advanced.publishNotReadyAddresses == "yes")
    }

    @Test func trafficDistributionIsCheckedByTheTargetRelease() {
        var draft = ServiceDraft(manifest: TestService.valid)
        draft.advanced.trafficDistribution = "PreferSameNode"
        let old = RuleSet.wizard.profile(RulesProfile(KubeVersion(minor: 33)))
        let new = RuleSet.wizard.profile(RulesProfile(KubeVersion(minor: 34)))
        #expect(draft.validate(base: TestService.valid, rules: old).map(\.cause.description) == ["spec.trafficDistribution FieldValueNotSupported"])
        #expect(draft.validate(base: TestService.valid, rules: new).isEmpty)
    }

    @Test func savedDraftsWithoutAdvancedFieldsStillLoad() throws {
        var draft = ServiceDraft(manifest: TestService.valid)
        draft.advanced.internalTrafficPolicy = "Local"
        let data = try JSONEncoder().encode(draft)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["advanced"] != nil)
        object["advanced"] = nil
        let old = try JSONDecoder().decode(ServiceDraft.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(old.advanced == AdvancedSettings())
        #expect(try JSONDecoder().decode(ServiceDraft.self, from: data).advanced.internalTrafficPolicy == "Local")
    }
}
