import TerminalUI

/// A yes/no question: y or Enter says yes, n or Esc says no, other keys leave it open.
package enum Confirm {
    package static func answer(to key: Key) -> Bool? {
        switch KeyMap.action(for: key, in: KeyMap.confirm, global: []) {
        case .confirm?: return true
        case .back?: return false
        default: return nil
        }
    }
}
