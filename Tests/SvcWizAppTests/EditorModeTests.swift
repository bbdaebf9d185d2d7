import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

struct EditorModeTests {
    static func app(_ screen: Screen) -> AppState {
        var state = AppState(text: UIText(.en), backend: BackendInfo(kind: .workspace, location: "/w"), readOnly: false,
                             size: TerminalSize(columns: 100, rows: 30), scope: .named("shop"), exportFolder: ".")
        state.screen = screen
        return state
    }

    static func stored(_ yaml: String) throws -> StoredService {
        StoredService(manifest: try ManifestReader.objects(yaml)[0], version: "7", location: "x")
    }

    static let webYAML = """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
      namespace: shop
      resourceVersion: "42"
      uid: 5c8b1f2e-1234
      labels: {app: web}
    spec:
      selector: {app: web}
      ports:
      - name: http
        port: 80
      futureField: kept
    status:
      loadBalancer: {}
    """

    static func editorState(_ state: AppState) -> EditorScreen? {
        if case .editor(let editor) = state.screen { return editor }
        return nil
    }

    static func wizardState(_ state: AppState) -> WizardState? {
        if case .wizard(let wizard) = state.screen { return wizard }
        return nil
    }

    @Test func f2OpensTheWholeManifestWithoutServerFieldsAndReturnsToTheSameStep() throws {
        let wizard = WizardState.edit(try Self.stored(Self.webYAML), step: .labels, usedNodePorts: [:])
        var state = Self.app(.wizard(wizard))
        state.settle(.key(.function(2)))
        let editor = try #require(Self.editorState(state))
        #expect(editor.editor.text.contains("futureField: kept"))
        #expect(!editor.editor.text.contains("resourceVersion"))
        #expect(!editor.editor.text.contains("status:"))
        state.settle(.key(.function(2)))
        let back = try #require(Self.wizardState(state))
        #expect(back.step == .labels)
        #expect(back.manifest.node(at: "metadata.resourceVersion")?.string == "42", "hidden fields are kept for the update")
        #expect(back.manifest.node(at: "spec.futureField")?.string == "kept")
    }

    @Test func aParseErrorKeepsTheEditorOpenAtTheErrorAndTheDraftUnchanged() throws {
        let wizard = WizardState.edit(try Self.stored(Self.webYAML), step: .basicInfo, usedNodePorts: [:])
        var state = Self.app(.wizard(wizard))
        state.settle(.key(.ctrl("e")))
        state.settle(.key(.down))
        state.settle(.key(.down))
        state.settle(.key(.down))
        state.settle(.key(.end))
        for character in ": [" { state.settle(.key(.character(character))) }
        state.settle(.key(.escape))
        let editor = try #require(Self.editorState(state), "still in the editor")
        #expect(editor.editor.markers.keys.contains(editor.editor.cursorLineNumber))
        #expect(state.status?.severity == .error)
        #expect(state.status?.text.hasPrefix("line ") == true)
        #expect(editor.wizard.draft == wizard.draft, "the form is never emptied or half-filled")
    }

    @Test func validationErrorsAreMarkedAtTheirLines() throws {
        let wizard = WizardState.edit(try Self.stored(Self.webYAML), step: .basicInfo, usedNodePorts: [:])
        var state = Self.app(.wizard(wizard))
        state.settle(.key(.function(2)))
        var editor = try #require(Self.editorState(state))
        let text = editor.editor.text.replacingOccurrences(of: "port: 80", with: "port: 80000")
        editor.editor.replaceText(text, language: .yaml)
        state.screen = .editor(editor)
        state.settle(.key(.ctrl("s")))
        let after = try #require(Self.editorState(state))
        let portLine = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("port: 80000") })
        #expect(after.editor.markers[portLine + 1] != nil, "\(after.editor.markers) \(String(describing: state.status))")
    }

    @Test func convertingYAMLWithCommentsAsksFirst() throws {
        var wizard = WizardState.create(namespace: "shop", usedNodePorts: [:])
        wizard.draft.name = "web"
        var state = Self.app(.wizard(wizard))
        state.settle(effects: state.openEditor(from: wizard, text: "# my note\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n"))
        state.settle(.key(.function(3)))
        #expect(Self.editorState(state)?.editor.language == .yaml)
        #expect(state.status?.text.contains("Comments are lost") == true)
        state.settle(.key(.character("y")))
        let editor = try #require(Self.editorState(state))
        #expect(editor.editor.language == .json)
        #expect(editor.editor.text.hasPrefix("{"))
        state.settle(.key(.ctrl("t")))
        #expect(Self.editorState(state)?.editor.language == .yaml)
    }

    @Test func aTabInYAMLIsRefusedWithAMessage() throws {
        let wizard = WizardState.edit(try Self.stored(Self.webYAML), step: .basicInfo, usedNodePorts: [:])
        var state = Self.app(.wizard(wizard))
        state.settle(.key(.function(2)))
        let before = Self.editorState(state)?.editor.text
        state.settle(.key(.tab))
        #expect(state.status?.text == "tabs are not allowed in YAML: indent with spaces")
        #expect(Self.editorState(state)?.editor.text == before)
    }

    @Test func everyCorpusServiceSurvivesFormEditorForm() throws {
        var count = 0
        for url in CorpusFiles.all {
            let file = try ManifestReader.parse(bytes: Array(try Data(contentsOf: url)), path: url.lastPathComponent)
            for object in file.objects where object.isService {
                var node = object.node
                if node["kind"] == nil { node["kind"] = .string("Service") }
                let stored = StoredService(manifest: node, version: "1", location: url.path)
                for language in [EditorLanguage.yaml, .json] {
                    let wizard = WizardState.edit(stored, step: .serviceSettings, usedNodePorts: [:])
                    var state = Self.app(.wizard(wizard))
                    let shown = EditorScreen.text(of: wizard.manifest, language: language)
                    state.settle(effects: state.openEditor(from: wizard, text: shown))
                    if var editor = Self.editorState(state) {
                        editor.editor.replaceText(shown, language: language)
                        state.screen = .editor(editor)
                    }
                    state.settle(.key(.function(2)))
                    let back = try #require(Self.wizardState(state), "\(url.lastPathComponent)")
                    #expect(back.manifest.sameData(as: node), "\(url.lastPathComponent) via \(language)")
                    let exported = try ManifestReader.objects(YAMLWriter.write(ServerFields.stripped(back.manifest)))[0]
                    #expect(exported.sameData(as: ServerFields.stripped(node)), "\(url.lastPathComponent) exported")
                }
                count += 1
            }
        }
        #expect(count >= 90)
    }

    @Test func importingAFileWithSeveralServicesLetsTheUserChoose() throws {
        var state = Self.app(.list)
        let services = try ManifestReader.objects("kind: Service\nmetadata: {name: a}\n---\nkind: Service\nmetadata: {name: b}\nspec:\n  ports: [{port: 80}]\n  futureField: 1\n")
        _ = state.update(.imported(path: "two.yaml", .success(services)))
        guard case .importChooser = state.overlay else {
            Issue.record("no chooser")
            return
        }
        state.settle(.key(.down))
        let effects = state.update(.key(.enter))
        let wizard = try #require(Self.wizardState(state))
        #expect(wizard.draft.name == "b")
        #expect(wizard.step == .basicInfo)
        #expect(wizard.manifest.node(at: "spec.futureField")?.int == 1, "the rest of the object is kept")
        #expect(wizard.draft.namespace == "shop")
        #expect(effects.contains { if case .saveDraft = $0 { return true } else { return false } })
    }

    @Test func aFileWithoutAServiceSaysSo() {
        var state = Self.app(.list)
        _ = state.update(.imported(path: "deploy.yaml", .success([])))
        #expect(state.status?.text == "deploy.yaml: no Service in this file")
    }

    @Test func importErrorsNameTheFileLineAndColumn() {
        var state = Self.app(.list)
        let error = ManifestParseError(file: "bad.yaml", line: 3, column: 7, message: "mapping values are not allowed here")
        _ = state.update(.imported(path: "bad.yaml", .failure(.parse(error))))
        #expect(state.status?.text == "bad.yaml:3:7: mapping values are not allowed here")
    }

    @Test(arguments: [("out", "out/web.shop.service.yaml", ManifestFormat.yaml), ("x/web.json", "x/web.json", .json),
                      ("a.yml", "a.yml", .yaml), ("", "web.shop.service.yaml", .yaml)])
    func exportTargets(input: String, suffix: String, format: ManifestFormat) {
        let (path, chosen) = ServiceFiles.exportTarget(input, for: ServiceID(namespace: "shop", name: "web"))
        #expect(path.hasSuffix(suffix))
        #expect(chosen == format)
    }

    @Test func exportAsksBeforeOverwriting() {
        var state = Self.app(.list)
        _ = state.update(.exportExists(path: "/tmp/web.shop.service.yaml", ServiceID(namespace: "shop", name: "web")))
        #expect(ShopScreens.render(state).text.contains("/tmp/web.shop.service.yaml exists. Overwrite it?"))
        #expect(state.update(.key(.character("y"))) == [.export(ServiceID(namespace: "shop", name: "web"), target: "/tmp/web.shop.service.yaml", overwrite: true)])
    }

    @Test func tabCompletesTheImportPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["web.yaml", "web-2.json", "notes.txt"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        let one = PathCompletion.complete(folder.path + "/no")
        #expect(one.candidates.isEmpty && one.completed == folder.path + "/no", "a .txt file is not offered")
        let two = PathCompletion.complete(folder.path + "/w")
        #expect(two.completed == folder.path + "/web")
        #expect(two.candidates == ["web-2.json", "web.yaml"])
    }
}

/// The public corpus beside the project (read-only).
enum CorpusFiles {
    static var all: [URL] {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/realworld")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") || $0.hasSuffix(".json") }.sorted()
            .map { corpus.appendingPathComponent($0) }
    }
}
