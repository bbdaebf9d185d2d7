import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// A workspace service keeps its author's text through the editor, the form and the save:
/// the editor opens the document itself, form changes are patched into it, and the diff
/// shown before saving is the diff written.
struct EditorSourceTests {
    static let document = """
        # Storefront web UI, reachable from outside on every node at port 30080.
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          namespace: shop
          labels:
            app: frontend
        spec:
          type: NodePort   # the firewall only opens 30080
          selector:
            app: frontend
          ports:
          - name: http
            port: 80
            # fixed: the firewall rule names it
            nodePort: 30080

        """

    static func stored(_ text: String = document) throws -> StoredService {
        StoredService(manifest: try ManifestReader.objects(text)[0], version: "7", location: "x",
                      text: ManifestText(text, format: .yaml))
    }

    static func addLabel(_ state: inout AppState, key: String, value: String) throws {
        var wizard = try #require(EditorModeTests.wizardState(state))
        wizard.draft.labels.append(KeyValueRow(key: key, value: value))
        state.screen = .wizard(wizard)
    }

    @Test func theEditorOpensTheStoredDocumentWithItsComments() throws {
        var state = EditorModeTests.app(.wizard(WizardState.edit(try Self.stored(), step: .labels, usedNodePorts: [:])))
        state.settle(.key(.function(2)))
        let editor = try #require(EditorModeTests.editorState(state))
        #expect(editor.editor.text + "\n" == Self.document || editor.editor.text == Self.document)
    }

    @Test func commentsTypedInTheEditorSurviveTheFormAndComeBackWithItsChanges() throws {
        var state = EditorModeTests.app(.wizard(WizardState.edit(try Self.stored(), step: .labels, usedNodePorts: [:])))
        state.settle(.key(.function(2)))
        for character in "# mine" { state.settle(.key(.character(character))) }
        state.settle(.key(.enter))
        state.settle(.key(.function(2)))
        try Self.addLabel(&state, key: "tier", value: "web")
        state.settle(.key(.function(2)))
        let text = try #require(EditorModeTests.editorState(state)).editor.text
        #expect(text.hasPrefix("# mine\n# Storefront web UI"))
        #expect(text.contains("    app: frontend\n    tier: web\n"))
        #expect(text.contains("  type: NodePort   # the firewall only opens 30080\n"))
        #expect(text.contains("    # fixed: the firewall rule names it\n"))
    }

    @Test func onAClusterCommentsTypedInTheEditorLastForTheEdit() throws {
        let cluster = try EditorModeTests.stored(EditorModeTests.webYAML)
        var state = EditorModeTests.app(.wizard(WizardState.edit(cluster, step: .labels, usedNodePorts: [:])))
        state.settle(.key(.function(2)))
        for character in "# mine" { state.settle(.key(.character(character))) }
        state.settle(.key(.enter))
        state.settle(.key(.function(2)))
        try Self.addLabel(&state, key: "tier", value: "web")
        let wizard = try #require(EditorModeTests.wizardState(state))
        #expect(wizard.savePreview == nil, "a cluster stores objects: the manifest is sent")
        #expect(wizard.manifest.node(at: "metadata.resourceVersion")?.string == "42")
        state.settle(.key(.function(2)))
        let text = try #require(EditorModeTests.editorState(state)).editor.text
        #expect(text.hasPrefix("# mine\n"))
        #expect(text.contains("tier: web"))
        #expect(!text.contains("resourceVersion"))
    }

    @Test func theDiffShownBeforeSavingIsTheDiffWritten() async throws {
        let folder = NSTemporaryDirectory() + "svcwiz-source-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/frontend.yaml"
        try Data(Self.document.utf8).write(to: URL(fileURLWithPath: path))
        let backend = try WorkspaceBackend(root: folder)
        let stored = try await backend.service(ServiceID(namespace: "shop", name: "frontend"))

        var state = EditorModeTests.app(.wizard(WizardState.edit(stored, step: .labels, usedNodePorts: [:])))
        try Self.addLabel(&state, key: "tier", value: "web")
        state.settle(.key(.ctrl("s")))
        guard case .diff(let panel)? = state.overlay else {
            Issue.record("no diff shown: \(String(describing: state.overlay))")
            return
        }
        #expect(panel.lines.filter { if case .same = $0 { return false } else { return true } } == [.added("    tier: web")])
        let effects = state.update(.key(.ctrl("s")))
        guard case .updateText(let manifest, let text, let version)? = effects.first else {
            Issue.record("no text save: \(effects)")
            return
        }
        _ = try await backend.update(manifest, writing: text, expecting: version)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        #expect(LineDiff.unified(from: Self.document, to: written) == panel.lines)
        #expect(written == Self.document.replacingOccurrences(of: "  labels:\n    app: frontend\n", with: "  labels:\n    app: frontend\n    tier: web\n"))
    }

    @Test func aNodeWrittenAnewIsNamedAboveTheDiff() throws {
        let anchored = Self.document.replacingOccurrences(of: "  selector:\n    app: frontend\n", with: "  selector: &sel\n    app: frontend\n")
            + "  x-copy: *sel\n"
        var state = EditorModeTests.app(.wizard(WizardState.edit(try Self.stored(anchored), step: .serviceSettings, usedNodePorts: [:])))
        var wizard = try #require(EditorModeTests.wizardState(state))
        wizard.draft.selector = [KeyValueRow(key: "app", value: "shop")]
        state.screen = .wizard(wizard)
        state.settle(.key(.ctrl("s")))
        guard case .diff(let panel)? = state.overlay else {
            Issue.record("no diff before save")
            return
        }
        let note = try #require(panel.note)
        #expect(note.hasPrefix("Written anew"))
    }
}
