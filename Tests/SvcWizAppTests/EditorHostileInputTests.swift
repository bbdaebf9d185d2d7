import Foundation
import Testing
import ServiceModel
import TerminalUI
@testable import SvcWizApp

/// A hostile text pasted into the editor pane is refused by the same bounds as a file:
/// the editor stays open with the text as pasted, the refusal marked at its line.
struct EditorHostileInputTests {
    static let bomb: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        url = url.deletingLastPathComponent().appendingPathComponent("Fixtures/hostile/alias-bomb.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test(arguments: [Language.en, .zh])
    func aPastedAliasBombIsRefusedAndTheTextKept(_ language: Language) throws {
        #expect(!Self.bomb.isEmpty)
        let wizard = WizardState.edit(try EditorModeTests.stored(EditorModeTests.webYAML), step: .basicInfo, usedNodePorts: [:])
        var state = EditorModeTests.app(.wizard(wizard))
        state.text = UIText(language)
        state.settle(.key(.ctrl("e")))
        var editor = try #require(EditorModeTests.editorState(state))
        editor.editor.replaceText("", language: .yaml)
        state.screen = .editor(editor)
        state.settle(.key(.paste(Self.bomb)))
        state.settle(.key(.escape))
        let after = try #require(EditorModeTests.editorState(state), "still in the editor")
        #expect(after.editor.text == Self.bomb)
        #expect(after.editor.markers.keys.contains(11))
        #expect(state.status?.severity == .error)
        let refused = language == .en ? "refused: alias *c makes the document expand too much" : "已拒绝：别名 *c 使文档过度展开"
        #expect(state.status?.text.contains(refused) == true, "\(state.status?.text ?? "")")
        #expect(after.wizard.draft == wizard.draft)
    }

    /// The app in the editor of a stored service, the pane holding `text`.
    static func editing(_ text: String) throws -> AppState {
        let wizard = WizardState.edit(try EditorModeTests.stored(EditorModeTests.webYAML), step: .basicInfo, usedNodePorts: [:])
        var state = EditorModeTests.app(.wizard(wizard))
        state.settle(.key(.ctrl("e")))
        var editor = try #require(EditorModeTests.editorState(state))
        editor.editor.replaceText(text, language: .yaml)
        state.screen = .editor(editor)
        return state
    }

    /// The app as it runs: the bomb's check goes to the `EffectRunner`, keys keep being
    /// answered while it runs, and the refusal appears with its line when it comes back.
    @MainActor
    @Test func keysAreAnsweredWhileAPastedBombIsCheckedAndTheRefusalNamesItsLine() async throws {
        let fixture = try EffectRunnerTests.Fixture()
        var state = try Self.editing("")
        _ = state.update(.key(.paste(Self.bomb)))
        let effects = state.update(.key(.escape))
        guard effects.count == 1, case .checkEditorText(let check) = effects[0] else {
            Issue.record("Esc asks for a check, not a parse in update: \(effects)")
            return
        }
        #expect(check.purpose == .leave && check.text == Self.bomb)
        let task = try #require(fixture.runner.run(effects[0]), "the check runs as a task")
        #expect(ShopScreens.render(state).text.contains("checking the text…"))
        _ = state.update(.key(.alt("<")))
        _ = state.update(.key(.down))
        _ = state.update(.key(.down))
        let moved = try #require(EditorModeTests.editorState(state))
        #expect(moved.editor.cursorLineNumber == 3, "keys are answered while the check runs")
        #expect(moved.isChecking)
        await task.value
        let outcomes = fixture.log.events.compactMap { event -> EditorCheckOutcome? in
            if case .editorChecked(let outcome) = event { return outcome }
            return nil
        }
        let outcome = try #require(outcomes.first)
        _ = state.update(.editorChecked(outcome))
        let after = try #require(EditorModeTests.editorState(state), "still in the editor")
        #expect(!after.isChecking)
        #expect(after.editor.text == Self.bomb)
        #expect(after.editor.markers.keys.contains(11))
        #expect(after.editor.cursorLineNumber == 11, "the cursor is put on the alias")
        #expect(state.status?.severity == .error)
        #expect(state.status?.text.hasPrefix("line 11,") == true, "\(state.status?.text ?? "")")
        #expect(ShopScreens.render(state).text.contains("refused: alias *c makes the document expand too much"))
    }

    /// A refusal that comes back after the text changed is not shown: it was about
    /// another text.
    @MainActor
    @Test func aRefusalForTextSinceEditedIsNotShown() async throws {
        let fixture = try EffectRunnerTests.Fixture()
        var state = try Self.editing(Self.bomb)
        let effects = state.update(.key(.ctrl("s")))
        let events = await fixture.run(try #require(effects.first))
        _ = state.update(.key(.ctrl("u")))
        #expect(ShopScreens.render(state).text.contains("checking the text…") == false)
        for event in events { _ = state.update(event) }
        let after = try #require(EditorModeTests.editorState(state))
        #expect(after.editor.markers.isEmpty)
        #expect(state.status == nil, "\(String(describing: state.status))")
    }
}
