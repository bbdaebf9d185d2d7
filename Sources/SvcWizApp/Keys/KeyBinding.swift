import TerminalUI

/// One row of a key table: the keys, the action, the word the footer and `?` help show,
/// the sentence `svcwiz keys` and the keymap documents print, and whether the footer shows
/// it. The same rows drive the handler, the footer, the help and the documents.
package struct KeyBinding: Sendable, Hashable {
    package var keys: [Key]
    package var action: AppAction
    package var label: UIKey
    package var help: KeyHelp
    package var inFooter: Bool
    /// A shorter word for the footer where the help's is long (`ns` for namespace).
    package var shortLabel: UIKey?

    package init(_ keys: [Key], _ action: AppAction, _ label: UIKey, _ help: KeyHelp, footer: Bool = false, short: UIKey? = nil) {
        self.keys = keys
        self.action = action
        self.label = label
        self.help = help
        self.inFooter = footer
        self.shortLabel = short
    }

    package var footerLabel: UIKey { shortLabel ?? label }

    /// `Up/k`, `^D`, `Esc/q`: the keys as the footer and help write them.
    package var keyNames: String {
        keys.map(\.displayName).joined(separator: "/")
    }
}
