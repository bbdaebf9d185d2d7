@testable import SvcWizApp

extension AppState {
    /// `update(event)`, then each editor check it asks for run to its outcome and fed back,
    /// as the `EffectRunner` does on another thread; returns the other effects. For tests
    /// about what a check's outcome does, not about its timing.
    @discardableResult
    mutating func settle(_ event: AppEvent) -> [AppEffect] {
        settle(effects: update(event))
    }

    /// Runs the editor checks among `effects` (and those their outcomes ask for).
    @discardableResult
    mutating func settle(effects: [AppEffect]) -> [AppEffect] {
        var queue = effects
        var others: [AppEffect] = []
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            if case .checkEditorText(let check) = effect {
                queue += update(.editorChecked(check.run()))
            } else {
                others.append(effect)
            }
        }
        return others
    }
}
