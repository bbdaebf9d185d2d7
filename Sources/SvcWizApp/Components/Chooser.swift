import TerminalUI

/// A list to pick one entry from: Up/Down (or k/j) move, Enter chooses, Esc or q closes.
/// It holds only the selection: the entries may still be arriving (namespaces, workloads),
/// so their count is given with each key.
package struct Chooser: Sendable, Hashable {
    package enum Outcome: Sendable, Hashable {
        case stay
        case chosen(Int)
        case cancelled
    }

    private var table: TableState

    package init(selection: Int = 0) {
        table = TableState(selection: selection)
    }

    package var selection: Int { table.selection }

    package mutating func handle(_ key: Key, count: Int) -> Outcome {
        switch KeyMap.action(for: key, in: KeyMap.chooser, global: []) {
        case .up?: table.moveSelection(by: -1, rowCount: max(1, count), pageSize: max(1, count))
        case .down?: table.moveSelection(by: 1, rowCount: max(1, count), pageSize: max(1, count))
        case .confirm?: return count > 0 ? .chosen(min(selection, count - 1)) : .stay
        case .back?: return .cancelled
        default: break
        }
        return .stay
    }
}
