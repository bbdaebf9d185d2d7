import TerminalUI
import ServiceModel
import ServiceStore

/// What sits on top of a screen and takes the keys until it closes.
public enum Overlay: Sendable, Hashable {
    case help
    case messages
    case namespaces(selection: Int)
    case command(TextField)
    case confirmDelete(DeleteConfirmation)
    /// Deletes refused because the services changed since they were seen: what changed.
    case deleteRefused(DeleteRefusal)
    case export(TextField, namespace: String, name: String)
    /// Esc in the wizard: leave (the draft is kept) or stay.
    case leaveWizard
    /// `c` found an unfinished draft: resume it or start fresh.
    case resumeDraft(SavedDraft)
    /// Ctrl-W: the namespace's workloads to pick the selector from.
    case workloadPicker(selection: Int)
    /// `e`: which part of the service to edit.
    case editChooser(DeletionTarget, selection: Int, headless: Bool)
    /// Ctrl-S on an edit: what will change, before it is written.
    case diff([LineDiff.Line], scroll: Int)
    /// A save found the service changed on the other side.
    case conflict(current: StoredService, theirChanges: [LineDiff.Line])
    /// `i` / Ctrl-O: the file to import, with Tab completion's other candidates.
    case importPrompt(TextField, candidates: [String])
    /// A file with several Services: which one to import.
    case importChooser([ManifestNode], selection: Int, path: String)
    /// Export found a file at the target: overwrite it?
    case confirmOverwrite(path: String, namespace: String, name: String)
}

/// The delete confirmation: what will go, how many the filter hides, and the two ways to
/// confirm: the delete key a second time (the one that opened this was the first), or the
/// name typed.
public struct DeleteConfirmation: Sendable, Hashable {
    public var targets: [DeletionTarget]
    public var hiddenByFilter: Int
    public var typed: TextField

    public init(targets: [DeletionTarget], hiddenByFilter: Int) {
        self.targets = targets
        self.hiddenByFilter = hiddenByFilter
        self.typed = TextField()
    }
}
