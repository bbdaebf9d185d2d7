/// A place as parsers report it: line and column both from 1, the column counting
/// Unicode scalars (what libyaml and most JSON parsers count).
package struct ScalarLocation: Hashable, Sendable {
    package var lineNumber: Int
    package var scalarColumn: Int

    package init(lineNumber: Int, scalarColumn: Int) {
        self.lineNumber = lineNumber
        self.scalarColumn = scalarColumn
    }
}

/// Conversions between positions and offsets in the whole text (`text`, lines joined
/// with one `\n`). They walk the lines before the position: fine for placing the
/// cursor at an error, not meant for every keystroke.
extension TextBuffer {
    /// The number of characters (grapheme clusters) before `position` in `text`.
    package func characterOffset(of position: TextPosition) -> Int {
        let position = clamped(position)
        return lines[..<position.line].reduce(0) { $0 + $1.count + 1 } + position.column
    }

    /// The position `offset` characters into `text` (clamped to the text).
    package func position(atCharacterOffset offset: Int) -> TextPosition {
        position(atOffset: offset) { $0.count } column: { line, rest in min(rest, line.count) }
    }

    /// The number of UTF-8 bytes before `position` in `text`.
    package func utf8Offset(of position: TextPosition) -> Int {
        let position = clamped(position)
        let line = lines[position.line]
        let head = line[..<line.index(line.startIndex, offsetBy: position.column)]
        return lines[..<position.line].reduce(0) { $0 + $1.utf8.count + 1 } + head.utf8.count
    }

    /// The position of byte `offset` of `text`; a byte inside a character gives that
    /// character's start.
    package func position(atUTF8Offset offset: Int) -> TextPosition {
        position(atOffset: offset) { $0.utf8.count } column: { line, rest in
            Self.column(in: line, beforeUnits: rest) { $0.utf8.count }
        }
    }

    /// The position of a parser's location (line and scalar column from 1); a column
    /// inside a character gives that character's start, one past the end gives the end.
    package func position(of location: ScalarLocation) -> TextPosition {
        let line = max(0, min(location.lineNumber - 1, lines.count - 1))
        let column = Self.column(in: lines[line], beforeUnits: max(0, location.scalarColumn - 1)) {
            $0.unicodeScalars.count
        }
        return TextPosition(line: line, column: column)
    }

    /// `position` as a parser would report it (line and scalar column from 1).
    package func scalarLocation(of position: TextPosition) -> ScalarLocation {
        let position = clamped(position)
        let line = lines[position.line]
        let scalars = line.prefix(position.column).reduce(0) { $0 + $1.unicodeScalars.count }
        return ScalarLocation(lineNumber: position.line + 1, scalarColumn: scalars + 1)
    }

    /// Walks whole lines (`size` units plus one for the line break) while the offset
    /// is past them, then places the rest of it inside the line with `column`.
    private func position(atOffset offset: Int, size: (String) -> Int, column: (String, Int) -> Int) -> TextPosition {
        var rest = max(0, offset)
        for (index, line) in lines.enumerated() {
            let length = size(line)
            if rest <= length || index == lines.count - 1 {
                return TextPosition(line: index, column: column(line, min(rest, length)))
            }
            rest -= length + 1
        }
        return .start
    }

    /// The number of whole characters of `line` that fit in `units` (bytes, scalars).
    private static func column(in line: String, beforeUnits units: Int, size: (Character) -> Int) -> Int {
        var used = 0
        var column = 0
        for character in line {
            let next = used + size(character)
            if next > units { break }
            used = next
            column += 1
        }
        return column
    }
}
