import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// F2 / Ctrl-E in a form: the same service as text, at the same step.
    mutating func openEditor(from wizard: WizardState, text: String? = nil) {
        let source = text == nil ? wizard.editorSource : nil
        var state = EditorState(wizard: wizard, text: text ?? source?.text.replacingOccurrences(of: "\r\n", with: "\n"),
                                language: source?.format == .json ? .json : .yaml)
        status = nil
        if case .success(let parsed) = state.parse() { markErrors(of: parsed, in: &state) }
        screen = .editor(state)
    }

    /// Marks each validation error at the line of its field; returns how many there are.
    @discardableResult
    func markErrors(of parsed: ManifestNode, in state: inout EditorState) -> Int {
        let manifest = ServerFields.restored(parsed, from: state.wizard.base)
        let errors = ServiceValidator.validate(manifest, previous: state.wizard.stored?.manifest, rules: wizardRules)
        var markers: [Int: String] = [:]
        for error in errors {
            let line = parsed.position(of: error.location)?.line ?? 1
            markers[line] = markers[line] ?? error.message(in: text.language)
        }
        // Warnings go beside their field too, where no error is shown.
        for warning in ServiceValidator.warnings(manifest, previous: state.wizard.stored?.manifest, rules: wizardRules) {
            let line = parsed.position(of: warning.path)?.line ?? 1
            markers[line] = markers[line] ?? FieldWarning.label + ": " + warning.message(in: text.language)
        }
        state.editor.setMarkers(markers)
        return errors.count
    }

    mutating func handleEditorKey(_ key: Key, _ state: inout EditorState) -> [AppEffect] {
        defer { if case .editor = screen { screen = .editor(state) } }
        if state.confirmingJSON {
            state.confirmingJSON = false
            status = nil
            if key == .character("y") || key == .character("Y") || key == .enter { convert(&state) }
            return []
        }
        let result = state.editor.handle(key)
        switch result {
        case .consumed:
            if status?.severity == .info { status = nil }
            return state.wizard.isCreate ? [.saveDraft(savedDraft(of: state))] : []
        case .message(let message):
            post(StatusMessage(Self.editorMessage(message, text), severity: .warning))
            return []
        case .notConsumed:
            break
        }
        let table = KeyMap.editor(create: state.wizard.isCreate, language: state.editor.language)
        switch table.first(where: { $0.keys.contains(key) })?.action {
        case .toForm?:
            _ = leaveEditor(&state)
        case .convert?:
            if state.hasComments {
                state.confirmingJSON = true
                post(StatusMessage(text(.editorCommentsLost), severity: .warning))
            } else {
                convert(&state)
            }
        case .save?:
            // Saving from the text is saving from the form it becomes: same checks, same diff.
            // Invalid text stays here, its errors marked at their lines.
            if case .success(let parsed) = state.parse() {
                let count = markErrors(of: parsed, in: &state)
                if count > 0 {
                    post(StatusMessage(text(.editorInvalid, String(count)), severity: .error))
                    return []
                }
            }
            if leaveEditor(&state), case .wizard(var wizard) = screen {
                return handleWizardKey(.ctrl("s"), &wizard)
            }
        case .externalEditor?:
            let ext = state.editor.language == .json ? "json" : "yaml"
            return [.externalEditor(text: state.editor.text, fileExtension: ext)]
        default:
            break
        }
        return []
    }

    /// Leaves for the form when the text parses; otherwise stays with the cursor on the error.
    /// Validation errors are marked at their lines and go to the form with the draft.
    @discardableResult
    mutating func leaveEditor(_ state: inout EditorState) -> Bool {
        switch state.parse() {
        case .failure(let problem):
            let message = describe(problem)
            if case .parse(let error) = problem {
                state.editor.setMarkers([error.line: message])
                state.editor.moveCursor(to: ScalarLocation(lineNumber: error.line, scalarColumn: error.column))
            }
            post(StatusMessage(message, severity: .error))
            return false
        case .success(let parsed):
            let wizard = state.wizard
            let manifest = ServerFields.restored(parsed, from: wizard.base)
            var next = WizardState(mode: wizard.mode, draft: ServiceDraft(manifest: manifest), base: manifest,
                                   page: .step(wizard.step), usedNodePorts: wizard.usedNodePorts)
            next.workloads = wizard.workloads
            next.nameTaken = wizard.nameTaken
            next.revealed = wizard.revealed
            next.source = ManifestText(state.editor.text, format: state.editor.language == .json ? .json : .yaml)
            if next.isCreate, next.draft.namespace.isEmpty { next.draft.namespace = wizard.draft.namespace }
            let count = markErrors(of: parsed, in: &state)
            screen = .wizard(next)
            state.wizard = next
            status = count == 0 ? nil : StatusMessage(text(.editorInvalid, String(count)), severity: .warning)
            return true
        }
    }

    private mutating func convert(_ state: inout EditorState) {
        switch state.parse() {
        case .failure(let problem):
            post(StatusMessage(describe(problem), severity: .error))
        case .success(let node):
            let target: EditorLanguage = state.editor.language == .yaml ? .json : .yaml
            state.editor.replaceText(target == .json ? JSONWriter.write(node) : YAMLWriter.write(node), language: target)
        }
    }

    func describe(_ problem: EditorProblem) -> String {
        switch problem {
        case .parse(let error): return text(.editorParseError, String(error.line), String(error.column), error.message(in: text.language))
        case .notOneObject(let count): return text(.editorNotOne, String(count))
        case .notAService(let kind): return text(.editorNotService, kind)
        }
    }

    /// The draft to save while in the editor: the form, its base, and the text as typed.
    func savedDraft(of state: EditorState) -> SavedDraft {
        SavedDraft(draft: state.wizard.draft, step: state.wizard.step,
                   baseYAML: YAMLWriter.write(state.wizard.base), editorText: state.editor.text)
    }

    /// The editor's own English notices in the user's language.
    static func editorMessage(_ message: String, _ text: UIText) -> String {
        switch message {
        case EditorMessage.tabRefusedInYAML: return text(.editorTabRefused)
        case EditorMessage.nothingToUndo: return text(.editorNothingToUndo)
        case EditorMessage.nothingToRedo: return text(.editorNothingToRedo)
        case EditorMessage.searchWrapped: return text(.editorSearchWrapped)
        default:
            if message.hasPrefix("not found: ") { return text(.editorNotFound, String(message.dropFirst(11))) }
            return message
        }
    }

    mutating func applyExternalEdit(_ edited: String?, exitStatus: Int32) {
        guard case .editor(var state) = screen else { return }
        if let edited {
            state.editor.replaceText(edited, language: state.editor.language)
            screen = .editor(state)
            status = nil
        } else {
            post(StatusMessage(text(.externalEditorFailed, String(exitStatus)), severity: .warning))
        }
    }
}
