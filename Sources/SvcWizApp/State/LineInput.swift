import TerminalUI

/// A one-line prompt's text and cursor (the filter, `:` command line, export folder).
public struct LineInput: Sendable, Hashable {
    public private(set) var text: String
    /// The cursor as a character offset into `text`.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        self.cursor = text.count
    }

    /// Applies an editing key; false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            insert(String(c))
        case .paste(let pasted):
            // A one-line field takes pasted lines as spaces, never as raw newlines.
            insert(pasted.map { $0.isNewline ? " " : String($0) }.joined().filter { !$0.isASCII || !$0.asciiValue!.isControl })
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        default:
            return false
        }
        return true
    }

    private mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: string, at: index)
        cursor += string.count
    }

    /// The display column of the cursor, for placing the terminal cursor after CJK text.
    public var cursorColumn: Int {
        String(text.prefix(cursor)).displayWidth
    }
}

private extension UInt8 {
    var isControl: Bool { self < 0x20 || self == 0x7F }
}
