/// A match of a search: where it starts and how many characters it covers.
package struct SearchMatch: Hashable, Sendable {
    package var position: TextPosition
    package var length: Int
    /// True when the search went past the end of the text and on from its start.
    package var wrapped: Bool
}

/// Case-insensitive search, line by line (a match never spans a line break).
extension TextBuffer {
    /// The first match of `query` at or after `start`, going on from the top of the text
    /// when there is none below. Nil when the text does not contain it.
    package func find(_ query: String, from start: TextPosition) -> SearchMatch? {
        let needle = Needle(query)
        guard !needle.isEmpty else { return nil }
        let start = clamped(start)
        for line in start.line..<lines.count {
            if let column = needle.firstMatch(in: lines[line], from: line == start.line ? start.column : 0) {
                return SearchMatch(position: TextPosition(line: line, column: column), length: needle.count, wrapped: false)
            }
        }
        for line in 0...start.line {
            if let column = needle.firstMatch(in: lines[line], from: 0), line < start.line || column < start.column {
                return SearchMatch(position: TextPosition(line: line, column: column), length: needle.count, wrapped: true)
            }
        }
        return nil
    }

    /// The match after the one at the cursor (one character on, so repeating the
    /// search moves from match to match).
    package func findNext(_ query: String) -> SearchMatch? {
        guard var match = find(query, from: position(after: cursor) ?? .start) else { return nil }
        match.wrapped = match.position <= cursor
        return match
    }

    /// The position one character after `position`, across a line break; nil at the end.
    private func position(after position: TextPosition) -> TextPosition? {
        if position.column < length(ofLine: position.line) {
            return TextPosition(line: position.line, column: position.column + 1)
        }
        return position.line + 1 < lines.count ? TextPosition(line: position.line + 1, column: 0) : nil
    }

    /// The columns where `query` matches in line `index`, for highlighting.
    func matchColumns(of query: String, inLine index: Int) -> [Int] {
        let needle = Needle(query)
        guard !needle.isEmpty else { return [] }
        var result: [Int] = []
        var from = 0
        while let column = needle.firstMatch(in: lines[index], from: from) {
            result.append(column)
            from = column + needle.count
        }
        return result
    }
}

/// A query folded for case-insensitive comparison. ASCII lines (nearly all of a
/// manifest) are compared on bytes; others character by character, lower-cased (an
/// ASCII query is first looked for in their bytes, which rules out most of them; that
/// misses only the rare letters whose lower case is ASCII, like the Kelvin sign).
private struct Needle {
    let folded: [String]
    let ascii: [UInt8]?

    init(_ query: String) {
        folded = query.map { $0.lowercased() }
        ascii = query.utf8.allSatisfy { $0 < 0x80 } ? query.utf8.map(Self.lower) : nil
    }

    var isEmpty: Bool { folded.isEmpty }
    var count: Int { folded.count }

    func firstMatch(in line: String, from column: Int) -> Int? {
        if let ascii {
            let bytes = Array(line.utf8)
            let lineIsASCII = !bytes.contains { $0 >= 0x80 }
            // In ASCII text every byte is one character, so byte offsets are columns.
            if lineIsASCII { return Self.firstMatch(of: ascii, in: bytes, from: column) }
            // An ASCII query can only match where its bytes occur: most lines are
            // rejected here without the slower comparison by characters below.
            guard Self.firstMatch(of: ascii, in: bytes, from: 0) != nil else { return nil }
        }
        let characters = line.map { $0.lowercased() }
        guard characters.count >= folded.count, column <= characters.count - folded.count else { return nil }
        for start in column...(characters.count - folded.count) where characters[start..<(start + folded.count)].elementsEqual(folded) {
            return start
        }
        return nil
    }

    private static func firstMatch(of needle: [UInt8], in bytes: [UInt8], from offset: Int) -> Int? {
        guard bytes.count >= needle.count, offset <= bytes.count - needle.count else { return nil }
        let first = needle[0]
        var start = offset
        while start <= bytes.count - needle.count {
            if lower(bytes[start]) == first {
                var matched = 1
                while matched < needle.count, lower(bytes[start + matched]) == needle[matched] { matched += 1 }
                if matched == needle.count { return start }
            }
            start += 1
        }
        return nil
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }
}
