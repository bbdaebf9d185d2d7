import ServiceModel
import TerminalUI

/// One reading of the editor's text: parse it (bounded by `InputLimits`, as every file is)
/// and validate what it says. It runs as an effect, off the UI thread, so a hostile paste
/// costs the screen nothing; its outcome is applied only while it still describes the text
/// on screen (`EditorScreen.apply`).
package struct EditorCheck: Sendable, Hashable {
    /// What the user asked for, which the outcome completes.
    package enum Purpose: Sendable, Hashable {
        /// Opening the editor: mark the errors.
        case mark
        /// F2 / Esc: back to the form.
        case leave
        /// Ctrl-S: save, when the text is a valid service.
        case save
        /// F3: the other format.
        case convert
    }

    /// The text's revision when the check was asked for (`TextBuffer.revision`).
    package var generation: Int
    package var purpose: Purpose
    package var text: String
    package var language: EditorLanguage
    /// The form's manifest underneath: the server-owned fields the text does not show.
    package var base: ManifestNode
    /// The stored service an edit changes (nil when creating).
    package var previous: ManifestNode?
    package var rules: RuleSet

    package init(generation: Int, purpose: Purpose, text: String, language: EditorLanguage,
                 base: ManifestNode, previous: ManifestNode?, rules: RuleSet) {
        self.generation = generation
        self.purpose = purpose
        self.text = text
        self.language = language
        self.base = base
        self.previous = previous
        self.rules = rules
    }

    /// Parses and validates. Pure: the same check gives the same outcome on any thread.
    package func run() -> EditorCheckOutcome {
        let parsed = Self.parse(text, language: language)
        guard case .success(let node) = parsed else { return EditorCheckOutcome(check: self, parsed: parsed) }
        let manifest = ServerFields.restored(node, from: base)
        let errors = ServiceValidator.validate(manifest, previous: previous, rules: rules).map {
            EditorCheckOutcome.Finding(line: node.position(of: $0.location)?.line ?? 1, finding: .error($0))
        }
        let warnings = ServiceValidator.warnings(manifest, previous: previous, rules: rules).map {
            EditorCheckOutcome.Finding(line: node.position(of: $0.path)?.line ?? 1, finding: .warning($0))
        }
        return EditorCheckOutcome(check: self, parsed: parsed, findings: errors + warnings)
    }

    /// The text as one Service manifest, or why it is not one.
    static func parse(_ text: String, language: EditorLanguage) -> Result<ManifestNode, EditorProblem> {
        let file: ManifestFile
        do {
            file = try ManifestReader.parse(text, format: language == .json ? .json : .yaml)
        } catch {
            return .failure(.parse(error))
        }
        let roots = file.documents.compactMap(\.root)
        guard roots.count == 1, let root = roots.first, root.isMapping else { return .failure(.notOneObject(roots.count)) }
        if let kind = root["kind"]?.string, kind != "Service" { return .failure(.notAService(kind)) }
        return .success(root)
    }
}

/// What a check found: the manifest or why there is none, and the field errors and
/// warnings at their lines (errors first).
package struct EditorCheckOutcome: Sendable, Hashable {
    package struct Finding: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            case error(FieldError)
            case warning(FieldWarning)
        }
        package var line: Int
        package var finding: Kind
    }

    package var check: EditorCheck
    package var parsed: Result<ManifestNode, EditorProblem>
    package var findings: [Finding] = []

    /// How many field errors: a save goes ahead only without any.
    var errorCount: Int {
        findings.count { if case .error = $0.finding { true } else { false } }
    }
}

/// Why the editor's text cannot go back to the form.
package enum EditorProblem: Error, Sendable, Hashable {
    case parse(ManifestParseError)
    case notOneObject(Int)
    case notAService(String)
}
