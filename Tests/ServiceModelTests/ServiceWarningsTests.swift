import Testing
@testable import ServiceModel

/// The warnings of `GetWarningsForService` per release, and the fields a release drops.
struct WarningCase: Sendable, CustomTestStringConvertible {
    var name: String
    var tweak: @Sendable (inout ManifestNode) -> Void
    /// "path key" per range of minors.
    var verdicts: [(minors: ClosedRange<Int>, warnings: [String])]

    init(_ name: String, _ verdicts: [(ClosedRange<Int>, [String])], _ tweak: @escaping @Sendable (inout ManifestNode) -> Void) {
        self.name = name
        self.tweak = tweak
        self.verdicts = verdicts.map { (minors: $0.0, warnings: $0.1) }
    }

    var testDescription: String { name }
}

private let all = KubeVersion.supported

let warningCases: [WarningCase] = [
    WarningCase("no warnings for the valid service", [(all, [])]) { _ in },
    WarningCase("loadBalancerIP with leading zeros", [(24...26, []), (27...36, ["spec.loadBalancerIP warning.leadingZeros"])]) {
        $0.set("spec.type", .string("LoadBalancer"))
        $0.set("spec.loadBalancerIP", .string("010.0.0.1"))
    },
    WarningCase("externalIPs with leading zeros", [(24...26, []), (27...35, ["spec.externalIPs[0] warning.leadingZeros"]),
                                                   (36...36, ["spec.externalIPs[0] warning.leadingZeros", "spec.externalIPs warning.externalIPsDeprecated"])]) {
        $0.set("spec.externalIPs", TestService.strings(["1.2.3.04"]))
    },
    WarningCase("clusterIP IPv6 not canonical", [(24...26, []), (27...36, ["spec.clusterIPs[0] warning.notCanonical"])]) {
        $0.set("spec.clusterIP", .string("2001:DB8:0:0:0:0:0:1"))
        $0.set("spec.ipFamilies", TestService.strings(["IPv6"]))
    },
    WarningCase("loadBalancerSourceRanges IPv6 not canonical", [(24...26, []), (27...36, ["spec.loadBalancerSourceRanges[0] warning.notCanonical"])]) {
        $0.set("spec.type", .string("LoadBalancer"))
        $0.set("spec.loadBalancerSourceRanges", TestService.strings(["2001:db8:0::/64"]))
    },
    WarningCase("deprecated topology-aware-hints annotation",
                [(24...26, []), (27...36, ["metadata.annotations[service.kubernetes.io/topology-aware-hints] warning.topologyHints"])]) {
        $0.set("metadata.annotations[service.kubernetes.io/topology-aware-hints]", .string("Auto"))
    },
    WarningCase("externalName on a ClusterIP service", [(24...27, []), (28...36, ["spec.externalName warning.externalNameIgnored"])]) {
        $0.set("spec.externalName", .string("db.example.com"))
    },
    WarningCase("externalIPs on an ExternalName service", [(24...27, []), (28...36, ["spec.externalIPs warning.ignoredExternalName"])]) {
        $0.set("spec.type", .string("ExternalName"))
        $0.set("spec.externalName", .string("db.example.com"))
        $0.set("spec.externalIPs", TestService.strings(["1.2.3.4"]))
    },
    WarningCase("sessionAffinity on a headless service", [(24...33, []), (34...36, ["spec.sessionAffinity warning.ignoredHeadless"])]) {
        $0.set("spec.clusterIP", .string("None"))
        $0.set("spec.sessionAffinity", .string("ClientIP"))
    },
    WarningCase("trafficDistribution PreferClose",
                [(24...29, ["spec.trafficDistribution warning.fieldUnknown"]), (30...30, ["spec.trafficDistribution warning.fieldGatedOff"]),
                 (31...34, []), (35...36, ["spec.trafficDistribution warning.preferClose"])]) {
        $0.set("spec.trafficDistribution", .string("PreferClose"))
    },
]

@Suite struct ServiceWarningsTests {
    @Test(arguments: warningCases)
    func warningsFollowTheRelease(_ row: WarningCase) {
        var manifest = TestService.valid
        row.tweak(&manifest)
        for minor in KubeVersion.supported {
            let rules = RuleSet.kubernetes.profile(RulesProfile(KubeVersion(minor: minor)))
            #expect(ServiceValidator.validate(manifest, rules: rules).isEmpty, "1.\(minor): warnings only")
            let warnings = ServiceValidator.warnings(manifest, rules: rules).map { "\($0.path) \($0.key)" }
            #expect(warnings == row.verdicts.first { $0.minors.contains(minor) }?.warnings, "1.\(minor)")
        }
    }

    @Test func droppedFieldNamesTheRelease() throws {
        var manifest = TestService.valid
        manifest.set("spec.trafficDistribution", .string("PreferClose"))
        let warning = try #require(ServiceValidator.warnings(manifest, rules: .server(.oldest)).first)
        #expect(warning.message(in: .en).hasPrefix("dropped by 1.24 servers"))
        #expect(warning.message(in: .zh).contains("1.24"))
    }

    @Test(arguments: [
        ("10.1.2.3", nil), ("010.1.2.3", AddressSpelling.Problem.leadingZeros), ("1.2.3.00", .leadingZeros),
        ("::ffff:1.2.03.4", .leadingZeros), ("2001:db8::1", nil), ("2001:DB8::1", .notCanonical("2001:db8::1")),
        ("2001:db8:0:0:1:0:0:1", .notCanonical("2001:db8::1:0:0:1")), ("::", nil), ("0:0:0:0:0:0:0:0", .notCanonical("::")),
        ("2001:db8:0:1:1:1:1:1", nil), ("::ffff:1.2.3.4", nil), ("::FFFF:1.2.3.4", .notCanonical("::ffff:1.2.3.4")),
    ] as [(String, AddressSpelling.Problem?)])
    func addressSpellingAsGoWritesIt(_ text: String, _ problem: AddressSpelling.Problem?) {
        #expect(AddressSpelling.ip(text) == problem)
    }

    @Test func cidrSpelling() {
        #expect(AddressSpelling.cidr("10.0.0.0/8") == nil)
        #expect(AddressSpelling.cidr("010.0.0.0/8") == .leadingZeros)
        #expect(AddressSpelling.cidr("2001:DB8::/32") == .notCanonical("2001:db8::/32"))
    }
}
