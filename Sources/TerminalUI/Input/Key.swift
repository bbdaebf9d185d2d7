/// A key press, decoded from what ncurses reports.
package enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl plus a letter, lower case (`.ctrl("d")` is Ctrl-D). Ctrl-H, -I, -J and -M
    /// arrive as `backspace`, `tab` and `enter`: terminals send the same bytes.
    case ctrl(Character)
    /// Alt (Meta) plus a character: Esc followed at once by the character.
    case alt(Character)
    case enter, tab, backTab, backspace, escape, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1 to F12.
    case function(Int)
    /// Text pasted by the terminal in one piece (bracketed paste), newlines included.
    case paste(String)
    /// The terminal changed size.
    case resize

    /// The name shown in footers and the help screen: `^D`, `Enter`, `F2`, `PgDn`.
    package var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "^" + c.uppercased()
        case .alt(let c): return "M-" + String(c)
        case .enter: return "Enter"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .escape: return "Esc"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .paste: return "Paste"
        case .resize: return "Resize"
        }
    }
}
