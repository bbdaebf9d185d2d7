#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ServiceModel

/// The lowercased searchable text of every row (name, alias, labels) in one byte buffer,
/// rows separated by a NUL byte, so that a filter word is found with one scan over the
/// whole list (`memchr` and `memcmp`) instead of a search per row: a keystroke that widens
/// the filter searches every row again.
struct ServiceSearchText: Sendable {
    private var bytes: [UInt8] = []
    /// Where each row's text starts; one extra entry closes the last row.
    private var starts: [Int] = [0]

    var count: Int { starts.count - 1 }

    init() {}

    init(_ rows: [ServiceSummary]) {
        bytes.reserveCapacity(rows.count * 64)
        starts.reserveCapacity(rows.count + 1)
        for row in rows { append(row) }
    }

    mutating func append(_ row: ServiceSummary) {
        bytes.append(contentsOf: Self.text(of: row))
        bytes.append(0)
        starts.append(bytes.count)
    }

    mutating func replace(at index: Int, with row: ServiceSummary) {
        let new = Self.text(of: row) + [0]
        let range = starts[index]..<starts[index + 1]
        let delta = new.count - range.count
        bytes.replaceSubrange(range, with: new)
        if delta != 0 { for i in (index + 1)..<starts.count { starts[i] += delta } }
    }

    mutating func remove(at index: Int) {
        let range = starts[index]..<starts[index + 1]
        bytes.removeSubrange(range)
        starts.remove(at: index + 1)
        for i in (index + 1)..<starts.count { starts[i] -= range.count }
    }

    /// Marks in `matches` (one flag per row) the rows whose text contains `word`, which
    /// must be lowercased; rows already false stay false.
    func narrow(_ matches: inout [Bool], toRowsContaining word: String) {
        let needle = Array(word.utf8)
        guard !needle.isEmpty else { return }
        var found = [Bool](repeating: false, count: count)
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                guard let base = haystack.baseAddress, let word = needle.baseAddress else { return }
                var offset = 0
                var row = 0
                while let position = Self.find(word, needle.count, in: base, from: offset, to: haystack.count) {
                    // Rows are found in order: walk forward to the one holding the hit.
                    while starts[row + 1] <= position { row += 1 }
                    found[row] = true
                    offset = starts[row + 1]
                }
            }
        }
        for i in matches.indices where matches[i] && !found[i] { matches[i] = false }
    }

    /// The first position at or after `from` where the needle starts: `memchr` for its first
    /// byte (vectorised in glibc), then `memcmp` for the rest. (`memmem` is not visible to
    /// Swift on glibc.)
    private static func find(_ needle: UnsafePointer<UInt8>, _ length: Int, in base: UnsafePointer<UInt8>,
                             from: Int, to end: Int) -> Int? {
        var offset = from
        let first = Int32(needle[0])
        while end - offset >= length {
            guard let hit = memchr(base + offset, first, end - offset - length + 1) else { return nil }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if length == 1 || memcmp(base + position + 1, needle + 1, length - 1) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    /// The text a row is searched in: lowercased name, alias and `key=value` labels.
    static func text(of row: ServiceSummary) -> [UInt8] {
        var text = Array(row.name.lowercased().utf8)
        if let alias = row.alias {
            text.append(0x1F)
            text.append(contentsOf: alias.lowercased().utf8)
        }
        for label in row.labels {
            text.append(0x1F)
            text.append(contentsOf: label.key.lowercased().utf8)
            text.append(UInt8(ascii: "="))
            text.append(contentsOf: label.value.lowercased().utf8)
        }
        return text.map { $0 == 0 ? 0x1F : $0 }
    }
}
