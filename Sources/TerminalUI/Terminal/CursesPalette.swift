import CNCurses

/// The ncurses attributes and colour pair for every `Style` under a theme. Colour pairs
/// are set up once, at start, one per distinct colour combination.
@MainActor
struct CursesPalette {
    private var looks: [Style: (attributes: attr_t, pair: Int16)] = [:]

    init(theme: Theme) {
        let useColor = !theme.isMonochrome && has_colors()
        if useColor {
            start_color()
            use_default_colors()
        }
        var pairs: [ColorCombination: Int16] = [:]
        for style in Style.allCases {
            let appearance = theme.appearance(for: style)
            var pair: Int16 = 0
            let combination = ColorCombination(appearance)
            if useColor, !combination.isDefault {
                if let known = pairs[combination] {
                    pair = known
                } else if pairs.count + 1 < Int(svcwiz_color_pairs()) {
                    pair = Int16(pairs.count + 1)
                    init_pair(pair, combination.foreground, combination.background)
                    pairs[combination] = pair
                }
            }
            looks[style] = (Self.attributes(appearance.attributes), pair)
        }
    }

    func look(for style: Style) -> (attributes: attr_t, pair: Int16) {
        looks[style] ?? (svcwiz_a_normal(), 0)
    }

    private static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = svcwiz_a_normal()
        if attributes.contains(.bold) { result |= svcwiz_a_bold() }
        if attributes.contains(.dim) { result |= svcwiz_a_dim() }
        if attributes.contains(.underline) { result |= svcwiz_a_underline() }
        if attributes.contains(.reverse) { result |= svcwiz_a_reverse() }
        if attributes.contains(.italic) { result |= svcwiz_a_italic() }
        return result
    }

    /// Foreground and background as ncurses wants them: -1 is the terminal's default.
    private struct ColorCombination: Hashable {
        let foreground: Int16
        let background: Int16

        init(_ appearance: Appearance) {
            foreground = Int16(appearance.foreground?.index ?? -1)
            background = Int16(appearance.background?.index ?? -1)
        }

        var isDefault: Bool { foreground == -1 && background == -1 }
    }
}
