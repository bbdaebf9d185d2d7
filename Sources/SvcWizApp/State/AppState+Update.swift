import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// The one place state changes: an event in, the effects to run out.
    public mutating func update(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .resize(let newSize):
            size = newSize
            scrollToSelection()
            return []
        case let .servicesLoaded(loadedScope, result):
            guard loadedScope == scope else { return [] }
            switch result {
            case .success(let rows):
                list.replaceRows(rows)
                listLoaded = true
                backendAnswered()
                scrollToSelection()
            case .failure(let error):
                // The last rows stay; the error says why they may be old.
                backendFailed(error)
            }
            return []
        case let .store(eventScope, storeEvent):
            guard eventScope == scope else { return [] }
            return apply(storeEvent)
        case .namespacesLoaded(let names):
            namespaces = names
            return []
        case let .detailLoaded(namespace, name, result):
            guard case .detail(var detail) = screen, detail.namespace == namespace, detail.name == name else { return [] }
            switch result {
            case .success(let data):
                detail.data = data
                detail.error = nil
            case .failure(let error):
                detail.error = error.message(in: text.language)
                post(StatusMessage(detail.error!, severity: .error))
            }
            screen = .detail(detail)
            return []
        case let .deleted(names, failures):
            for name in names { post(StatusMessage(text(.deleted, name))) }
            for failure in failures { post(StatusMessage(failure, severity: .error)) }
            if case .detail(let detail) = screen, names.contains(detail.name) { screen = .list }
            return [.loadServices(scope)]
        case .tick:
            return []
        case .deleteRefused(let refused):
            return applyDeleteRefusal(refused)
        case .draftChecked, .nameChecked, .workloadsLoaded, .created, .updated, .editLoaded, .textLoaded:
            return applyWizardResult(event)
        case .pathCompleted, .imported, .exportExists:
            return applyFileResult(event)
        case let .permissions(namespace, deniedActions):
            guard case .named(namespace) = scope else { return [] }
            denied = deniedActions
            return []
        case .kubeVersionChosen(let choice):
            kubeVersion = choice
            return []
        case let .dryRunChecked(manifest, result):
            return applyServerVerdict(manifest, result)
        case let .backendChanged(info, namespace):
            backend = info
            denied = []
            namespaces = []
            post(StatusMessage(text(.contextSwitched, info.location)))
            return switchNamespace(to: .named(namespace)) + [.loadNamespaces]
        case .problems(let found):
            guard !found.isEmpty else { return [] }
            for problem in found { post(StatusMessage(problem.description(in: text.language), severity: .warning)) }
            post(StatusMessage(text(.problemsFound, String(found.count)), severity: .warning))
            return []
        case .contextFailed(let message):
            post(StatusMessage(message, severity: .error))
            return []
        case let .externalEdited(text, status):
            applyExternalEdit(text, exitStatus: status)
            return []
        case .exported(let result):
            switch result {
            case .success(let path): post(StatusMessage(text(.exported, path)))
            case .failure(let error): post(StatusMessage(error.message(in: text.language), severity: .error))
            }
            return []
        }
    }

    private mutating func apply(_ event: StoreEvent) -> [AppEffect] {
        switch event {
        case .upserted(let row):
            list.upsert(row)
            backendAnswered()
        case let .deleted(namespace, name):
            list.remove(namespace: namespace, name: name)
            lastUpdated = Date()
        case .reset(let rows):
            list.replaceRows(rows)
            listLoaded = true
            backendAnswered()
        case .failed(let error):
            backendFailed(error)
        }
        scrollToSelection()
        if case .detail(let detail) = screen, case .upserted(let row) = event,
           row.namespace == detail.namespace, row.name == detail.name {
            return [.loadDetail(namespace: detail.namespace, name: detail.name)]
        }
        return []
    }

    /// Opens the namespace: a watch (whose first event is the whole list: listing as well
    /// would fetch 10,000 services twice before the first frame), and the namespace names
    /// for the chooser.
    public mutating func start() -> [AppEffect] {
        [.watch(scope), .loadNamespaces, .loadProblems] + permissionCheck
    }

    /// RBAC is asked per namespace; a workspace allows everything and is not asked.
    var permissionCheck: [AppEffect] {
        guard backend.kind == .cluster, !readOnly, case .named(let namespace) = scope else { return [] }
        return [.checkPermissions(namespace: namespace)]
    }

    mutating func switchNamespace(to newScope: NamespaceScope) -> [AppEffect] {
        scope = newScope
        list = ServiceListModel()
        listLoaded = false
        listError = nil
        listScroll = 0
        screen = .list
        denied = []
        return [.watch(scope)] + permissionCheck
    }
}
