import ServiceModel
import TerminalUI

/// Edit mode: the wizard's service as YAML or JSON text. The wizard it came from waits
/// underneath, so leaving returns to the same step with nothing lost.
package struct EditorState: Sendable {
    package var wizard: WizardState
    package var editor: TextEditor
    /// A YAML -> JSON switch waits for a yes: comments do not survive it.
    package var confirmingJSON = false

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

    /// The text as a manifest, or the parse error with its line and column.
    func parse() -> Result<ManifestNode, EditorProblem> {
        let format: ManifestFormat = editor.language == .json ? .json : .yaml
        let file: ManifestFile
        do {
            file = try ManifestReader.parse(editor.text, format: format)
        } catch {
            return .failure(.parse(error))
        }
        let roots = file.documents.compactMap(\.root)
        guard roots.count == 1, let root = roots.first, root.isMapping else { return .failure(.notOneObject(roots.count)) }
        if let kind = root["kind"]?.string, kind != "Service" { return .failure(.notAService(kind)) }
        return .success(root)
    }

    /// True when the YAML has comments a switch to JSON would drop.
    var hasComments: Bool {
        guard editor.language == .yaml else { return false }
        return editor.buffer.lines.indices.contains { index in
            SyntaxHighlighter.tokens(forLine: editor.buffer.lines[index], language: .yaml).contains { $0.style == .syntaxComment }
        }
    }
}

/// Why the editor's text cannot go back to the form.
enum EditorProblem: Error {
    case parse(ManifestParseError)
    case notOneObject(Int)
    case notAService(String)
}
