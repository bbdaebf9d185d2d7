/// How serious a status message is.
public enum Severity: Int, Comparable, Hashable, Sendable {
    case info, success, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Marks the message in text too, so it reads the same without colour.
    var prefix: String {
        switch self {
        case .info: return ""
        case .success: return "✓ "
        case .warning: return "! "
        case .error: return "✗ "
        }
    }

    var style: Style {
        switch self {
        case .info: return .normal
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// A message for the status line.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var severity: Severity

    public init(_ text: String, severity: Severity = .info) {
        self.text = text
        self.severity = severity
    }
}

/// The line above the footer: the current message on the left, and optional context
/// (`1 of 12 match`) on the right, which gives way to the message when space is short.
public enum StatusLine {
    public static func draw(_ message: StatusMessage?, trailing: String = "", on surface: some Surface, in rect: Rect) {
        guard !rect.isEmpty else { return }
        surface.fill(rect.row(0))
        let trailingWidth = trailing.displayWidth
        var messageWidth = rect.width - 1
        if !trailing.isEmpty, trailingWidth + 2 < rect.width / 2 {
            surface.draw(trailing, at: Point(column: rect.maxColumn - trailingWidth - 1, row: rect.row), style: .muted)
            messageWidth -= trailingWidth + 2
        }
        guard let message, messageWidth > 0 else { return }
        surface.draw(message.severity.prefix + message.text, at: Point(column: rect.column + 1, row: rect.row),
                     width: messageWidth, style: message.severity.style)
    }
}
