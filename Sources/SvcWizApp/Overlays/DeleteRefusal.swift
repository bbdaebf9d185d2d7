#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

/// A delete the backend refused because the service is no longer the version the user saw.
package struct RefusedDelete: Sendable, Hashable {
    package var target: DeletionTarget
    /// The service as it is now.
    package var current: StoredService

    package init(target: DeletionTarget, current: StoredService) {
        self.target = target
        self.current = current
    }
}

/// The dialog after refused deletes: for each service, what changed between what the user
/// saw and what is stored now. Nothing was deleted of these; the user looks again or cancels.
package struct DeleteRefusal: Sendable, Hashable {
    package struct Item: Sendable, Hashable {
        package var service: ServiceID
        /// What the user saw, then what is stored now: the changed lines.
        package var changes: [LineDiff.Line]
    }

    package var items: [Item]
    package var scroll = 0

    /// Each refused delete with its diff: of the whole service (stripped of server fields)
    /// when the detail screen was seen, of the list's columns when a row was.
    init(_ refused: [RefusedDelete], text: UIText) {
        items = refused.map { refusal in
            let seenText: String, currentText: String
            switch refusal.target.seen {
            case .stored(let stored)?:
                seenText = YAMLWriter.write(ServerFields.stripped(stored.manifest))
                currentText = YAMLWriter.write(ServerFields.stripped(refusal.current.manifest))
            case .row(let row)?:
                seenText = Self.rowText(row, text: text)
                currentText = Self.rowText(ServiceSummary(manifest: refusal.current.manifest), text: text)
            case nil:
                seenText = ""
                currentText = YAMLWriter.write(ServerFields.stripped(refusal.current.manifest))
            }
            return Item(service: refusal.current.id, changes: LineDiff.unified(from: seenText, to: currentText, context: 2))
        }
    }

    /// A list row as `COLUMN: value` lines, in the list's words: every column that belongs to
    /// the service itself (not its backends' readiness or its age, which change without the
    /// service changing), and its labels.
    static func rowText(_ row: ServiceSummary, text: UIText) -> String {
        let columns: [ServiceColumn] = [.name, .type, .clusterIP, .external, .ports, .selector]
        var lines = columns.map { column in
            text(ListColumnLayout.headerKey(column)) + ": " + ServiceRow.cell(column, of: row, language: text.language, now: Date())
        }
        lines.append(text(.sectionLabels) + ": "
            + (row.labels.isEmpty ? "-" : row.labels.map { "\($0.key)=\($0.value)" }.joined(separator: ",")))
        return lines.joined(separator: "\n") + "\n"
    }

    /// The dialog's lines: per service a heading, then its changes (or why none show).
    func lines(_ text: UIText) -> [(String, Style)] {
        var lines: [(String, Style)] = []
        for item in items {
            lines.append((text(.deleteChangedHeading, item.service.name), .warning))
            let changed = item.changes.filter { if case .same = $0 { return false } else { return true } }
            if changed.isEmpty {
                lines.append(("  " + text(.deleteChangedHidden), .muted))
                continue
            }
            for line in item.changes {
                switch line {
                case .same(let l): lines.append((l == "@@" ? "  @@" : "    " + l, l == "@@" ? .muted : .normal))
                case .removed(let l): lines.append(("  - " + l, .removed))
                case .added(let l): lines.append(("  + " + l, .added))
                }
            }
        }
        return lines
    }
}

extension DeleteRefusal {
    /// Enter looks again: the first changed service's detail, loaded as it is now (the list
    /// rows are current already). Esc cancels. Up and Down scroll a long diff.
    mutating func handle(_ key: Key, text: UIText) -> [OverlayCommand] {
        switch KeyMap.action(for: key, in: KeyMap.deleteRefusal, global: []) {
        case .back?: return [.close]
        case .open?: return [.close] + (items.first.map { [.lookAgain($0.service)] } ?? [])
        case .up?: scroll = max(0, scroll - 1)
        case .down?: scroll = min(max(0, lines(text).count - 1), scroll + 1)
        default: break
        }
        return []
    }
}
