import ServiceModel

/// What sits on top of a screen and takes the keys until it closes.
public enum Overlay: Sendable, Hashable {
    case help
    case messages
    case namespaces(selection: Int)
    case command(LineInput)
    case confirmDelete(DeleteConfirmation)
    case export(LineInput, namespace: String, name: String)
}

/// The delete confirmation: what will go, how many the filter hides, and the two ways to
/// confirm (the confirm key twice, or the name typed).
public struct DeleteConfirmation: Sendable, Hashable {
    public var targets: [DeletionTarget]
    public var hiddenByFilter: Int
    public var typed: LineInput
    public var armed: Bool

    public init(targets: [DeletionTarget], hiddenByFilter: Int) {
        self.targets = targets
        self.hiddenByFilter = hiddenByFilter
        self.typed = LineInput()
        self.armed = false
    }
}
