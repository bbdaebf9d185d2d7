#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

/// The create wizard, or an edit of one step of a stored service, over one ServiceDraft.
package struct WizardState: Sendable {
    package enum Mode: Sendable {
        case create
        /// Editing one step of a stored service; the type is locked.
        case edit(StoredService, step: WizardStep)
    }

    /// After step 4 (or the edited step) comes a page that shows what will be written,
    /// scrolled.
    package enum Page: Sendable, Hashable {
        case step(WizardStep)
        case review(scroll: Int)
    }

    package var mode: Mode
    package var draft: ServiceDraft
    /// The manifest the draft applies to: a new skeleton, or the stored service.
    package let base: ManifestNode
    package var page: Page
    package var focus: WizardField
    /// The text field being edited, mirroring the focused field's text.
    package var editor = TextField()
    /// Every error of the draft as it is now, from the shared validation.
    package var errors: [FieldError] = []
    /// The warnings the target release's rules give the draft.
    package internal(set) var warnings: [FieldWarning] = []
    /// Fields the user has left at least once, and steps Next or Create was tried on:
    /// errors show there (not while the user is still typing a field for the first time).
    package var touched: Set<WizardField> = []
    package var revealed: Set<WizardStep> = []
    /// What the wizard learnt from the backend; it survives a trip through the editor and a
    /// reload after a conflict (all but the errors of the last failed write).
    package var known: WizardContext
    /// A line about what just happened ("selector replaced by Deployment frontend").
    package var notice: String?
    /// The service as text, as its author wrote it: the stored document (workspace) or the
    /// editor's last text. The editor opens it with the form's changes placed in it, and a
    /// workspace save writes it (`savePreview`), so comments survive form and editor.
    package var source: ManifestText?

    package init(mode: Mode, draft: ServiceDraft, base: ManifestNode, page: Page, usedNodePorts: [Int: String]) {
        self.mode = mode
        self.draft = draft
        self.base = base
        self.page = page
        self.known = WizardContext(usedNodePorts: usedNodePorts)
        self.focus = .name
        if case .step(let step) = page { focus = fields(of: step).first ?? .name }
        editor = TextField(text(of: focus))
        revalidate()
    }

    /// A new service in `namespace`.
    package static func create(namespace: String, usedNodePorts: [Int: String]) -> WizardState {
        WizardState(mode: .create, draft: .empty(namespace: namespace), base: ServiceDraft.newManifest,
                    page: .step(.basicInfo), usedNodePorts: usedNodePorts)
    }

    /// A saved draft, resumed where it was left.
    package static func resume(_ saved: SavedDraft, usedNodePorts: [Int: String]) -> WizardState {
        let base = saved.baseYAML.flatMap { try? ManifestReader.objects($0).first } ?? ServiceDraft.newManifest
        return WizardState(mode: .create, draft: saved.draft, base: base, page: .step(saved.step), usedNodePorts: usedNodePorts)
    }

    /// A Service read from a file: the form opens on it at step 1, and every field the form
    /// does not show is kept (the server-owned ones are dropped: this is a new object).
    package static func imported(_ manifest: ManifestNode, namespace: String, usedNodePorts: [Int: String]) -> WizardState {
        var base = ServerFields.stripped(manifest)
        if base["kind"] == nil { base["kind"] = .string("Service") }
        if base["apiVersion"] == nil { base["apiVersion"] = .string("v1") }
        var draft = ServiceDraft(manifest: base)
        if draft.namespace.isEmpty { draft.namespace = namespace }
        return WizardState(mode: .create, draft: draft, base: base, page: .step(.basicInfo), usedNodePorts: usedNodePorts)
    }

    /// One step of a stored service; the server-owned fields stay in `base` for the update.
    package static func edit(_ stored: StoredService, step: WizardStep, usedNodePorts: [Int: String]) -> WizardState {
        var state = WizardState(mode: .edit(stored, step: step), draft: ServiceDraft(manifest: stored.manifest),
                                base: stored.manifest, page: .step(step), usedNodePorts: usedNodePorts)
        state.source = stored.text
        return state
    }

    package var isReviewing: Bool {
        if case .review = page { return true }
        return false
    }

    /// How far the review page is scrolled.
    package var reviewScroll: Int {
        if case .review(let scroll) = page { return scroll }
        return 0
    }

    package var isCreate: Bool {
        if case .create = mode { return true }
        return false
    }

    /// The step on screen (the review page belongs to the last step).
    package var step: WizardStep {
        switch page {
        case .step(let step): return step
        case .review: return steps.last ?? .externalAccess
        }
    }

    /// The steps this wizard walks through: all four for a create, one for an edit.
    package var steps: [WizardStep] {
        switch mode {
        case .create: return WizardStep.allCases
        case .edit(_, let step): return [step]
        }
    }

    /// What will be written.
    package var manifest: ManifestNode { draft.apply(to: base) }

    /// The same wizard over another manifest (the editor's text, a reload after a
    /// conflict): the step, what was revealed and what the backend said are kept.
    func reloaded(mode: Mode, manifest: ManifestNode, base: ManifestNode) -> WizardState {
        var next = WizardState(mode: mode, draft: ServiceDraft(manifest: manifest), base: base, page: .step(step),
                               usedNodePorts: known.usedNodePorts)
        next.known = known
        // The backend's verdict was on the text before: the new one has not been sent.
        next.known.serverErrors = []
        next.revealed = revealed
        // Checked again by the kept release's rules.
        next.revalidate()
        return next
    }

    /// The stored manifest an edit started from.
    package var stored: StoredService? {
        if case .edit(let stored, _) = mode { return stored }
        return nil
    }
}

/// What the wizard knows from the backend rather than from the user.
package struct WizardContext: Sendable {
    /// Node ports other services use, and by whom: a NodePort that clashes is refused early.
    package var usedNodePorts: [Int: String]
    /// The namespace's workloads, for the picker and the "matches" line.
    package var workloads: [Workload]?
    /// A service of the draft's name that exists already (checked against the backend).
    package var nameTaken: String?
    /// Errors a failed create or save placed on fields; cleared by the next change.
    package var serverErrors: [FieldError] = []
    /// The rules of the target release (`useRules`).
    package var rules: RuleSet = .wizard
    /// A manifest the server's dry run accepted although svcwiz's check refuses it: creating
    /// exactly this is allowed, the server having the last word.
    package var serverAccepted: ManifestNode?
}

extension WizardState {
    package var usedNodePorts: [Int: String] { known.usedNodePorts }

    package var workloads: [Workload]? {
        get { known.workloads }
        set { known.workloads = newValue }
    }

    package var nameTaken: String? {
        get { known.nameTaken }
        set { known.nameTaken = newValue }
    }

    package var serverErrors: [FieldError] {
        get { known.serverErrors }
        set { known.serverErrors = newValue }
    }

    package internal(set) var rules: RuleSet {
        get { known.rules }
        set { known.rules = newValue }
    }

    package var serverAccepted: ManifestNode? {
        get { known.serverAccepted }
        set { known.serverAccepted = newValue }
    }
}
