/// A place in a `TextBuffer`: a line index and a column, both from 0.
///
/// The column counts characters (grapheme clusters), so it never falls inside a CJK
/// character, an emoji or a letter with combining marks. Screens and parsers count
/// differently: see `TextBuffer.displayColumn(of:)` for terminal cells and
/// `TextBuffer.position(lineNumber:scalarColumn:)` for parser locations.
public struct TextPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = TextPosition(line: 0, column: 0)

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
