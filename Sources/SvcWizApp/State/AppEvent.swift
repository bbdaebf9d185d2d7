import ServiceModel
import ServiceStore
import TerminalUI

/// Everything that can happen to the app: input, and results of backend work coming back.
public enum AppEvent: Sendable {
    case key(Key)
    case resize(TerminalSize)
    case servicesLoaded(NamespaceScope, Result<[ServiceSummary], StoreError>)
    case store(NamespaceScope, StoreEvent)
    case namespacesLoaded([String])
    case detailLoaded(namespace: String, name: String, Result<DetailData, StoreError>)
    case deleted(names: [String], failures: [String])
    case exported(Result<String, StoreError>)
    case draftChecked(SavedDraft?)
    case nameChecked(namespace: String, name: String, exists: Bool)
    case workloadsLoaded(namespace: String, [Workload])
    case created(Result<StoredService, StoreError>)
    case updated(Result<StoredService, StoreError>)
    case editLoaded(step: WizardStep?, Result<StoredService, StoreError>)
}

/// What the detail screen shows of a service, loaded together.
public struct DetailData: Sendable {
    public var stored: StoredService
    public var backends: BackendStatus?

    public init(stored: StoredService, backends: BackendStatus?) {
        self.stored = stored
        self.backends = backends
    }
}

/// Work the app asks for; the controller runs it as a task and feeds the result back as
/// an event. `update` itself never waits and never does I/O.
public enum AppEffect: Sendable, Hashable {
    case loadServices(NamespaceScope)
    case watch(NamespaceScope)
    case loadNamespaces
    case loadDetail(namespace: String, name: String)
    case delete([DeletionTarget])
    case export(namespace: String, name: String, folder: String)
    case checkDraft
    case saveDraft(SavedDraft)
    case deleteDraft
    case checkName(namespace: String, name: String)
    case loadWorkloads(namespace: String)
    /// A dry run, then the create.
    case create(ManifestNode)
    case update(ManifestNode, version: String)
    /// Loads a service to edit it; a nil step opens the chooser.
    case loadForEdit(namespace: String, name: String, step: WizardStep?)
    case suspend
    case redraw
    case quit
}

/// One service to delete, with the version it was shown at.
public struct DeletionTarget: Sendable, Hashable {
    public var namespace: String
    public var name: String

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }
}
