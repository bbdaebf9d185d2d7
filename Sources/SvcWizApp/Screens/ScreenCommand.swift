import ServiceModel

/// What the list or the detail screen asks of the app after a key: another screen, an
/// overlay, backend work, or a global action. The screens stay plain values.
package enum ScreenCommand: Sendable, Hashable {
    case openDetail(ServiceID)
    case backToList
    case chooseNamespace
    case reloadList
    case reloadDetail(ServiceID)
    case confirmDelete([DeletionTarget], hiddenByFilter: Int)
    /// Delete a service the detail screen shows before it loaded: as its list row was seen.
    case confirmDeleteOfRow(ServiceID)
    case export(ServiceID)
    case create
    case editText(ServiceID)
    case importFile
    /// Load the service, then ask which part to edit.
    case edit(ServiceID)
    /// The service is loaded: ask which part to edit (no external access when headless).
    case chooseEditStep(ServiceID, headless: Bool)
    /// Put this text on the user's clipboard (OSC 52), or show it for copying by hand.
    case copy(String)
    /// `Y` on a line that holds nothing to paste.
    case nothingToCopy
    /// Not the screen's own: help, messages, the command line, quit, suspend, redraw.
    case global(AppAction)
}
