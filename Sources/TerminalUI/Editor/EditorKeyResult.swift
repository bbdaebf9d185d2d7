/// What the editor did with a key.
public enum EditorKeyResult: Hashable, Sendable {
    /// The editor used the key (moved, edited, searched); redraw.
    case consumed
    /// Not an editor key (F2, F3, Ctrl-S, Esc outside a search...): the screen handles it.
    case notConsumed
    /// The editor used the key and has something to tell the user in the status line
    /// (a refused Tab, a search that found nothing or wrapped, nothing to undo).
    case message(String)

    /// True for everything but `notConsumed`.
    public var isConsumed: Bool { self != .notConsumed }
}

/// The messages the editor reports, in one place so screens and tests share the words.
public enum EditorMessage {
    public static let tabRefusedInYAML = "tabs are not allowed in YAML: indent with spaces"
    public static let nothingToUndo = "nothing to undo"
    public static let nothingToRedo = "nothing to redo"
    public static let searchWrapped = "search wrapped to the top"

    public static func notFound(_ query: String) -> String { "not found: " + query }
}
