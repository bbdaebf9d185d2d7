/// One change to a document's bytes: `range` replaced by `replacement` (an empty range is
/// an insertion).
struct TextEdit {
    var range: Range<Int>
    var replacement: [UInt8]

    /// The bytes with every edit applied, or nil when two edits overlap (the same bytes
    /// reached through two paths, as an anchor and its alias are).
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8]? {
        // Ascending by start, an insertion before a replacement starting at the same offset,
        // insertions at one offset in the order they were made.
        let ordered = edits.enumerated().sorted { a, b in
            (a.element.range.lowerBound, a.element.range.upperBound, a.offset)
                < (b.element.range.lowerBound, b.element.range.upperBound, b.offset)
        }.map(\.element)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 256)
        var cursor = 0
        for edit in ordered {
            guard edit.range.lowerBound >= cursor, edit.range.upperBound <= bytes.count else { return nil }
            out.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            out.append(contentsOf: edit.replacement)
            cursor = edit.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }
}
