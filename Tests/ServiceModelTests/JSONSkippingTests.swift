import Foundation
import Testing
@testable import ServiceModel

/// `ManifestReader.parseJSON(bytes:skipping:)` reads the same tree as a full parse, less
/// the members it skips, whatever those hold.
struct JSONSkippingTests {
    static let text = #"""
    {"items": [
      {"metadata": {"name": "a", "managedFields": [{"f:x": {"k:{\"port\":80}": {}}}, "]}\"", 12, true, null],
                    "annotations": {"keep": "yes", "drop": "{\"a\": [1, 2, {\"b\": \"}\"}]}\n"}},
       "spec": {"ports": [{"port": 80}]}},
      {"metadata": {"name": "b", "managedFields": -1.5e3, "annotations": {"drop": "x"}}, "spec": {}}
    ], "metadata": {"continue": "abc"}}
    """#

    static let prune = JSONPrune.members(["items": .members(["*": .members(["metadata": .members([
        "managedFields": .skip, "annotations": .members(["drop": .skip]),
    ])])])])

    @Test func skippedMembersAreGoneAndEverythingElseIsAsAFullParseReadsIt() throws {
        let pruned = try ManifestReader.parseJSON(bytes: Array(Self.text.utf8), skipping: Self.prune)
        var full = try #require(try ManifestReader.parse(Self.text, format: .json).documents.first?.root)
        for index in 0..<2 {
            full.set(FieldPath("items[\(index)].metadata.managedFields"), to: nil)
            var annotations = full["items"]?[index]?["metadata"]?["annotations"]?.entries ?? []
            annotations.removeAll { $0.key == "drop" }
            full.set(FieldPath("items[\(index)].metadata.annotations"), to: .mapping(annotations))
        }
        #expect(pruned == full)
        #expect(pruned["items"]?[0]?["metadata"]?["annotations"]?["keep"]?.string == "yes")
        #expect(pruned["items"]?[1]?["metadata"]?["name"]?.string == "b")
        #expect(pruned["metadata"]?["continue"]?.string == "abc")
    }

    @Test func aSkippedValueThatNeverEndsIsRefused() {
        for text in [#"{"items": [{"metadata": {"managedFields": [{"a": 1}"#, #"{"items": [{"metadata": {"managedFields": "abc"#] {
            #expect(throws: ManifestParseError.self) {
                try ManifestReader.parseJSON(bytes: Array(text.utf8), skipping: Self.prune)
            }
        }
    }

    @Test func apiTimestampsReadWithoutAFormatterAsTheFormatterReadsThem() {
        let cases: [(String, TimeInterval)] = [
            ("1970-01-01T00:00:00Z", 0), ("2000-01-01T00:00:00Z", 946_684_800), ("2024-03-01T12:34:56Z", 1_709_296_496),
            ("2026-02-28T23:59:59Z", 1_772_323_199), ("2026-11-26T05:55:13Z", 1_795_672_513),
        ]
        for (text, seconds) in cases {
            #expect(ServiceSummary.secondsSince1970(text) == Int(seconds), "\(text)")
            #expect(ServiceSummary.parseTimestamp(text) == Date(timeIntervalSince1970: seconds), "\(text)")
        }
        // Other forms go to the formatter: fractions, offsets, the 29th to the 31st.
        #expect(ServiceSummary.secondsSince1970("2026-11-26T05:55:13.5Z") == nil)
        #expect(ServiceSummary.parseTimestamp("2026-11-26T05:55:13.5Z") == Date(timeIntervalSince1970: 1_795_672_513.5))
        #expect(ServiceSummary.secondsSince1970("2026-01-31T00:00:00Z") == nil)
        #expect(ServiceSummary.parseTimestamp("2026-01-31T00:00:00Z") == Date(timeIntervalSince1970: 1_769_817_600))
        #expect(ServiceSummary.parseTimestamp("2026-13-01T00:00:00Z") == nil)
    }
}
