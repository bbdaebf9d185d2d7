import TerminalUI

/// Formats rows of cells as aligned columns by display width, kubectl style (three spaces
/// between columns, no trailing spaces), so CJK aliases do not push columns out of line.
/// Widths are the terminal UI's own (`wcwidth` under a UTF-8 locale), so `svcwiz list`
/// and the list screen agree.
enum TablePrinter {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        var widths = Array(repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        return all.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.displayWidth + 3)
            }.joined()
        }.joined(separator: "\n")
    }
}
