import ServiceModel
import ServiceStore

/// One service to delete, with the version the user saw: the delete goes ahead only while
/// the service is still that version.
package struct DeletionTarget: Sendable, Hashable {
    package var service: ServiceID
    /// Nil when the backend gives its rows no version: what the user saw is compared with
    /// the service as it is then.
    package var version: String?
    /// What the user saw, to show what changed when the delete is refused.
    package var seen: SeenService?

    package init(_ service: ServiceID, version: String? = nil, seen: SeenService? = nil) {
        self.service = service
        self.version = version
        self.seen = seen
    }

    /// A delete of a list row, expecting the version the row was read at.
    init(row: ServiceSummary) {
        self.init(row.id, version: row.version, seen: .row(row))
    }

    /// A delete from the detail screen, expecting the version it shows.
    init(stored: StoredService) {
        self.init(stored.id, version: stored.version, seen: .stored(stored))
    }
}

/// What the user saw of a service when they asked to delete it.
package enum SeenService: Sendable, Hashable {
    /// A row of the list: only what the list holds is known.
    case row(ServiceSummary)
    /// The detail screen: the whole service as it was loaded.
    case stored(StoredService)
}
