/// What the editor did with a key.
package enum EditorKeyResult: Hashable, Sendable {
    /// The editor used the key (moved, edited, searched); redraw.
    case consumed
    /// Not an editor key (F2, F3, Ctrl-S, Esc outside a search...): the screen handles it.
    case notConsumed
    /// The editor used the key and has something to tell the user in the status line.
    case notice(EditorNotice)

    /// True for everything but `notConsumed`.
    package var isConsumed: Bool { self != .notConsumed }
}

/// What the editor tells the user after a key. The screen puts it in words, in the
/// user's language.
package enum EditorNotice: Hashable, Sendable {
    /// Tab in YAML: indentation there is spaces only.
    case tabRefusedInYAML
    case nothingToUndo
    case nothingToRedo
    /// The search went past the end and found a match from the top.
    case searchWrapped
    /// The search found nothing for this query.
    case notFound(String)
}
