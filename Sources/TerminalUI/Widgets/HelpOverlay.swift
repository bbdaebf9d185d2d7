/// A titled group of key hints in the help screen ("Service list", "Everywhere").
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var hints: [KeyHint]

    public init(title: String, hints: [KeyHint]) {
        self.title = title
        self.hints = hints
    }
}

/// The `?` screen: every key of the current screen and the global ones, in a framed box
/// over the screen. Keys line up in one column, descriptions in the next. Up/Down and
/// PgUp/PgDn scroll when the list is taller than the box.
public struct HelpOverlay: Hashable, Sendable {
    public var title: String
    public var sections: [HelpSection]
    public private(set) var scroll: Int = 0

    public init(title: String = "Help", sections: [HelpSection]) {
        self.title = title
        self.sections = sections
    }

    /// The text lines of the help, for a box `width` cells wide inside its frame:
    /// section titles, then `keys  description` rows with the keys padded to the widest
    /// (at most a third of the width).
    public func lines(width: Int) -> [(text: String, isTitle: Bool)] {
        let widest = sections.flatMap(\.hints).map(\.keys.displayWidth).max() ?? 0
        let keyColumn = min(widest, max(1, width / 3))
        var lines: [(String, Bool)] = []
        for section in sections {
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((section.title, true))
            for hint in section.hints {
                let keys = hint.keys.padded(toWidth: keyColumn)
                lines.append(("  " + keys + "  " + hint.description, false))
            }
        }
        return lines
    }

    public mutating func handle(_ key: Key, pageSize: Int) -> Bool {
        switch key {
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - max(1, pageSize))
        case .pageDown: scroll += max(1, pageSize)
        case .home: scroll = 0
        default: return false
        }
        return true
    }

    /// The box the help takes on a surface: all of it but a margin.
    public static func frame(in bounds: Rect) -> Rect {
        bounds.insetBy(dx: min(4, bounds.width / 10), dy: 1)
    }

    public func draw(on surface: some Surface, in area: Rect? = nil) {
        let box = Self.frame(in: area ?? surface.bounds)
        guard box.width > 4, box.height > 2 else { return }
        surface.fill(box)
        surface.drawBox(box, title: title)
        let inside = box.insetBy(dx: 2, dy: 1)
        let all = lines(width: inside.width)
        let top = max(0, min(scroll, all.count - inside.height))
        for (offset, line) in all.dropFirst(top).prefix(inside.height).enumerated() {
            surface.draw(line.text, at: Point(column: inside.column, row: inside.row + offset), maxWidth: inside.width,
                         style: line.isTitle ? .header : .normal)
        }
    }
}
