/// What a piece of text is, not how it looks: the theme decides the look, so screens stay
/// the same in colour and in monochrome.
package enum Style: Int, CaseIterable, Hashable, Sendable {
    case normal
    /// The title line at the top of every screen.
    case title
    /// Table and section headers.
    case header
    /// Frames and separator lines.
    case border
    /// Secondary text: hints, placeholders, ages.
    case muted
    /// Key names in the footer and the help screen.
    case keyHint
    /// The selected row or the highlighted choice.
    case selected
    /// Rows the user marked for a bulk action.
    case marked
    /// An input field that does not have the focus.
    case input
    /// The input field or button that has the focus.
    case focused
    case error
    case warning
    case success
    /// Diff lines.
    case added
    case removed
    /// Syntax colouring in the YAML/JSON editor.
    case syntaxKey
    case syntaxString
    case syntaxNumber
    case syntaxComment
}
