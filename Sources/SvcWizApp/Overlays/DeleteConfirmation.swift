import ServiceModel
import TerminalUI

/// The delete confirmation: what will go, how many the filter hides, and the two ways to
/// confirm: the delete key a second time (the one that opened this was the first), or the
/// name typed (for several services, their names or their count).
package struct DeleteConfirmation: Sendable, Hashable {
    package var targets: [DeletionTarget]
    package var hiddenByFilter: Int
    package var typed: TextField

    package init(targets: [DeletionTarget], hiddenByFilter: Int) {
        self.targets = targets
        self.hiddenByFilter = hiddenByFilter
        self.typed = TextField()
    }

    mutating func handle(_ key: Key) -> [OverlayCommand] {
        switch KeyMap.action(for: key, in: KeyMap.deleteConfirmation, global: []) {
        case .back?: return [.close]
        case .delete?: return [.close, .delete(targets)]
        case .confirm?: return isConfirmationTyped ? [.close, .delete(targets)] : []
        default:
            _ = typed.handle(key)
            return []
        }
    }

    private var isConfirmationTyped: Bool {
        let names = targets.map(\.service.name)
        return typed.text == names.joined(separator: " ") || (names.count > 1 && typed.text == "\(names.count)")
    }
}
