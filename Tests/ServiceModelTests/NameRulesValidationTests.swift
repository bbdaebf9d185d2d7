import Testing
@testable import ServiceModel

// The cases of apimachinery's pkg/util/validation/validation_test.go (TestIsDNS1123Label,
// TestIsDNS1123Subdomain, TestIsDNS1035Label, TestIsValidPortNum, TestIsValidPortName,
// TestIsQualifiedName, TestIsValidLabelValue), plus IP and CIDR cases.

private let a63 = String(repeating: "a", count: 63)
private let a64 = String(repeating: "a", count: 64)

@Suite struct NameRulesValidationTests {
    @Test(arguments: ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", a63])
    func dns1123LabelAccepts(_ value: String) {
        #expect(NameRules.isDNS1123Label(value).isEmpty)
    }

    @Test(arguments: [
        "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
        ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ", " 1", "1 2", a64,
    ])
    func dns1123LabelRefuses(_ value: String) {
        #expect(!NameRules.isDNS1123Label(value).isEmpty)
    }

    @Test func dns1123LabelSaysDotsForASubdomain() {
        #expect(NameRules.isDNS1123Label("a.b") == [RuleViolation(.dns1123LabelDots)])
        #expect(NameRules.isDNS1123Label("a_b") == [RuleViolation(.dns1123Label)])
        #expect(NameRules.isDNS1123Label(a64) == [RuleViolation(.tooLong, ["63"])])
    }

    @Test(arguments: [
        "a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2",
        "a.a", "ab.a", "abc.a", "a1.a", "a-1.a", "a--1--2--b.a", "a.1", "ab.1", "abc.1", "a1.1", "a-1.1", "a--1--2--b.1",
        "0.a", "01.a", "012.a", "1a.a", "1-a.a", "0.1", "01.1", "012.1", "1a.1", "1-a.1", "1--a--b--2.1",
        "a.b.c.d.e", "aa.bb.cc.dd.ee", "1.2.3.4.5", "11.22.33.44.55", String(repeating: "a", count: 253),
    ])
    func dns1123SubdomainAccepts(_ value: String) {
        #expect(NameRules.isDNS1123Subdomain(value).isEmpty)
    }

    @Test(arguments: [
        "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", "1_", "_1", "1_2",
        ".", "a.", ".a", "a..b", "1.", ".1", "1..2", " ", "a ", " a", "a b", "1 ", " 1", "1 2",
        "A.a", "aB.a", "ab.A", "A1.a", "a1.A", "A.1", "aB.1", "A1.1", "1A.1", "0.A", "01.A", "012.A", "1A.a", "1a.A",
        "A.B.C.D.E", "AA.BB.CC.DD.EE", "a.B.c.d.e", "aa.bB.cc.dd.ee", "a@b", "a,b", "a_b", "a;b", "a:b", "a%b", "a?b", "a$b",
        String(repeating: "a", count: 254),
    ])
    func dns1123SubdomainRefuses(_ value: String) {
        #expect(!NameRules.isDNS1123Subdomain(value).isEmpty)
    }

    @Test(arguments: ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", a63])
    func dns1035LabelAccepts(_ value: String) {
        #expect(NameRules.isDNS1035Label(value).isEmpty)
    }

    @Test(arguments: [
        "0", "01", "012", "1a", "1-a", "1--a--b--2", "", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1",
        "_", "a_", "_a", "a_b", "1_", "_1", "1_2", ".", "a.", ".a", "a.b", "1.", ".1", "1.2", " ", "a ", " a", "a b", "1 ",
        " 1", "1 2", a64, "web\n", "wéb",
    ])
    func dns1035LabelRefuses(_ value: String) {
        #expect(!NameRules.isDNS1035Label(value).isEmpty)
    }

    @Test func dns1035LengthCountsBytesAsGoDoes() {
        // 22 three-byte characters are 66 bytes: too long and not lowercase ASCII.
        let chinese = String(repeating: "服", count: 22)
        #expect(NameRules.isDNS1035Label(chinese) == [RuleViolation(.tooLong, ["63"]), RuleViolation(.dns1035Label)])
    }

    @Test(arguments: [1, 2, 1000, 16384, 32768, 65535])
    func portNumberAccepts(_ value: Int) {
        #expect(PortRules.port(value, path: "p").isEmpty)
    }

    @Test(arguments: [0, -1, 65536, 100_000])
    func portNumberRefuses(_ value: Int) {
        #expect(PortRules.port(value, path: "p").map(\.key) == [.portRange])
    }

    @Test(arguments: ["telnet", "re-mail-ck", "pop3", "a", "a-1", "1-a", "a-1-b-2-c", "1-a-2-b-3"])
    func portNameAccepts(_ value: String) {
        #expect(NameRules.isValidPortName(value).isEmpty)
    }

    @Test(arguments: ["longerthan15characters", "", String(repeating: "a", count: 16), "12345", "1-2-3-4", "-begin", "end-", "two--hyphens", "whois++"])
    func portNameRefuses(_ value: String) {
        #expect(!NameRules.isValidPortName(value).isEmpty)
    }

    @Test func portNameGivesOneViolationPerKubernetesMessage() {
        #expect(NameRules.isValidPortName("Bad_Port_Name").map(\.key) == [.portNameCharset])
        #expect(NameRules.isValidPortName("longerthan15characters").map(\.key) == [.tooLong])
        #expect(NameRules.isValidPortName("8080").map(\.key) == [.portNameLetter])
        #expect(NameRules.isValidPortName("-a--").map(\.key) == [.portNameHyphens, .portNameHyphenEnds])
    }

    @Test(arguments: [
        "simple", "now-with-dashes", "1-starts-with-num", "1234", "simple/simple", "now-with-dashes/simple",
        "now-with-dashes/now-with-dashes", "now.with.dots/simple", "now-with.dashes-and.dots/simple", "1-num.2-num/3-num",
        "1234/5678", "1.2.3.4/5678", "Uppercase_Is_OK_123", "example.com/Uppercase_Is_OK_123", "requests.storage-foo",
        a63, String(repeating: "a", count: 253) + "/" + String(repeating: "b", count: 63),
    ])
    func qualifiedNameAccepts(_ value: String) {
        #expect(NameRules.isQualifiedName(value).isEmpty)
    }

    @Test(arguments: [
        "nospecialchars%^=@", "cantendwithadash-", "-cantstartwithadash-", "only/one/slash", "Example.com/abc",
        "example_com/abc", "example.com/", "/simple", a64, String(repeating: "a", count: 254) + "/abc",
    ])
    func qualifiedNameRefuses(_ value: String) {
        #expect(!NameRules.isQualifiedName(value).isEmpty)
    }

    @Test func qualifiedNameNamesThePartThatIsWrong() {
        #expect(NameRules.isQualifiedName("only/one/slash").map(\.key) == [.qualifiedNameSlashes])
        #expect(NameRules.isQualifiedName("/simple").map(\.key) == [.qualifiedNamePrefixEmpty])
        #expect(NameRules.isQualifiedName("Example.com/abc").map(\.key) == [.qualifiedNamePrefix])
        #expect(NameRules.isQualifiedName("example.com/").map(\.key) == [.qualifiedNameEmpty, .qualifiedName])
        #expect(NameRules.isQualifiedName(a64).map(\.key) == [.qualifiedNameTooLong])
        #expect(NameRules.isQualifiedName("bad key!").map(\.key) == [.qualifiedName])
    }

    @Test(arguments: ["simple", "now-with-dashes", "1-starts-with-num", "end-with-num-1", "1234", a63, ""])
    func labelValueAccepts(_ value: String) {
        #expect(NameRules.isValidLabelValue(value).isEmpty)
    }

    @Test(arguments: [
        "nospecialchars%^=@", "Tama-nui-te-rā.is.Māori.sun", "\\backslashes\\are\\bad", "-starts-with-dash",
        "ends-with-dash-", ".starts.with.dot", "ends.with.dot.", a64,
    ])
    func labelValueRefuses(_ value: String) {
        #expect(!NameRules.isValidLabelValue(value).isEmpty)
    }

    @Test(arguments: [
        "1.2.3.4", "0.0.0.0", "255.255.255.255", "010.001.001.001", "::", "::1", "2001:db8::ffff", "1:2:3:4:5:6:7:8",
        "fe80::1", "::ffff:1.2.3.4", "1:2:3:4:5:6:1.2.3.4", "1::", "FFFF::",
    ])
    func ipAccepts(_ value: String) {
        #expect(NetworkRules.isValidIP(value).isEmpty)
    }

    @Test(arguments: [
        "", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "a.b.c.d", "myhost.mydomain", ":::", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "2001:db8::g", "fe80::1%eth0", "1.2.3.4/24", " 1.2.3.4", "12345::", "1:2:3:4:5:6:7:1.2.3.4", "+1::",
    ])
    func ipRefuses(_ value: String) {
        #expect(!NetworkRules.isValidIP(value).isEmpty)
    }

    @Test(arguments: ["10.0.0.0/24", "1.2.3.4/32", "0.0.0.0/0", "2001:db8::/64", "::/0", "10.0.0.1/8", "1.2.3.0/24  "])
    func cidrAccepts(_ value: String) {
        #expect(NetworkRules.cidr(value, path: "r").isEmpty)
    }

    @Test(arguments: ["1.2.3.4/33", "foo.bar", "10.0.0.0", "10.0.0.0/", "2001:db8::/129", "10.0.0.0/-1", "   "])
    func cidrRefuses(_ value: String) {
        #expect(NetworkRules.cidr(value, path: "r").map(\.key) == [.cidr])
    }

    @Test(arguments: [
        ("0.0.0.0", MessageKey.ipUnspecified), ("::", .ipUnspecified), ("127.0.0.1", .ipLoopback), ("::1", .ipLoopback),
        ("224.0.0.1", .ipLinkLocalMulticast), ("ff02::1", .ipLinkLocalMulticast), ("169.254.1.1", .ipLinkLocal),
        ("fe80::1", .ipLinkLocal), ("myhost.mydomain", .ipAddress),
    ])
    func externalIPRefusesSpecialAddresses(_ value: String, _ key: MessageKey) {
        #expect(NetworkRules.externalIP(value, path: "spec.externalIPs[0]").map(\.key) == [key])
    }

    @Test func externalIPAcceptsAPublicAddress() {
        #expect(NetworkRules.externalIP("1.2.3.4", path: "x").isEmpty)
        #expect(NetworkRules.externalIP("2001:db8::1", path: "x").isEmpty)
    }

    @Test(arguments: [("foo.bar.example.com", 0), ("foo.bar.example.com.", 0), ("-123", 1), ("Not_A_Host..example", 1), ("", 1), (".", 1)])
    func externalName(_ value: String, _ errorCount: Int) {
        #expect(NetworkRules.externalName(value).count == errorCount)
    }

    @Test func serviceNameIsRequiredThenADNS1035Label() {
        #expect(NameRules.serviceName("").map(\.kind) == [.required])
        #expect(NameRules.serviceName("Bad_Name").map(\.key) == [.dns1035Label])
        #expect(NameRules.serviceName("web-api").isEmpty)
    }

    @Test(arguments: [(8080, 0), (0, 1), (65536, 1)])
    func targetPortNumber(_ value: Int, _ errorCount: Int) {
        #expect(PortRules.targetPort(.number(value), path: "t").count == errorCount)
    }

    @Test func targetPortTextIsANumberOnlyWhenAllDigits() {
        #expect(TargetPort(text: "8080") == .number(8080))
        #expect(TargetPort(text: "http") == .name("http"))
        #expect(TargetPort(text: "80a") == .name("80a"))
    }

    @Test(arguments: [(0, 0), (30000, 0), (32767, 0), (29999, 1), (32768, 1), (80, 1)])
    func nodePortInTheDefaultRange(_ value: Int, _ errorCount: Int) {
        #expect(PortRules.nodePort(value, path: "n").count == errorCount)
    }

    @Test func nodePortRangeIsConfigurable() {
        #expect(PortRules.nodePort(80, path: "n", range: 1...1000).isEmpty)
        #expect(PortRules.nodePort(30000, path: "n", range: 1...1000).first?.arguments == ["1", "1000"])
    }

    @Test func labelErrorsUseTheMapPathAndNameTheKey() {
        let errors = LabelRules.labels([("bad key!", "v"), ("ok", "bad value!")], path: "metadata.labels")
        #expect(errors.map(\.path) == ["metadata.labels", "metadata.labels"])
        #expect(errors.map(\.element) == [.key("bad key!"), .key("ok")])
        #expect(errors.map(\.location.description) == ["metadata.labels[bad key!]", "metadata.labels[ok]"])
    }

    @Test func annotationKeysIgnoreCaseAndTheirTotalSizeIsLimited() {
        #expect(LabelRules.annotations([("Example.com/Key", "v")], path: "a").isEmpty)
        let big = String(repeating: "x", count: 256 * 1024)
        #expect(LabelRules.annotations([("k", big)], path: "a").map(\.kind) == [.tooLong])
        #expect(LabelRules.annotations([("k", String(big.dropFirst()))], path: "a").isEmpty)
    }

    @Test func wizardAliasAndDescription() {
        #expect(WizardRules.alias("服务一").isEmpty)
        #expect(WizardRules.alias(String(repeating: "服", count: 63)).isEmpty)
        #expect(WizardRules.alias(String(repeating: "服", count: 64)).map(\.kind) == [.tooLong])
        #expect(WizardRules.alias(" web").map(\.key) == [.aliasSpaces])
        #expect(WizardRules.description(String(repeating: "描", count: 256)).isEmpty)
        #expect(WizardRules.description(String(repeating: "描", count: 257)).map(\.kind) == [.tooLong])
    }
}
