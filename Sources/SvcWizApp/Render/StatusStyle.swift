import TerminalUI

extension StatusMessage {
    /// How a message looks: errors and warnings in their colours, and marked ` ! ` on the
    /// status line so monochrome says the same.
    var style: Style {
        switch severity {
        case .info: return .normal
        case .warning: return .warning
        case .error: return .error
        }
    }
}

extension StatusLine {
    /// A posted message on the status line.
    static func draw(_ message: StatusMessage, on surface: Surface, row: Int, width: Int) {
        draw(message.text, flagged: message.severity != .info, style: message.style, on: surface, row: row, width: width)
    }
}

extension Array where Element == KeyBinding {
    /// The footer's hints of a key table: each footer binding's first key and its word.
    func footerHints(_ text: UIText) -> [KeyHint] {
        filter(\.inFooter).map { KeyHint(keys: $0.keys[0].displayName, description: text($0.footerLabel)) }
    }
}
