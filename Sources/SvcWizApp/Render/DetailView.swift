import Foundation
import ServiceModel
import TerminalUI

/// Draws the detail screen: its sections as lines, scrolled, with the cursor's line
/// highlighted.
enum DetailView {
    /// A laid-out line: cells of text with a style each, and the pair (counted over the
    /// whole screen) it belongs to, which the cursor stands on.
    struct Line {
        var segments: [(text: String, style: Style, width: Int?)]
        var item: Int?
    }

    static func draw(_ state: AppState, _ detail: DetailScreen, on surface: Surface, in rect: Rect, now: Date) -> Int {
        guard let data = detail.data else {
            let message = detail.error ?? state.text(.loading)
            surface.draw(message, at: Point(column: rect.column + 1, row: rect.row), width: rect.width - 1,
                         style: detail.error == nil ? .muted : .error)
            return 0
        }
        let sections = ServiceDetailContent.sections(for: data, text: state.text, now: now)
        let lines = layout(sections, width: rect.width)
        let maxScroll = max(0, lines.count - rect.height)
        let scroll = min(detail.scroll, maxScroll)
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            var x = rect.column
            let row = rect.row + offset
            let selected = line.item != nil && line.item == detail.cursor
            if selected { surface.fill(Rect(column: rect.column, row: row, width: rect.width, height: 1), style: .selected) }
            for segment in line.segments {
                let width = segment.width ?? max(0, rect.maxColumn - x)
                guard width > 0 else { continue }
                if segment.style == .border {
                    surface.drawRule(at: Point(column: x, row: row), width: width, title: segment.text)
                } else {
                    surface.draw(segment.text, at: Point(column: x, row: row), width: min(width, rect.maxColumn - x),
                                 style: selected ? .selected : segment.style)
                }
                x += width
            }
        }
        return scroll
    }

    /// The pairs the cursor moves over, in screen order.
    static func items(_ sections: [DetailSection]) -> [DetailPair] {
        sections.flatMap { section -> [DetailPair] in
            switch section.body {
            case .pairs(let pairs), .lines(let pairs): return pairs
            case .table: return []
            }
        }
    }

    static func layout(_ sections: [DetailSection], width: Int) -> [Line] {
        var lines: [Line] = []
        var item = 0
        for section in sections {
            lines.append(Line(segments: [(section.title, .border, width)]))
            switch section.body {
            case .pairs(let pairs), .lines(let pairs):
                let labelWidth = min(22, max(12, (pairs.map { $0.label.displayWidth }.max() ?? 0) + 2))
                // Commands line up in a column after the longest value that has one.
                let valueWidth = pairs.filter { $0.command != nil }.map { $0.value.displayWidth }.max() ?? 0
                for pair in pairs {
                    lines += pairLines(pair, labelWidth: labelWidth, valueWidth: valueWidth, width: width, item: item)
                    item += 1
                }
            case let .table(header, rows):
                var widths = header.map(\.displayWidth)
                for row in rows {
                    for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.displayWidth) }
                }
                let cellWidths = widths.map { $0 + 2 }
                lines.append(Line(segments: [(" ", .header, 1)] + zip(header, cellWidths).map { ($0, Style.header, $1) }))
                for row in rows {
                    lines.append(Line(segments: [(" ", .normal, 1)] + zip(row, cellWidths).map { ($0, Style.normal, $1) }))
                }
            }
        }
        return lines
    }

    /// A pair's lines: the label, the value (a line per line of it), and its command beside
    /// the value when both fit, else on a line of its own under the value.
    private static func pairLines(_ pair: DetailPair, labelWidth: Int, valueWidth: Int, width: Int, item: Int) -> [Line] {
        var lines: [Line] = []
        let labelCell = pair.label.isEmpty ? 1 : labelWidth + 1
        let valueLines = pair.value.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, value) in valueLines.enumerated() {
            let label = i == 0 && !pair.label.isEmpty ? pair.label : ""
            // The label never runs into its value: it is cut one cell short.
            let shownLabel = label.displayWidth > labelCell - 2 ? label.truncatedWithEllipsis(toWidth: labelCell - 2) : label
            lines.append(Line(segments: [(" " + shownLabel, .muted, labelCell), (String(value), style(pair.tone), nil)], item: item))
        }
        guard let command = pair.command, var last = lines.popLast() else { return lines }
        let commandColumn = labelCell + valueWidth + 2
        if valueLines.count == 1, commandColumn + command.displayWidth <= width {
            last.segments[1].width = commandColumn - labelCell
            last.segments.append((command, .muted, nil))
            return lines + [last]
        }
        return lines + [last, Line(segments: [(" ", .muted, labelCell + 2), (command, .muted, nil)], item: item)]
    }

    static func style(_ tone: DetailTone) -> Style {
        switch tone {
        case .normal: return .normal
        case .muted: return .muted
        case .warning: return .warning
        case .good: return .success
        case .bad: return .error
        }
    }
}
