/// A place in a `TextBuffer`: a line index and a column, both from 0.
///
/// The column counts characters (grapheme clusters), so it never falls inside a CJK
/// character, an emoji or a letter with combining marks. Screens and parsers count
/// differently: see `TextBuffer.displayColumn(of:)` for terminal cells and
/// `TextBuffer.position(lineNumber:scalarColumn:)` for parser locations.
package struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static let start = TextPosition(line: 0, column: 0)

    package static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    package var description: String { "\(line):\(column)" }
}
