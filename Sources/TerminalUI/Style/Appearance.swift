/// Text attributes a terminal can show without colour.
package struct TextAttributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    package static let bold = TextAttributes(rawValue: 1 << 0)
    package static let dim = TextAttributes(rawValue: 1 << 1)
    package static let underline = TextAttributes(rawValue: 1 << 2)
    package static let reverse = TextAttributes(rawValue: 1 << 3)
    package static let italic = TextAttributes(rawValue: 1 << 4)
}

/// A terminal palette index: 0-7 the basic colours, 8-15 their bright variants, 16-255
/// the xterm 256-colour cube and greys.
package struct TerminalColor: Hashable, Sendable {
    package let index: Int
    package init(_ index: Int) { self.index = index }

    package static let black = TerminalColor(0)
    package static let red = TerminalColor(1)
    package static let green = TerminalColor(2)
    package static let yellow = TerminalColor(3)
    package static let blue = TerminalColor(4)
    package static let magenta = TerminalColor(5)
    package static let cyan = TerminalColor(6)
    package static let white = TerminalColor(7)
    package static let brightBlack = TerminalColor(8)
}

/// How a style looks under a theme. A nil colour is the terminal's default.
package struct Appearance: Hashable, Sendable {
    package var foreground: TerminalColor?
    package var background: TerminalColor?
    package var attributes: TextAttributes

    package init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
