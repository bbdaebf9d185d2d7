import ServiceModel
import ServiceStore
import TerminalUI

/// Edit mode: the wizard's service as YAML or JSON text. The wizard it came from waits
/// underneath, so leaving returns to the same step with nothing lost.
///
/// The text is read (parsed and validated) by an `EditorCheck` effect, never here: keys
/// are answered while it runs, and its outcome is applied only to the text it read.
package struct EditorScreen: Sendable {
    package var wizard: WizardState
    package var editor: TextEditor
    /// A YAML -> JSON switch waits for a yes: comments do not survive it.
    package var confirmingJSON = false
    /// The check in flight, whose outcome completes what the user asked for.
    package private(set) var pending: EditorCheck?

    package init(wizard: WizardState, text: String? = nil, language: EditorLanguage = .yaml) {
        self.wizard = wizard
        let shown = text ?? Self.text(of: wizard.manifest, language: language)
        editor = TextEditor(text: shown, language: language)
    }

    /// The manifest as the editor shows it: every field but the server-owned ones.
    static func text(of manifest: ManifestNode, language: EditorLanguage) -> String {
        let visible = ServerFields.stripped(manifest)
        return language == .yaml ? YAMLWriter.write(visible) : JSONWriter.write(visible)
    }

    /// True while a check of the text on screen runs. An edit since it was asked for makes
    /// it stale: its outcome will be dropped, so the screen no longer says it is checking.
    package var isChecking: Bool {
        guard let pending else { return false }
        return pending.generation == editor.buffer.revision && pending.language == editor.language
    }

    /// A check of the text as it is now, for `purpose`; it replaces any check in flight.
    mutating func check(_ purpose: EditorCheck.Purpose, rules: RuleSet) -> EditorCheck {
        let check = EditorCheck(generation: editor.buffer.revision, purpose: purpose, text: editor.text,
                                language: editor.language, base: wizard.base, previous: wizard.stored?.manifest, rules: rules)
        pending = check
        return check
    }

    // MARK: Keys

    /// A key: editing keys go to the text pane, the rest are the screen's (`KeyMap.editor`).
    mutating func handle(_ key: Key, rules: RuleSet) -> [EditorScreenCommand] {
        if confirmingJSON {
            confirmingJSON = false
            guard Confirm.answer(to: key) == true else { return [.clearStatus] }
            return [.clearStatus, .check(check(.convert, rules: rules))]
        }
        switch editor.handle(key) {
        case .consumed:
            return [.clearInformation] + (wizard.isCreate ? [.saveDraft(savedDraft)] : [])
        case .notice(let notice):
            return [.show(.notice(notice), .warning)]
        case .notConsumed:
            break
        }
        switch KeyMap.action(for: key, in: KeyMap.editor(create: wizard.isCreate, language: editor.language), global: []) {
        case .toForm?:
            return [.clearStatus, .check(check(.leave, rules: rules))]
        case .convert?:
            guard !hasComments else {
                confirmingJSON = true
                return [.show(.commentsLost, .warning)]
            }
            return [.clearStatus, .check(check(.convert, rules: rules))]
        case .save?:
            // Saving from the text is saving from the form it becomes: same checks, same diff.
            return [.clearStatus, .check(check(.save, rules: rules))]
        case .externalEditor?:
            return [.externalEditor(text: editor.text, fileExtension: editor.language == .json ? "json" : "yaml")]
        default:
            return []
        }
    }

    /// The text came back from `$EDITOR`: it replaces the pane's, undoably.
    mutating func replaceText(_ text: String) {
        editor.replaceText(text, language: editor.language)
    }

    // MARK: Checks

    /// Completes what the check was asked for, if it is the one in flight and the text is
    /// still the one it read; an outcome for older text is dropped, never shown.
    mutating func apply(_ outcome: EditorCheckOutcome, language: Language) -> [EditorScreenCommand] {
        guard isChecking, outcome.check == pending else { return [] }
        pending = nil
        switch (outcome.parsed, outcome.check.purpose) {
        case (.failure, .mark):
            return []
        case (.failure(let problem), .convert):
            return [.show(.problem(problem), .error)]
        case (.failure(let problem), .leave), (.failure(let problem), .save):
            // Stays here with the cursor on the error; the form is never emptied or half-filled.
            if case .parse(let error) = problem {
                editor.setMarkers([error.line: EditorMessage.problem(problem).text(UIText(language))])
                editor.moveCursor(to: ScalarLocation(lineNumber: error.line, scalarColumn: error.column))
            }
            return [.show(.problem(problem), .error)]
        case (.success, .mark):
            mark(outcome, language: language)
            return []
        case (.success(let node), .convert):
            let target: EditorLanguage = editor.language == .yaml ? .json : .yaml
            editor.replaceText(target == .json ? JSONWriter.write(node) : YAMLWriter.write(node), language: target)
            return []
        case (.success(let node), .leave):
            mark(outcome, language: language)
            return [.toForm(formed(from: node), invalid: outcome.errorCount)]
        case (.success(let node), .save):
            mark(outcome, language: language)
            // Invalid text stays here, its errors marked at their lines.
            guard outcome.errorCount == 0 else { return [.show(.invalid(outcome.errorCount), .error)] }
            return [.save(formed(from: node))]
        }
    }

    /// Marks each finding at its line: errors first, then warnings where no error is.
    private mutating func mark(_ outcome: EditorCheckOutcome, language: Language) {
        var markers: [Int: String] = [:]
        for found in outcome.findings {
            let message: String
            switch found.finding {
            case .error(let error): message = error.message(in: language)
            case .warning(let warning): message = FieldWarning.label + ": " + warning.message(in: language)
            }
            markers[found.line] = markers[found.line] ?? message
        }
        editor.setMarkers(markers)
    }

    /// The form the parsed text becomes, with the text kept as the document to write.
    private func formed(from node: ManifestNode) -> WizardState {
        let manifest = ServerFields.restored(node, from: wizard.base)
        var next = wizard.reloaded(mode: wizard.mode, manifest: manifest, base: manifest)
        next.source = ManifestText(editor.text, format: editor.language == .json ? .json : .yaml)
        if next.isCreate, next.draft.namespace.isEmpty { next.draft.namespace = wizard.draft.namespace }
        return next
    }

    // MARK: Reading

    /// The draft to save while in the editor: the form, its base, and the text as typed.
    var savedDraft: SavedDraft {
        SavedDraft(draft: wizard.draft, step: wizard.step, baseYAML: YAMLWriter.write(wizard.base), editorText: editor.text)
    }

    /// True when the YAML has comments a switch to JSON would drop.
    var hasComments: Bool {
        guard editor.language == .yaml else { return false }
        return editor.buffer.lines.indices.contains { index in
            SyntaxHighlighter.tokens(forLine: editor.buffer.lines[index], language: .yaml).contains { $0.style == .syntaxComment }
        }
    }
}
