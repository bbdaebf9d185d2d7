import ServiceModel
import TerminalUI

/// What an edit will change, before it is written: the diff, scrolled, and what it says
/// beyond the lines (nodes written anew).
package struct DiffPanel: Sendable, Hashable {
    package var lines: [LineDiff.Line]
    package var note: String?
    package var scroll = 0

    package init(_ lines: [LineDiff.Line], note: String? = nil) {
        self.lines = lines
        self.note = note
    }

    mutating func handle(_ key: Key) -> [OverlayCommand] {
        switch KeyMap.action(for: key, in: KeyMap.diff, global: []) {
        case .back?: return [.close]
        case .up?: scroll = max(0, scroll - 1)
        case .down?: scroll = min(max(0, lines.count - 1), scroll + 1)
        case .save?: return [.close, .saveEdit]
        default: break
        }
        return []
    }
}
