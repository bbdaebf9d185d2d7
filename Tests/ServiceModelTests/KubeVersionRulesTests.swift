import Testing
@testable import ServiceModel

/// One row of the per-release table: a tweak of the valid service and, for each range of
/// minor releases, the causes a server of that release answers. Every release from 1.24 to
/// the newest is checked, so each change is tested on both sides.
struct VersionCase: Sendable, CustomTestStringConvertible {
    var name: String
    var tweak: @Sendable (inout ManifestNode) -> Void
    var verdicts: [(minors: ClosedRange<Int>, causes: [String])]

    init(_ name: String, _ verdicts: [(ClosedRange<Int>, [String])], _ tweak: @escaping @Sendable (inout ManifestNode) -> Void) {
        self.name = name
        self.tweak = tweak
        self.verdicts = verdicts.map { (minors: $0.0, causes: $0.1) }
    }

    var testDescription: String { name }

    func expected(_ minor: Int) -> [String]? { verdicts.first { $0.minors.contains(minor) }?.causes }
}

private let all = KubeVersion.supported
private func lb(_ m: inout ManifestNode) { m.set("spec.type", .string("LoadBalancer")) }

// Cases named as in upstream validation_test.go (TestValidateServiceCreate and the
// trafficDistribution / topology tables) where one exists there.
let versionCases: [VersionCase] = [
    VersionCase("valid port type=LoadBalancer 10250", [(24...32, ["spec.ports[1] FieldValueInvalid"]), (33...36, [])]) {
        lb(&$0)
        $0.appendPort(TestService.port(name: "kubelet", port: 10250, targetPort: 12345))
    },
    VersionCase("port 10250 on a NodePort", [(all, [])]) {
        $0.set("spec.type", .string("NodePort"))
        $0.appendPort(TestService.port(name: "kubelet", port: 10250, targetPort: 12345))
    },
    VersionCase("valid externalTrafficPolicy Local with externalIPs on ClusterIP",
                [(24...27, ["spec.externalTrafficPolicy FieldValueInvalid"]), (28...36, [])]) {
        $0.set("spec.externalIPs", TestService.strings(["1.2.3.4"]))
        $0.set("spec.externalTrafficPolicy", .string("Local"))
    },
    VersionCase("invalid externalTrafficPolicy on ClusterIP without externalIPs",
                [(all, ["spec.externalTrafficPolicy FieldValueInvalid"])]) {
        $0.set("spec.externalTrafficPolicy", .string("Cluster"))
    },
    VersionCase("invalid externalTrafficPolicy value with externalIPs on ClusterIP",
                [(24...27, ["spec.externalTrafficPolicy FieldValueInvalid", "spec.externalTrafficPolicy FieldValueInvalid"]),
                 (28...36, ["spec.externalTrafficPolicy FieldValueInvalid"])]) {
        $0.set("spec.externalIPs", TestService.strings(["1.2.3.4"]))
        $0.set("spec.externalTrafficPolicy", .string("Sideways"))
    },
    VersionCase("invalid topology annotations: mode and hints differ",
                [(24...26, []), (27...36, ["metadata.annotations[service.kubernetes.io/topology-mode] FieldValueInvalid"])]) {
        $0.set("metadata.annotations[service.kubernetes.io/topology-mode]", .string("Auto"))
        $0.set("metadata.annotations[service.kubernetes.io/topology-aware-hints]", .string("Disabled"))
    },
    VersionCase("valid topology annotations: mode and hints agree", [(all, [])]) {
        $0.set("metadata.annotations[service.kubernetes.io/topology-mode]", .string("Auto"))
        $0.set("metadata.annotations[service.kubernetes.io/topology-aware-hints]", .string("Auto"))
    },
    VersionCase("valid trafficDistribution PreferClose", [(all, [])]) {
        $0.set("spec.trafficDistribution", .string("PreferClose"))
    },
    VersionCase("invalid trafficDistribution value", [(24...30, []), (31...36, ["spec.trafficDistribution FieldValueNotSupported"])]) {
        $0.set("spec.trafficDistribution", .string("InvalidValue"))
    },
    VersionCase("trafficDistribution PreferSameNode", [(24...30, []), (31...33, ["spec.trafficDistribution FieldValueNotSupported"]), (34...36, [])]) {
        $0.set("spec.trafficDistribution", .string("PreferSameNode"))
    },
    VersionCase("trafficDistribution PreferSameZone", [(24...30, []), (31...33, ["spec.trafficDistribution FieldValueNotSupported"]), (34...36, [])]) {
        $0.set("spec.trafficDistribution", .string("PreferSameZone"))
    },
    VersionCase("trafficDistribution of the wrong JSON type", [(24...29, []), (30...36, ["spec.trafficDistribution FieldValueInvalid"])]) {
        $0.set("spec.trafficDistribution", .int(3))
    },
]

@Suite struct KubeVersionRulesTests {
    @Test(arguments: versionCases)
    func verdictFollowsTheRelease(_ row: VersionCase) {
        var manifest = TestService.valid
        row.tweak(&manifest)
        for minor in KubeVersion.supported {
            let rules = RuleSet.kubernetes.profile(RulesProfile(KubeVersion(minor: minor)))
            let causes = ServiceValidator.validate(manifest, rules: rules).map(\.cause.description)
            #expect(causes == row.expected(minor), "1.\(minor)")
        }
    }

    @Test func theDefaultIsTheNewestRelease() {
        #expect(RuleSet.kubernetes.profile == .newest)
        #expect(RulesProfile.newest.version == KubeVersion(minor: KubeVersion.supported.upperBound))
    }

    @Test func twoFamiliesWithoutAPolicyAreRefusedOnASingleStackServer() {
        var manifest = TestService.valid
        manifest.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
        for minor in KubeVersion.supported {
            let causes = ServiceValidator.validate(manifest, rules: .server(KubeVersion(minor: minor))).map(\.cause.description)
            #expect(causes == ["spec.ipFamilyPolicy FieldValueInvalid", "spec.ipFamilies[1] FieldValueInvalid"], "1.\(minor)")
        }
        manifest.set("spec.ipFamilies", TestService.strings(["IPv4"]))
        #expect(ServiceValidator.validate(manifest, rules: .server(.oldest)).isEmpty)
        manifest.set("spec.ipFamilyPolicy", .string("PreferDualStack"))
        #expect(ServiceValidator.validate(manifest, rules: .server(.oldest)).isEmpty)
        manifest.set("spec.ipFamilyPolicy", .string("RequireDualStack"))
        #expect(ServiceValidator.validate(manifest, rules: .server(.oldest)).map(\.cause.description) == ["spec.ipFamilyPolicy FieldValueInvalid"])
        // A dual-stack cluster takes both.
        manifest.set("spec.ipFamilies", TestService.strings(["IPv4", "IPv6"]))
        let dual = RuleSet(profile: .oldest, serviceIPFamilies: ["IPv4", "IPv6"])
        #expect(ServiceValidator.validate(manifest, rules: dual).isEmpty)
    }

    @Test func externalIPsGetATrafficPolicyDefaultFrom128() {
        var manifest = TestService.valid
        manifest.set("spec.externalIPs", TestService.strings(["1.2.3.4"]))
        let old = ServiceDefaults.apply(to: manifest, profile: RulesProfile(KubeVersion(minor: 27)))
        let new = ServiceDefaults.apply(to: manifest, profile: RulesProfile(KubeVersion(minor: 28)))
        #expect(old["spec"]?["externalTrafficPolicy"] == nil)
        #expect(new["spec"]?["externalTrafficPolicy"]?.string == "Cluster")
    }

    @Test func aGatedFieldIsKeptOnUpdateWhenTheStoredObjectUsesIt() {
        var stored = TestService.valid
        stored.set("spec.clusterIP", .string("10.96.0.10"))
        stored.set("spec.clusterIPs", TestService.strings(["10.96.0.10"]))
        stored.set("spec.trafficDistribution", .string("PreferClose"))
        let gated = RuleSet.kubernetes.profile(RulesProfile(KubeVersion(minor: 30)))
        #expect(ServiceValidator.warnings(stored, previous: stored, rules: gated).isEmpty)
        #expect(ServiceValidator.warnings(stored, previous: nil, rules: gated).map(\.key) == [.warningFieldGatedOff])
        let kept = ServiceValidator.droppingUnservedFields(stored, previous: stored, profile: gated.profile)
        #expect(kept["spec"]?["trafficDistribution"]?.string == "PreferClose")
        let dropped = ServiceValidator.droppingUnservedFields(stored, previous: nil, profile: gated.profile)
        #expect(dropped["spec"]?["trafficDistribution"] == nil)
        var changed = stored
        changed.set("spec.trafficDistribution", .string("PreferSameNode"))
        #expect(ServiceValidator.validate(changed, previous: stored, rules: gated).map(\.cause.description)
            == ["spec.trafficDistribution FieldValueNotSupported"])
    }
}
