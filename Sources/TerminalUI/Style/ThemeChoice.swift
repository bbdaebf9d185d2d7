extension Theme {
    /// The theme for a terminal with `terminalColors` colours (ncurses' `COLORS`, 0 when
    /// it has none). Monochrome when the user asked (`--no-color`, or `NO_COLOR` set to
    /// anything non-empty, per no-color.org) or the terminal cannot show colour.
    package static func choose(noColorFlag: Bool, environment: [String: String], terminalColors: Int) -> Theme {
        if noColorFlag { return .monochrome }
        if let value = environment["NO_COLOR"], !value.isEmpty { return .monochrome }
        switch terminalColors {
        case 256...: return .colors256
        case 16...: return .colors16
        case 8...: return .colors8
        default: return .monochrome
        }
    }
}
