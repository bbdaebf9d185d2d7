import TerminalUI

/// A one-line prompt at the bottom of the screen (`:`, export, import, filter): the keys
/// edit its text, Enter submits it, Esc cancels it, Tab asks for a completion.
package struct Prompt: Sendable, Hashable {
    package enum Outcome: Sendable, Hashable {
        /// The text changed.
        case edited
        case submitted(String)
        case cancelled
        case complete(String)
        /// Not a key of the prompt.
        case ignored
    }

    package var field: TextField

    package init(_ text: String = "") {
        field = TextField(text)
    }

    package var text: String { field.text }

    package mutating func handle(_ key: Key) -> Outcome {
        switch KeyMap.action(for: key, in: KeyMap.prompt, global: []) {
        case .confirm?: return .submitted(field.text)
        case .back?: return .cancelled
        case .complete?: return .complete(field.text)
        default: return field.handle(key) ? .edited : .ignored
        }
    }
}
