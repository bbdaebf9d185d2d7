import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// Keys of the import prompt and chooser and the overwrite question.
    mutating func handleFileOverlayKey(_ key: Key, _ current: Overlay) -> [AppEffect]? {
        switch current {
        case .importPrompt(var input, let candidates):
            switch key {
            case .escape: overlay = nil
            case .tab: return [.completePath(input.text)]
            case .enter:
                guard !input.text.isEmpty else { return [] }
                overlay = nil
                return [.importFile(input.text)]
            default:
                if input.handle(key) { overlay = .importPrompt(input, candidates: candidates) }
            }
            return []
        case let .importChooser(services, selection, path):
            switch key {
            case .escape: overlay = nil
            case .up, .character("k"): overlay = .importChooser(services, selection: max(0, selection - 1), path: path)
            case .down, .character("j"):
                overlay = .importChooser(services, selection: min(services.count - 1, selection + 1), path: path)
            case .enter:
                overlay = nil
                return openImported(services[selection])
            default: break
            }
            return []
        case let .confirmOverwrite(path, namespace, name):
            switch key {
            case .character("y"), .character("Y"), .enter:
                overlay = nil
                return [.export(namespace: namespace, name: name, target: path, overwrite: true)]
            case .character("n"), .character("N"), .escape:
                overlay = nil
            default: break
            }
            return []
        default:
            return nil
        }
    }

    mutating func applyFileResult(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case let .pathCompleted(input, completed, candidates):
            guard case .importPrompt(let field, _) = overlay, field.text == input else { return [] }
            overlay = .importPrompt(TextField(completed), candidates: candidates)
        case let .imported(path, .success(services)):
            switch services.count {
            case 0: post(StatusMessage(text(.importNoService, path), severity: .error))
            case 1: return openImported(services[0])
            default: overlay = .importChooser(services, selection: 0, path: path)
            }
        case let .imported(path, .failure(failure)):
            switch failure {
            case .unreadable(let reason): post(StatusMessage("\(path): \(reason)", severity: .error))
            case .parse(let error): post(StatusMessage(error.description, severity: .error))
            }
        case let .exportExists(path, namespace, name):
            overlay = .confirmOverwrite(path: path, namespace: namespace, name: name)
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
