import ServiceModel

extension WizardState {
    /// Checks the draft by `rules` from now on (the release the app targets).
    mutating func useRules(_ rules: RuleSet) {
        guard rules != self.rules else { return }
        self.rules = rules
        revalidate()
    }

    /// The API server's warnings about `field`, marked as warnings, once the field's
    /// errors would show.
    func warningMessages(for field: WizardField, language: Language) -> [String] {
        guard isRevealed(field, step: WizardStep.step(for: path(of: field))) else { return [] }
        return warnings.filter { warningField(for: $0) == field }.map { FieldWarning.label + ": " + $0.message(in: language) }
    }

    /// The field a warning is about: a warning's path is a field's path, as an error's is.
    private func warningField(for warning: FieldWarning) -> WizardField? {
        field(for: FieldError(path: warning.path, kind: .invalid, key: warning.key))
    }
}
