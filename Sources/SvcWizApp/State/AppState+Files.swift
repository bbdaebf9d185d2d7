#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    mutating func applyFileResult(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case let .pathCompleted(input, completed, candidates):
            guard case .importPrompt(let prompt, _) = overlay, prompt.text == input else { return [] }
            overlay = .importPrompt(Prompt(completed), candidates: candidates)
        case let .imported(path, .success(services)):
            switch services.count {
            case 0: post(StatusMessage(text(.importNoService, path), severity: .error))
            case 1: return openImported(services[0])
            default: overlay = .importChooser(ImportChooser(services: services, path: path))
            }
        case let .imported(path, .failure(failure)):
            switch failure {
            case .unreadable(let reason): post(StatusMessage("\(path): \(reason)", severity: .error))
            case .parse(let error): post(StatusMessage(error.description, severity: .error))
            }
        case let .exportExists(path, service):
            overlay = .confirmOverwrite(path: path, service)
        default:
            break
        }
        return []
    }

    /// A Service from a file opens the create wizard at step 1 (replacing a draft in progress).
    mutating func openImported(_ manifest: ManifestNode) -> [AppEffect] {
        let wizard = WizardState.imported(manifest, namespace: currentNamespace, usedNodePorts: usedNodePorts())
        post(StatusMessage(text(.imported, wizard.draft.name)))
        let effects = openWizard(wizard)
        return effects + [.saveDraft(SavedDraft(draft: wizard.draft, step: wizard.step, baseYAML: YAMLWriter.write(wizard.base)))]
    }
}
