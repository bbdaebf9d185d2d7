import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// F2 / Ctrl-E in a form: the same service as text, at the same step. The text is
    /// checked as it opens; its errors are marked when the check comes back.
    mutating func openEditor(from wizard: WizardState, text: String? = nil) -> [AppEffect] {
        let source = text == nil ? wizard.editorSource : nil
        var editor = EditorScreen(wizard: wizard, text: text ?? source?.text.replacingOccurrences(of: "\r\n", with: "\n"),
                                  language: source?.format == .json ? .json : .yaml)
        status = nil
        let check = editor.check(.mark, rules: wizardRules)
        screen = .editor(editor)
        return [.checkEditorText(check)]
    }

    mutating func handleEditorKey(_ key: Key, _ editor: inout EditorScreen) -> [AppEffect] {
        let commands = editor.handle(key, rules: wizardRules)
        screen = .editor(editor)
        return applyEditor(commands)
    }

    /// A check came back: the editor applies it if it still describes the text on screen.
    mutating func applyEditorCheck(_ outcome: EditorCheckOutcome) -> [AppEffect] {
        guard case .editor(var editor) = screen else { return [] }
        let commands = editor.apply(outcome, language: text.language)
        screen = .editor(editor)
        return applyEditor(commands)
    }

    private mutating func applyEditor(_ commands: [EditorScreenCommand]) -> [AppEffect] {
        var effects: [AppEffect] = []
        for command in commands {
            switch command {
            case .check(let check): effects.append(.checkEditorText(check))
            case .saveDraft(let saved): effects.append(.saveDraft(saved))
            case let .show(message, severity): post(StatusMessage(message.text(text), severity: severity))
            case .clearStatus: status = nil
            case .clearInformation: if status?.severity == .info { status = nil }
            case let .toForm(wizard, invalid):
                screen = .wizard(wizard)
                status = invalid == 0 ? nil : StatusMessage(text(.editorInvalid, String(invalid)), severity: .warning)
            case .save(var wizard):
                screen = .wizard(wizard)
                status = nil
                effects += perform(wizard.perform(.save), &wizard)
            case let .externalEditor(text, fileExtension):
                effects.append(.externalEditor(text: text, fileExtension: fileExtension))
            }
        }
        return effects
    }

    mutating func applyExternalEdit(_ edited: String?, exitStatus: Int32) {
        guard case .editor(var editor) = screen else { return }
        if let edited {
            editor.replaceText(edited)
            screen = .editor(editor)
            status = nil
        } else {
            post(StatusMessage(text(.externalEditorFailed, String(exitStatus)), severity: .warning))
        }
    }
}
