#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A line for the status bar and the `!` history.
package struct StatusMessage: Sendable, Hashable {
    package enum Severity: Sendable, Hashable { case info, warning, error }

    package var text: String
    package var severity: Severity
    package var time: Date

    package init(_ text: String, severity: Severity = .info, time: Date = Date()) {
        self.text = text
        self.severity = severity
        self.time = time
    }
}
