/// The language of the editor's text: decides colouring, auto-indent and what Tab does.
package enum EditorLanguage: String, Hashable, Sendable, CaseIterable {
    case yaml
    case json

    /// The name shown in the title and the footer.
    package var displayName: String {
        switch self {
        case .yaml: return "YAML"
        case .json: return "JSON"
        }
    }

    /// Spaces added by one indentation step (auto-indent, Tab in JSON).
    package static let indentWidth = 2

    /// The indentation of a new line opened after `head` (the text before the cursor):
    /// the current line's leading spaces, one step more after a YAML `key:` or a JSON
    /// `{`/`[`, and in YAML the width of a list item's `- ` so the next key lines up
    /// with the item's first key.
    func indentation(after head: Substring) -> Int {
        let leading = head.prefix { $0 == " " }.count
        let content = head.dropFirst(leading)
        var trimmed = content
        while trimmed.last == " " { trimmed.removeLast() }
        switch self {
        case .yaml:
            var indent = leading
            var item = content
            while item.hasPrefix("- ") {
                let after = item.dropFirst(2)
                let spaces = after.prefix { $0 == " " }.count
                indent += 2 + spaces
                item = after.dropFirst(spaces)
            }
            if trimmed.last == ":" && !trimmed.hasPrefix("#") { indent += Self.indentWidth }
            return indent
        case .json:
            if let last = trimmed.last, last == "{" || last == "[" { return leading + Self.indentWidth }
            return leading
        }
    }
}
