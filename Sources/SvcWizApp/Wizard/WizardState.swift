import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

/// The create wizard, or an edit of one step of a stored service, over one ServiceDraft.
public struct WizardState: Sendable {
    public enum Mode: Sendable {
        case create
        /// Editing one step of a stored service; the type is locked.
        case edit(StoredService, step: WizardStep)
    }

    /// After step 4 (or the edited step) comes a page that shows what will be written.
    public enum Page: Sendable, Hashable {
        case step(WizardStep)
        case review
    }

    public var mode: Mode
    public var draft: ServiceDraft
    /// The manifest the draft applies to: a new skeleton, or the stored service.
    public let base: ManifestNode
    public var page: Page
    public var focus: WizardField
    /// The text field being edited, mirroring the focused field's text.
    public var editor = TextField()
    /// Every error of the draft as it is now, from the shared validation.
    public var errors: [FieldError] = []
    /// Fields the user has left at least once, and steps Next or Create was tried on:
    /// errors show there (not while the user is still typing a field for the first time).
    public var touched: Set<WizardField> = []
    public var revealed: Set<WizardStep> = []
    /// A service of the draft's name that exists already (checked against the backend).
    public var nameTaken: String?
    /// Node ports other services use, and by whom: a NodePort that clashes is refused early.
    public var usedNodePorts: [Int: String]
    /// The namespace's workloads, for the picker and the "matches" line.
    public var workloads: [Workload]?
    /// A line about what just happened ("selector replaced by Deployment frontend").
    public var notice: String?
    /// Errors a failed create or save placed on fields; cleared by the next change.
    public var serverErrors: [FieldError] = []
    /// The rules of the target release (`useRules`), and the warnings they give the draft.
    public internal(set) var rules: RuleSet = .wizard
    public internal(set) var warnings: [FieldWarning] = []
    /// A manifest the server's dry run accepted although svcwiz's check refuses it: creating
    /// exactly this is allowed, the server having the last word.
    public var serverAccepted: ManifestNode?
    /// How far the review page or preview is scrolled.
    public var reviewScroll = 0
    /// The service as text, as its author wrote it: the stored document (workspace) or the
    /// editor's last text. The editor opens it with the form's changes placed in it, and a
    /// workspace save writes it (`savePreview`), so comments survive form and editor.
    public var source: ManifestText?
    /// What the diff before saving says beyond the lines: nodes written anew.
    public var saveNote: String?

    public init(mode: Mode, draft: ServiceDraft, base: ManifestNode, page: Page, usedNodePorts: [Int: String]) {
        self.mode = mode
        self.draft = draft
        self.base = base
        self.page = page
        self.usedNodePorts = usedNodePorts
        self.focus = .name
        if case .step(let step) = page { focus = fields(of: step).first ?? .name }
        editor = TextField(text(of: focus))
        revalidate()
    }

    /// A new service in `namespace`.
    public static func create(namespace: String, usedNodePorts: [Int: String]) -> WizardState {
        WizardState(mode: .create, draft: .empty(namespace: namespace), base: ServiceDraft.newManifest,
                    page: .step(.basicInfo), usedNodePorts: usedNodePorts)
    }

    /// A saved draft, resumed where it was left.
    public static func resume(_ saved: SavedDraft, usedNodePorts: [Int: String]) -> WizardState {
        let base = saved.baseYAML.flatMap { try? ManifestReader.objects($0).first } ?? ServiceDraft.newManifest
        return WizardState(mode: .create, draft: saved.draft, base: base, page: .step(saved.step), usedNodePorts: usedNodePorts)
    }

    /// A Service read from a file: the form opens on it at step 1, and every field the form
    /// does not show is kept (the server-owned ones are dropped: this is a new object).
    public static func imported(_ manifest: ManifestNode, namespace: String, usedNodePorts: [Int: String]) -> WizardState {
        var base = ServerFields.stripped(manifest)
        if base["kind"] == nil { base["kind"] = .string("Service") }
        if base["apiVersion"] == nil { base["apiVersion"] = .string("v1") }
        var draft = ServiceDraft(manifest: base)
        if draft.namespace.isEmpty { draft.namespace = namespace }
        return WizardState(mode: .create, draft: draft, base: base, page: .step(.basicInfo), usedNodePorts: usedNodePorts)
    }

    /// One step of a stored service; the server-owned fields stay in `base` for the update.
    public static func edit(_ stored: StoredService, step: WizardStep, usedNodePorts: [Int: String]) -> WizardState {
        var state = WizardState(mode: .edit(stored, step: step), draft: ServiceDraft(manifest: stored.manifest),
                                base: stored.manifest, page: .step(step), usedNodePorts: usedNodePorts)
        state.source = stored.text
        return state
    }

    public var isCreate: Bool {
        if case .create = mode { return true }
        return false
    }

    /// The step on screen (the review page belongs to the last step).
    public var step: WizardStep {
        switch page {
        case .step(let step): return step
        case .review: return steps.last ?? .externalAccess
        }
    }

    /// The steps this wizard walks through: all four for a create, one for an edit.
    public var steps: [WizardStep] {
        switch mode {
        case .create: return WizardStep.allCases
        case .edit(_, let step): return [step]
        }
    }

    /// What will be written.
    public var manifest: ManifestNode { draft.apply(to: base) }

    /// The stored manifest an edit started from.
    public var stored: StoredService? {
        if case .edit(let stored, _) = mode { return stored }
        return nil
    }
}
