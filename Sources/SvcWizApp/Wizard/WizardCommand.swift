import ServiceModel

/// What the wizard asks of the app after a key: the app turns these into effects and
/// screens, so the wizard itself stays a plain value.
package enum WizardCommand: Sendable, Hashable {
    /// The draft changed: save it (create mode).
    case saveDraft
    /// Check that no service of this name exists in the namespace.
    case checkName(ServiceID)
    /// Load the namespace's workloads (for the picker and the "matches" line).
    case loadWorkloads(namespace: String)
    /// Open the workload picker.
    case pickWorkload
    /// Every step is valid: create this manifest (dry run first).
    case create(ManifestNode)
    /// Create was asked but svcwiz's own check refuses: where a server can answer (a
    /// cluster), ask its dry run, so a disagreement is decided by the server.
    case askServer(ManifestNode)
    /// Every field is valid: show the diff of the edit before saving.
    case reviewEdit
    /// Esc: ask whether to leave (the draft is kept).
    case leave
    /// F1: the keys of the form.
    case help
    /// F2 / Ctrl-E: the same service as text.
    case toEditor
    /// Ctrl-O: a file into the draft.
    case importFile
}
