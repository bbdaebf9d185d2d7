/// Maps every `Style` to an `Appearance` for one kind of terminal.
package struct Theme: Sendable {
    /// How many colours the theme uses; 0 for monochrome.
    package let colors: Int
    private let appearances: [Style: Appearance]

    init(colors: Int, appearances: [Style: Appearance]) {
        self.colors = colors
        self.appearances = appearances
    }

    package var isMonochrome: Bool { colors == 0 }

    package func appearance(for style: Style) -> Appearance {
        appearances[style] ?? Appearance()
    }

    /// Attributes only: every distinction a colour theme makes is also made here, so
    /// `NO_COLOR` loses nothing (selection is reverse video, errors bold and underlined).
    package static let monochrome = Theme(colors: 0, appearances: [
        .title: Appearance(attributes: [.bold, .reverse]),
        .header: Appearance(attributes: [.bold, .underline]),
        .muted: Appearance(attributes: [.dim]),
        .keyHint: Appearance(attributes: [.bold]),
        .selected: Appearance(attributes: [.reverse]),
        .marked: Appearance(attributes: [.bold]),
        .input: Appearance(attributes: [.underline]),
        .focused: Appearance(attributes: [.reverse, .underline]),
        .error: Appearance(attributes: [.bold, .underline]),
        .warning: Appearance(attributes: [.bold]),
        .added: Appearance(attributes: [.bold]),
        .removed: Appearance(attributes: [.dim]),
        .syntaxKey: Appearance(attributes: [.bold]),
        .syntaxComment: Appearance(attributes: [.dim]),
    ])

    /// The eight basic colours: what every colour terminal has.
    package static let colors8 = Theme(colors: 8, appearances: basicAppearances)

    /// Bright black for secondary text, which reads better than dim on most terminals.
    package static let colors16 = Theme(colors: 16, appearances: basicAppearances.merging([
        .muted: Appearance(foreground: .brightBlack),
        .border: Appearance(foreground: TerminalColor(12)),
        .syntaxComment: Appearance(foreground: .brightBlack, attributes: [.italic]),
    ]) { $1 })

    /// Softer backgrounds for the title and the selection from the 256-colour palette.
    package static let colors256 = Theme(colors: 256, appearances: basicAppearances.merging([
        .title: Appearance(foreground: TerminalColor(231), background: TerminalColor(24), attributes: [.bold]),
        .muted: Appearance(foreground: TerminalColor(244)),
        .border: Appearance(foreground: TerminalColor(67)),
        .focused: Appearance(foreground: TerminalColor(252), attributes: [.reverse, .underline]),
        .input: Appearance(background: TerminalColor(236), attributes: [.underline]),
        .warning: Appearance(foreground: TerminalColor(214), attributes: [.bold]),
        .syntaxKey: Appearance(foreground: TerminalColor(74)),
        .syntaxString: Appearance(foreground: TerminalColor(114)),
        .syntaxNumber: Appearance(foreground: TerminalColor(176)),
        .syntaxComment: Appearance(foreground: TerminalColor(244), attributes: [.italic]),
    ]) { $1 })

    /// Colour is an extra on top of the monochrome attributes, never the only signal
    /// (the selection also has its `>` marker and bold). The selection is a background
    /// colour rather than reverse video: terminals can then erase its blank runs with one
    /// short sequence instead of printing reversed spaces.
    private static let basicAppearances: [Style: Appearance] = [
        .title: Appearance(foreground: .white, background: .blue, attributes: [.bold]),
        .header: Appearance(foreground: .cyan, attributes: [.bold, .underline]),
        .border: Appearance(foreground: .blue),
        .muted: Appearance(attributes: [.dim]),
        .keyHint: Appearance(foreground: .cyan, attributes: [.bold]),
        .selected: Appearance(foreground: .black, background: .cyan, attributes: [.bold]),
        .marked: Appearance(foreground: .magenta, attributes: [.bold]),
        .input: Appearance(attributes: [.underline]),
        .focused: Appearance(foreground: .white, attributes: [.reverse, .underline]),
        .error: Appearance(foreground: .red, attributes: [.bold, .underline]),
        .warning: Appearance(foreground: .yellow, attributes: [.bold]),
        .success: Appearance(foreground: .green),
        .added: Appearance(foreground: .green, attributes: [.bold]),
        .removed: Appearance(foreground: .red, attributes: [.dim]),
        .syntaxKey: Appearance(foreground: .cyan),
        .syntaxString: Appearance(foreground: .green),
        .syntaxNumber: Appearance(foreground: .magenta),
        .syntaxComment: Appearance(foreground: .blue, attributes: [.dim]),
    ]
}
