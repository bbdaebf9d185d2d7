import Foundation
import Testing
@testable import ServiceModel

/// The string, path and timestamp helpers that stand in for Foundation's in svcwiz give
/// what Foundation gives.
struct TextHelpersTests {
    @Test(arguments: [
        ("a\r\nb\nc", "\n", "\\n"), ("it's", "'", "''"), ("1_000_000", "_", ""), ("aaa", "aa", "b"), ("", "x", "y"),
        ("`x` and `y`", "`", ""), ("前端\n后端", "\n", "\n  "),
    ])
    func replacingEveryMatchesFoundation(text: String, target: String, replacement: String) {
        #expect(text.replacingEvery(target, with: replacement) == text.replacingOccurrences(of: target, with: replacement))
    }

    @Test(arguments: [" \t 80 \t", "\u{3000}x\u{00A0}", "\n x \n", "   ", "", "a b"])
    func trimmingMatchesFoundation(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text.trimmingWhitespace(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// NSString's documented results (Foundation on Linux traps on some of them).
    @Test(arguments: [
        ("/tmp/scratch.tiff", "/tmp", "scratch.tiff"), ("/tmp/lock/", "/tmp", "lock"), ("/tmp/", "/", "tmp"),
        ("/tmp", "/", "tmp"), ("/", "/", "/"), ("scratch.tiff", "", "scratch.tiff"), ("a//b", "a", "b"),
        ("~/.kube/config", "~/.kube", "config"),
    ])
    func pathsAreCutAsNSStringCutsThem(path: String, parent: String, last: String) {
        #expect(PathText.parent(of: path) == parent)
        #expect(PathText.lastComponent(of: path) == last)
    }

    @Test(arguments: [
        "2026-11-20T10:00:00Z", "2026-11-20T10:00:00.250Z", "2024-02-29T23:59:59+01:30", "1969-12-31T23:59:59-00:00",
        "2000-03-01T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20 10:00:00Z", "2026-11-20T10:00:00",
        "x",
    ])
    func timestampsReadAsISO8601DateFormatterReadsThem(text: String) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var expected = formatter.date(from: text)
        if expected == nil {
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            expected = formatter.date(from: text)
        }
        #expect(RFC3339.date(text) == expected)
    }

    /// Foundation rolls these over (to March 2 and to the next day); no server writes them.
    @Test func impossibleDatesAreRefused() {
        #expect(RFC3339.date("2026-02-30T00:00:00Z") == nil)
        #expect(RFC3339.date("2026-11-20T24:00:00Z") == nil)
    }

    @Test(arguments: [0.0, 1_700_000_000.75, -86_400.5, 951_782_400, 4_102_444_799])
    func daysAndTimesAreWrittenAsISO8601DateFormatterWritesThem(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let utc = TimeZone(identifier: "UTC")!
        #expect(RFC3339.day(date) == ISO8601DateFormatter.string(from: date, timeZone: utc, formatOptions: [.withFullDate]))
        for offset in [0, 3600, -5 * 3600 - 1800, 8 * 3600] {
            let zone = TimeZone(secondsFromGMT: offset)!
            #expect(RFC3339.time(date, utcOffset: offset)
                    == ISO8601DateFormatter.string(from: date, timeZone: zone, formatOptions: [.withTime, .withColonSeparatorInTime]))
        }
    }
}
