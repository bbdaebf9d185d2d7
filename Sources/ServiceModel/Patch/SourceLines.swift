/// A document's bytes with the start of every line, so that a node's line and column (as the
/// readers report them: 1-based, columns counted in characters) become byte offsets.
struct SourceLines {
    let bytes: [UInt8]
    /// The offset where each line starts; `lineStarts[0]` is the document's first line.
    let lineStarts: [Int]
    /// The file line of the document's first line.
    let firstLine: Int
    /// The line break the document uses, for lines it gains.
    let newline: [UInt8]

    init(_ bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A && index + 1 < bytes.count {
            starts.append(index + 1)
        }
        lineStarts = starts
        let crlf = bytes.firstIndex(of: 0x0A).map { $0 > 0 && bytes[$0 - 1] == 0x0D } ?? false
        newline = crlf ? [0x0D, 0x0A] : [0x0A]
    }

    var lineCount: Int { lineStarts.count }

    /// The byte offset of a file position, or nil when it lies outside the document.
    func offset(of position: SourcePosition) -> Int? {
        let line = position.line - firstLine
        guard lineStarts.indices.contains(line) else { return nil }
        var offset = lineStarts[line]
        var column = 1
        while column < position.column {
            guard offset < bytes.count, bytes[offset] != 0x0A else { return nil }
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The index of the line holding `offset`.
    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The offset just past a line's break (or the end of the text for the last line).
    func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
    }

    /// The offset of a line's break (`\r\n` or `\n`), or the end of the text.
    func contentEnd(_ line: Int) -> Int {
        var end = lineEnd(line)
        if end > lineStarts[line], end - 1 < bytes.count, bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The number of spaces a line starts with.
    func indent(_ line: Int) -> Int {
        var offset = lineStarts[line]
        while offset < bytes.count, bytes[offset] == 0x20 { offset += 1 }
        return offset - lineStarts[line]
    }

    /// True for a line of only spaces and tabs.
    func isBlank(_ line: Int) -> Bool {
        (lineStarts[line]..<contentEnd(line)).allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 }
    }

    /// True for a line whose first non-blank character starts a comment.
    func isComment(_ line: Int) -> Bool {
        var offset = lineStarts[line]
        let end = contentEnd(line)
        while offset < end, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        return offset < end && bytes[offset] == UInt8(ascii: "#")
    }

    /// True when only spaces come before `offset` on its line.
    func startsLine(_ offset: Int) -> Bool {
        let start = lineStarts[line(of: offset)]
        return (start..<offset).allSatisfy { bytes[$0] == 0x20 }
    }

    /// The 0-based column of an offset, in bytes (indentation is spaces, so bytes and
    /// characters agree wherever it matters).
    func column(of offset: Int) -> Int { offset - lineStarts[line(of: offset)] }
}
