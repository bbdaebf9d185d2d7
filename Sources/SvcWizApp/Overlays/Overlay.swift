import ServiceModel
import ServiceStore
import TerminalUI

/// What sits on top of a screen and takes the keys until it closes. Each case holds its
/// own model; `handle(_:choices:workloads:text:)` turns a key into `OverlayCommand`s for the app.
package enum Overlay: Sendable, Hashable {
    case help
    case messages
    case namespaces(Chooser)
    case command(Prompt)
    case confirmDelete(DeleteConfirmation)
    /// Deletes refused because the services changed since they were seen: what changed.
    case deleteRefused(DeleteRefusal)
    case export(Prompt, ServiceID)
    /// Esc in the wizard: leave (the draft is kept) or stay.
    case leaveWizard
    /// `c` found an unfinished draft: resume it or start fresh.
    case resumeDraft(SavedDraft)
    /// Ctrl-W: the namespace's workloads to pick the selector from, several at once.
    case workloadPicker(WorkloadPicker)
    /// `e`: which part of the service to edit.
    case editChooser(EditChooser)
    /// Ctrl-S on an edit: what will change, before it is written.
    case diff(DiffPanel)
    /// A save found the service changed on the other side.
    case conflict(current: StoredService, theirChanges: [LineDiff.Line])
    /// `i` / Ctrl-O: the file to import, with Tab completion's other candidates.
    case importPrompt(Prompt, candidates: [String])
    /// A file with several Services: which one to import.
    case importChooser(ImportChooser)
    /// Export found a file at the target: overwrite it?
    case confirmOverwrite(path: String, ServiceID)
}

/// What an overlay asks of the app after a key. `close` comes first when the overlay
/// closes; the rest say what it closed for.
package enum OverlayCommand: Sendable, Hashable {
    case close
    /// The namespace chooser's entry: 0 is all namespaces.
    case chooseNamespace(Int)
    case runCommand(String)
    case delete([DeletionTarget])
    /// After a refused delete: the changed service's detail, as it is now.
    case lookAgain(ServiceID)
    case export(ServiceID, folder: String)
    case leaveWizard
    case resume(SavedDraft)
    case startFresh
    /// The selector becomes the pod labels these workloads share.
    case pickWorkloads([Workload])
    case edit(ServiceID, WizardStep)
    case saveEdit
    case reload(StoredService)
    case completePath(String)
    case importFile(String)
    case importService(ManifestNode)
    case overwrite(path: String, ServiceID)
}
