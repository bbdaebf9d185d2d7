import ServiceModel
import ServiceStore

extension AppState {
    /// The server's answer to a create svcwiz's own check refused. A refusal is shown on the
    /// fields in the server's words, as any failed create; an acceptance is said plainly with
    /// what svcwiz objected to, and the same manifest may then be created: the cluster's
    /// verdict is never hidden behind svcwiz's.
    mutating func applyServerVerdict(_ manifest: ManifestNode, _ result: Result<StoredService, StoreError>) -> [AppEffect] {
        guard case .wizard(var wizard) = screen, wizard.manifest == manifest else { return [] }
        switch result {
        case .success:
            wizard.serverAccepted = manifest
            screen = .wizard(wizard)
            let objection = wizard.errors.first.map { "\($0.location): \($0.message(in: text.language))" } ?? ""
            post(StatusMessage(text(.serverAcceptsWhatSvcwizRefuses, choices.kubeVersion.version.description, objection), severity: .warning))
        case .failure(let error):
            placeFailure(error)
        }
        return []
    }
}
