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
        _ = state.update(.key(.ctrl("e")))
        var editor = try #require(EditorModeTests.editorState(state))
        editor.editor.replaceText("", language: .yaml)
        state.screen = .editor(editor)
        _ = state.update(.key(.paste(Self.bomb)))
        _ = state.update(.key(.escape))
        let after = try #require(EditorModeTests.editorState(state), "still in the editor")
        #expect(after.editor.text == Self.bomb)
        #expect(after.editor.markers.keys.contains(11))
        #expect(state.status?.severity == .error)
        let refused = language == .en ? "refused: alias *c makes the document expand too much" : "已拒绝：别名 *c 使文档过度展开"
        #expect(state.status?.text.contains(refused) == true, "\(state.status?.text ?? "")")
        #expect(after.wizard.draft == wizard.draft)
    }
}
