import Foundation
import ServiceStore

extension AppState {
    /// Rows arrived, so the backend answers. After a failure the error goes, and the status
    /// line says that the rows are current again, in place of the error.
    mutating func backendAnswered() {
        if list.error != nil {
            list.error = nil
            post(StatusMessage(text(backend.kind == .cluster ? .reconnected : .workspaceReadable)))
        }
        list.lastUpdated = Date()
    }

    /// The backend failed; the rows stay, with their age beside the error. A failure that
    /// each retry reports again is posted once.
    mutating func backendFailed(_ error: StoreError) {
        let message = error.message(in: text.language)
        guard message != list.error else { return }
        list.error = message
        post(StatusMessage(message, severity: .error))
    }

    /// Whether the screen shows something that ages by the second: the age of rows kept
    /// through a failure.
    package var showsStaleRows: Bool { list.error != nil && list.lastUpdated != nil }

    /// How often the runner draws again while nothing happens: each second while the age
    /// of rows kept through a failure shows, each minute while ages show (the list's AGE
    /// column, the detail's), else never, so an idle screen stays silent. A redraw sends
    /// only the cells that changed.
    package var redrawInterval: Duration? {
        if showsStaleRows { return .seconds(1) }
        switch screen {
        case .list where !list.services.visible.isEmpty, .detail: return .seconds(60)
        case .list, .wizard, .editor: return nil
        }
    }
}
