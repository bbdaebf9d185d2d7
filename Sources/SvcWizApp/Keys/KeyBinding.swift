import TerminalUI

/// One row of a key table: the keys, the action, the word the footer and `?` help show,
/// the sentence `svcwiz keys` and the keymap documents print, and whether the footer shows
/// it. The same rows drive the handler, the footer, the help and the documents.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: AppAction
    public var label: UIKey
    public var help: KeyHelp
    public var inFooter: Bool
    /// A shorter word for the footer where the help's is long (`ns` for namespace).
    public var shortLabel: UIKey?

    public init(_ keys: [Key], _ action: AppAction, _ label: UIKey, _ help: KeyHelp, footer: Bool = false, short: UIKey? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.inFooter = footer
        self.shortLabel = short
    }

    public var footerLabel: UIKey { shortLabel ?? label }

    /// `Up/k`, `^D`, `Esc/q`: the keys as the footer and help write them.
    public var keyNames: String {
        keys.map(\.displayName).joined(separator: "/")
    }
}
