#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

extension AppState {
    /// The one place state changes: an event in, the effects to run out. A router with one
    /// short case per event, kept whole so that every event's handling is found here.
    package mutating func update(_ event: AppEvent) -> [AppEffect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .resize(let newSize):
            size = newSize
            list.scrollToSelection(pageSize: listBodyHeight)
        case let .servicesLoaded(loadedScope, result):
            guard loadedScope == scope else { return [] }
            switch result {
            case .success(let rows):
                list.replaceRows(rows, pageSize: listBodyHeight)
                backendAnswered()
            case .failure(let error):
                // The last rows stay; the error says why they may be old. The watch may be
                // healthy and see no change for hours: watching again lists first, and that
                // list (or the watch's own failure report) is what ends the error.
                backendFailed(error)
                return [.watch(scope)]
            }
        case let .store(eventScope, storeEvent):
            guard eventScope == scope else { return [] }
            return apply(storeEvent)
        case .namespacesLoaded(let names):
            list.namespaces = names
        case let .detailLoaded(service, result):
            detailLoaded(service, result)
        case let .deleted(services, failures):
            deleted(services, failures: failures)
            return [.loadServices(scope)]
        case .deleteRefused(let refused):
            applyDeleteRefusal(refused)
        case .tick:
            break
        case .draftChecked, .nameChecked, .workloadsLoaded, .created, .updated, .editLoaded, .textLoaded:
            return applyWizardResult(event)
        case .pathCompleted, .imported, .exportExists:
            return applyFileResult(event)
        case let .permissions(namespace, deniedActions):
            guard case .named(namespace) = scope else { return [] }
            permissions.denied = deniedActions
        case .kubeVersionChosen(let choice):
            choices.kubeVersion = choice
        case let .dryRunChecked(manifest, result):
            return applyServerVerdict(manifest, result)
        case let .backendChanged(info, namespace):
            backend = info
            permissions.denied = []
            list.namespaces = []
            post(StatusMessage(text(.contextSwitched, info.location)))
            return switchNamespace(to: .named(namespace)) + [.loadNamespaces]
        case .problems(let found):
            guard !found.isEmpty else { return [] }
            for problem in found { post(StatusMessage(problem.description(in: text.language), severity: .warning)) }
            post(StatusMessage(text(.problemsFound, String(found.count)), severity: .warning))
        case .contextFailed(let message):
            post(StatusMessage(message, severity: .error))
        case let .externalEdited(text, status):
            applyExternalEdit(text, exitStatus: status)
        case .editorChecked(let outcome):
            return applyEditorCheck(outcome)
        case .exported(let result):
            switch result {
            case .success(let path): post(StatusMessage(text(.exported, path)))
            case .failure(let error): post(StatusMessage(error.message(in: text.language), severity: .error))
            }
        }
        return []
    }

    private mutating func detailLoaded(_ service: ServiceID, _ result: Result<DetailData, StoreError>) {
        guard case .detail(var detail) = screen, detail.service == service else { return }
        switch result {
        case .success(let data):
            // The failure this load was the answer to is over: it leaves the status line.
            if let failed = detail.error, status?.severity == .error, status?.text == failed { status = nil }
            detail.loaded(data, text: text)
        case .failure(let error):
            let message = error.message(in: text.language)
            detail.error = message
            post(StatusMessage(message, severity: .error))
        }
        screen = .detail(detail)
    }

    private mutating func deleted(_ services: [ServiceID], failures: [DeleteFailure]) {
        for service in services { post(StatusMessage(text(.deleted, service.name))) }
        for failure in failures {
            post(StatusMessage(text(.deleteFailed, failure.service.name, failure.error.message(in: text.language)), severity: .error))
        }
        if case .detail(let detail) = screen, services.contains(detail.service) { screen = .list }
    }

    /// Deletes the service changed under: nothing of them went; the dialog shows why.
    private mutating func applyDeleteRefusal(_ refused: [RefusedDelete]) {
        guard !refused.isEmpty else { return }
        for item in refused {
            post(StatusMessage(text(.deleteRefused, item.current.name), severity: .error))
        }
        overlay = .deleteRefused(DeleteRefusal(refused, text: text))
    }

    private mutating func apply(_ event: StoreEvent) -> [AppEffect] {
        switch event {
        case .upserted(let row):
            list.services.upsert(row)
            backendAnswered()
        case .deleted(let service):
            list.services.remove(service)
            list.lastUpdated = Date()
        case .reset(let rows):
            list.replaceRows(rows, pageSize: listBodyHeight)
            backendAnswered()
        case let .loading(rows, expected):
            // A whole list already came (a refresh): a late first page must not shrink it.
            guard !list.loaded else { return [] }
            // One namespace's list comes in name order; all namespaces' in namespace order.
            list.showLoading(rows, expected: expected, nameOrdered: scope != .all, pageSize: listBodyHeight)
            backendAnswered()
        case .failed(let error):
            backendFailed(error)
        }
        list.scrollToSelection(pageSize: listBodyHeight)
        if case .detail(let detail) = screen, case .upserted(let row) = event, row.id == detail.service {
            return [.loadDetail(detail.service)]
        }
        // A detail that failed to load is loaded again once the backend answers again.
        if case .detail(let detail) = screen, detail.error != nil, case .reset = event {
            return [.loadDetail(detail.service)]
        }
        return []
    }

    /// Opens the namespace: a watch (whose first event is the whole list: listing as well
    /// would fetch every service twice before the first frame), and the namespace names
    /// for the chooser.
    package mutating func start() -> [AppEffect] {
        [.watch(scope), .loadNamespaces, .loadProblems] + permissionCheck
    }

    /// RBAC is asked per namespace; a workspace allows everything and is not asked.
    var permissionCheck: [AppEffect] {
        guard backend.kind == .cluster, !permissions.readOnly, case .named(let namespace) = scope else { return [] }
        return [.checkPermissions(namespace: namespace)]
    }

    mutating func switchNamespace(to newScope: NamespaceScope) -> [AppEffect] {
        scope = newScope
        list.reset()
        screen = .list
        permissions.denied = []
        return [.watch(scope)] + permissionCheck
    }
}
