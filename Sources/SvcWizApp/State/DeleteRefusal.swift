import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

/// What the user saw of a service when they asked to delete it.
public enum SeenService: Sendable, Hashable {
    /// A row of the list: only what the list holds is known.
    case row(ServiceSummary)
    /// The detail screen: the whole service as it was loaded.
    case stored(StoredService)
}

extension DeletionTarget {
    /// A delete of a list row, expecting the version the row was read at.
    init(row: ServiceSummary) {
        self.init(namespace: row.namespace, name: row.name, version: row.version, seen: .row(row))
    }

    /// A delete from the detail screen, expecting the version it shows.
    init(stored: StoredService) {
        self.init(namespace: stored.namespace, name: stored.name, version: stored.version, seen: .stored(stored))
    }
}

/// A delete the backend refused because the service is no longer the version the user saw.
public struct RefusedDelete: Sendable, Hashable {
    public var target: DeletionTarget
    /// The service as it is now.
    public var current: StoredService

    public init(target: DeletionTarget, current: StoredService) {
        self.target = target
        self.current = current
    }
}

/// The dialog after refused deletes: for each service, what changed between what the user
/// saw and what is stored now. Nothing was deleted of these; the user looks again or cancels.
public struct DeleteRefusal: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var namespace: String
        public var name: String
        /// What the user saw, then what is stored now: the changed lines.
        public var changes: [LineDiff.Line]
    }

    public var items: [Item]
    public var scroll = 0

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
            return Item(namespace: refusal.current.namespace, name: refusal.current.name,
                        changes: LineDiff.unified(from: seenText, to: currentText, context: 2))
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
            lines.append((text(.deleteChangedHeading, item.name), .warning))
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

extension AppState {
    /// Deletes the service changed under: nothing of them went; the dialog shows why.
    mutating func applyDeleteRefusal(_ refused: [RefusedDelete]) -> [AppEffect] {
        guard !refused.isEmpty else { return [] }
        for item in refused {
            post(StatusMessage(text(.deleteRefused, item.current.name), severity: .error))
        }
        overlay = .deleteRefused(DeleteRefusal(refused, text: text))
        return []
    }

    /// Enter looks again: the first changed service's detail, loaded as it is now (the list
    /// rows are current already). Esc cancels. Up and Down scroll a long diff.
    mutating func handleDeleteRefusalKey(_ key: Key, _ refusal: DeleteRefusal) -> [AppEffect] {
        var refusal = refusal
        switch key {
        case .escape, .character("q"):
            overlay = nil
        case .enter, .character("r"):
            overlay = nil
            guard let first = refusal.items.first else { return [] }
            screen = .detail(DetailState(namespace: first.namespace, name: first.name))
            return [.loadDetail(namespace: first.namespace, name: first.name)]
        case .up, .character("k"):
            refusal.scroll = max(0, refusal.scroll - 1)
            overlay = .deleteRefused(refusal)
        case .down, .character("j"):
            refusal.scroll = min(max(0, refusal.lines(text).count - 1), refusal.scroll + 1)
            overlay = .deleteRefused(refusal)
        default:
            break
        }
        return []
    }
}
