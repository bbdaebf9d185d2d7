import ServiceModel
import ServiceStore
import TerminalUI

/// Everything that can happen to the app: input, and results of backend work coming back.
package enum AppEvent: Sendable {
    case key(Key)
    case resize(TerminalSize)
    case servicesLoaded(NamespaceScope, Result<[ServiceSummary], StoreError>)
    case store(NamespaceScope, StoreEvent)
    case namespacesLoaded([String])
    case detailLoaded(ServiceID, Result<DetailData, StoreError>)
    case deleted([ServiceID], failures: [DeleteFailure])
    /// Deletes refused because the services changed since the user saw them.
    case deleteRefused([RefusedDelete])
    /// Time passed while the screen shows something that ages (`redrawInterval`).
    case tick
    case exported(Result<String, StoreError>)
    case draftChecked(SavedDraft?)
    case nameChecked(ServiceID, exists: Bool)
    case workloadsLoaded(namespace: String, Result<[Workload], StoreError>)
    case created(Result<StoredService, StoreError>)
    case updated(Result<StoredService, StoreError>)
    case editLoaded(step: WizardStep?, Result<StoredService, StoreError>)
    /// `y`: the stored service, to open in the editor.
    case textLoaded(Result<StoredService, StoreError>)
    case pathCompleted(input: String, completed: String, candidates: [String])
    case imported(path: String, Result<[ManifestNode], ImportFailure>)
    case exportExists(path: String, ServiceID)
    case externalEdited(String?, status: Int32)
    /// What RBAC denies in the namespace (cluster): those actions leave the key tables.
    case permissions(namespace: String, denied: Set<AppAction>)
    /// `:ctx NAME` switched the backend.
    case backendChanged(BackendInfo, namespace: String)
    /// The release of the backend in use became known (after `:ctx`).
    case kubeVersionChosen(KubeVersionChoice)
    /// The server's dry run of a manifest svcwiz's own check refused.
    case dryRunChecked(ManifestNode, Result<StoredService, StoreError>)
    case contextFailed(String)
    /// Files the backend could not read, reported and skipped.
    case problems([ManifestParseError])
    /// The editor's text was read (`AppEffect.checkEditorText`).
    case editorChecked(EditorCheckOutcome)
}

/// A service a delete could not remove, and the backend's reason.
package struct DeleteFailure: Sendable, Hashable {
    package var service: ServiceID
    package var error: StoreError

    package init(service: ServiceID, error: StoreError) {
        self.service = service
        self.error = error
    }
}

/// What the detail screen shows of a service, loaded together.
package struct DetailData: Sendable {
    package var stored: StoredService
    package var backends: BackendStatus?
    /// The service's events (cluster); nil where the backend has none (workspace).
    package var events: [ObjectEvent]?
    /// The cluster's nodes for node port addresses, or why they are not known.
    package var nodes: NodeAddresses

    package init(stored: StoredService, backends: BackendStatus?, events: [ObjectEvent]? = nil,
                nodes: NodeAddresses = .unknown(.workspace)) {
        self.stored = stored
        self.backends = backends
        self.events = events
        self.nodes = nodes
    }
}

/// Work the app asks for; the controller runs it as a task and feeds the result back as
/// an event. `update` itself never waits and never does I/O.
package enum AppEffect: Sendable, Hashable {
    /// Ask the server whether it would create this (nothing is stored).
    case dryRunCreate(ManifestNode)
    case loadServices(NamespaceScope)
    case watch(NamespaceScope)
    case loadNamespaces
    case loadDetail(ServiceID)
    case delete([DeletionTarget])
    /// Writes the service to `target` (a folder, or a file ending in .yaml, .yml or .json).
    case export(ServiceID, target: String, overwrite: Bool)
    case loadForText(ServiceID)
    case completePath(String)
    case importFile(String)
    /// Asks the backend for files it could not read.
    case loadProblems
    /// Asks the backend which writes RBAC allows in the namespace.
    case checkPermissions(namespace: String)
    /// `:ctx NAME`: another context of the kubeconfig.
    case switchContext(String)
    /// Hands the text to $VISUAL or $EDITOR and reads it back.
    case externalEditor(text: String, fileExtension: String)
    case checkDraft
    case saveDraft(SavedDraft)
    case deleteDraft
    case checkName(ServiceID)
    case loadWorkloads(namespace: String)
    /// A dry run, then the create.
    case create(ManifestNode)
    case update(ManifestNode, version: String)
    /// A workspace save: `text` is the document exactly as it will be written.
    case updateText(ManifestNode, text: ManifestText, version: String)
    /// Loads a service to edit it; a nil step opens the chooser.
    case loadForEdit(ServiceID, step: WizardStep?)
    /// Parses and validates the editor's text off the UI thread.
    case checkEditorText(EditorCheck)
    /// Sets the user's clipboard through the terminal (OSC 52).
    case copyToClipboard(String)
    case suspend
    case redraw
    case quit
}
