import ServiceModel
import TerminalUI

extension Overlay {
    /// Applies a key to the overlay's model; `choices` is how many entries its chooser
    /// has now and `workloads` the workload picker's entries (both may still be arriving);
    /// `text` lays out what a scroll is bounded by.
    mutating func handle(_ key: Key, choices: Int, workloads: [Workload] = [], text: UIText) -> [OverlayCommand] {
        switch self {
        case .help, .messages:
            return KeyMap.action(for: key, in: KeyMap.panel, global: []) == .back ? [.close] : []
        case .namespaces(var chooser):
            defer { self = .namespaces(chooser) }
            return Self.commands(chooser.handle(key, count: choices)) { .chooseNamespace($0) }
        case .workloadPicker(var picker):
            defer { self = .workloadPicker(picker) }
            return picker.handle(key, workloads: workloads)
        case .editChooser(var chooser):
            defer { self = .editChooser(chooser) }
            return chooser.handle(key)
        case .importChooser(var chooser):
            defer { self = .importChooser(chooser) }
            return chooser.handle(key)
        case .command(var prompt):
            defer { self = .command(prompt) }
            return Self.commands(prompt.handle(key)) { [.close, .runCommand($0)] }
        case .export(var prompt, let service):
            defer { self = .export(prompt, service) }
            return Self.commands(prompt.handle(key)) { [.close, .export(service, folder: $0.isEmpty ? "." : $0)] }
        case .importPrompt(var prompt, let candidates):
            let outcome = prompt.handle(key)
            self = .importPrompt(prompt, candidates: candidates)
            if case .complete(let input) = outcome { return [.completePath(input)] }
            return Self.commands(outcome) { $0.isEmpty ? [] : [.close, .importFile($0)] }
        case .confirmDelete(var confirmation):
            defer { self = .confirmDelete(confirmation) }
            return confirmation.handle(key)
        case .diff(var panel):
            defer { self = .diff(panel) }
            return panel.handle(key)
        case .deleteRefused(var refusal):
            defer { self = .deleteRefused(refusal) }
            return refusal.handle(key, text: text)
        case .leaveWizard:
            return Confirm.answer(to: key).map { $0 ? [.close, .leaveWizard] : [.close] } ?? []
        case let .confirmOverwrite(path, service):
            return Confirm.answer(to: key).map { $0 ? [.close, .overwrite(path: path, service)] : [.close] } ?? []
        case .resumeDraft(let saved):
            switch KeyMap.action(for: key, in: KeyMap.resumeDraft, global: []) {
            case .confirm?: return [.close, .resume(saved)]
            case .discard?: return [.close, .startFresh]
            case .back?: return [.close]
            default: return []
            }
        case .conflict(let current, _):
            switch KeyMap.action(for: key, in: KeyMap.conflict, global: []) {
            case .refresh?: return [.close, .reload(current)]
            case .back?: return [.close]
            default: return []
            }
        }
    }

    /// A chooser's outcome: closed, or closed with its entry chosen.
    static func commands(_ outcome: Chooser.Outcome, chosen: (Int) -> OverlayCommand) -> [OverlayCommand] {
        switch outcome {
        case .stay: return []
        case .cancelled: return [.close]
        case .chosen(let index): return [.close, chosen(index)]
        }
    }

    /// A prompt's outcome: Esc closes it, Enter submits it, other keys edit it in place.
    private static func commands(_ outcome: Prompt.Outcome, submitted: (String) -> [OverlayCommand]) -> [OverlayCommand] {
        switch outcome {
        case .cancelled: return [.close]
        case .submitted(let text): return submitted(text)
        case .edited, .ignored, .complete: return []
        }
    }
}
