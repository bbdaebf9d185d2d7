import Foundation

/// A line for the status bar and the `!` history.
public struct StatusMessage: Sendable, Hashable {
    public enum Severity: Sendable, Hashable { case info, warning, error }

    public var text: String
    public var severity: Severity
    public var time: Date

    public init(_ text: String, severity: Severity = .info, time: Date = Date()) {
        self.text = text
        self.severity = severity
        self.time = time
    }
}
