import TerminalUI

/// One row of a key table: the keys, the action, the words for the footer and help, and
/// whether the footer shows it. The same rows drive the handler, the footer and `?` help.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: AppAction
    public var label: UIKey
    public var inFooter: Bool
    /// A shorter word for the footer where the help's is long (`ns` for namespace).
    public var shortLabel: UIKey?

    public init(_ keys: [Key], _ action: AppAction, _ label: UIKey, footer: Bool = false, short: UIKey? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.inFooter = footer
        self.shortLabel = short
    }

    public var footerLabel: UIKey { shortLabel ?? label }

    /// `Up/k`, `^D`, `Esc/q`: the keys as the footer and help write them.
    public var keyNames: String {
        keys.map(\.displayName).joined(separator: "/")
    }
}

/// The screens that have a key table.
public enum KeyScope: Sendable, Hashable {
    case global, list, detail
}
