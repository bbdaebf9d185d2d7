import ServiceModel
import ServiceStore

/// The delete effect: each service goes only while it is still the version the user saw,
/// so a service changed since is never deleted silently; it comes back as refused, with the
/// service as it is now for the dialog to show what changed.
enum DeleteEffect {
    static func run(_ targets: [DeletionTarget], on backend: any Backend) async -> [AppEvent] {
        var deleted: [ServiceID] = []
        var failures: [DeleteFailure] = []
        var refused: [RefusedDelete] = []
        for target in targets {
            let service = target.service
            do throws(StoreError) {
                try await backend.delete(service, expecting: try await version(of: target, on: backend))
                deleted.append(service)
            } catch {
                if case .conflict(_, let current?) = error {
                    refused.append(RefusedDelete(target: target, current: current))
                } else {
                    failures.append(DeleteFailure(service: service, error: error))
                }
            }
        }
        var events: [AppEvent] = [.deleted(deleted, failures: failures)]
        if !refused.isEmpty { events.append(.deleteRefused(refused)) }
        return events
    }

    /// The version the delete must expect: the one the user saw. A backend that gives its
    /// rows no version has the service read now, and what the user saw compared with it.
    private static func version(of target: DeletionTarget, on backend: any Backend) async throws(StoreError) -> String {
        if let version = target.version { return version }
        let current = try await backend.service(target.service)
        let unchanged: Bool
        switch target.seen {
        case .row(let row)?:
            let text = UIText(.en)
            unchanged = DeleteRefusal.rowText(row, text: text) == DeleteRefusal.rowText(ServiceSummary(manifest: current.manifest), text: text)
        case .stored(let stored)?: unchanged = ServerFields.stripped(stored.manifest) == ServerFields.stripped(current.manifest)
        case nil: unchanged = false
        }
        guard unchanged else { throw .conflict(target.service, current: current) }
        return current.version
    }
}
