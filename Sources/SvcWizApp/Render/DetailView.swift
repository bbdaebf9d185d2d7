import Foundation
import ServiceModel
import TerminalUI

/// Draws the detail screen: its sections as lines, scrolled.
enum DetailView {
    /// A laid-out line: cells of text with a style each.
    struct Line {
        var segments: [(text: String, style: Style, width: Int?)]
    }

    static func draw(_ state: AppState, _ detail: DetailScreen, on surface: Surface, in rect: Rect, now: Date) -> Int {
        guard let data = detail.data else {
            let message = detail.error ?? state.text(.loading)
            surface.draw(message, at: Point(column: rect.column + 1, row: rect.row), width: rect.width - 1,
                         style: detail.error == nil ? .muted : .error)
            return 0
        }
        let sections = ServiceDetailContent.sections(for: data.stored, backends: data.backends, events: data.events, text: state.text, now: now)
        let lines = layout(sections, width: rect.width)
        let maxScroll = max(0, lines.count - rect.height)
        let scroll = min(detail.scroll, maxScroll)
        for (offset, line) in lines.dropFirst(scroll).prefix(rect.height).enumerated() {
            var x = rect.column
            let row = rect.row + offset
            for segment in line.segments {
                let width = segment.width ?? max(0, rect.maxColumn - x)
                guard width > 0 else { continue }
                if segment.style == .border {
                    surface.drawRule(at: Point(column: x, row: row), width: width, title: segment.text)
                } else {
                    surface.draw(segment.text, at: Point(column: x, row: row), width: min(width, rect.maxColumn - x), style: segment.style)
                }
                x += width
            }
        }
        return scroll
    }

    static func layout(_ sections: [DetailSection], width: Int) -> [Line] {
        var lines: [Line] = []
        for section in sections {
            lines.append(Line(segments: [(section.title, .border, width)]))
            switch section.body {
            case .pairs(let pairs), .lines(let pairs):
                let labelWidth = min(22, max(12, (pairs.map { $0.label.displayWidth }.max() ?? 0) + 2))
                for pair in pairs {
                    let valueLines = pair.value.split(separator: "\n", omittingEmptySubsequences: false)
                    for (i, value) in valueLines.enumerated() {
                        let label = i == 0 && !pair.label.isEmpty ? pair.label : ""
                        let labelCell = pair.label.isEmpty ? 1 : labelWidth + 1
                        // The label never runs into its value: it is cut one cell short.
                        let shownLabel = label.displayWidth > labelCell - 2 ? label.truncatedWithEllipsis(toWidth: labelCell - 2) : label
                        lines.append(Line(segments: [(" " + shownLabel, .muted, labelCell), (String(value), style(pair.tone), nil)]))
                    }
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
