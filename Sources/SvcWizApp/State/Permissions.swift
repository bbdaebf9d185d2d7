/// What the user may do here: nothing that writes with `--read-only`, and not what RBAC
/// denies in the current namespace (cluster). Keys of actions not allowed are not offered.
public struct Permissions: Sendable, Hashable {
    public var readOnly: Bool
    /// Actions RBAC denies in the current namespace.
    public var denied: Set<AppAction> = []

    public init(readOnly: Bool) {
        self.readOnly = readOnly
    }

    public func allows(_ action: AppAction) -> Bool {
        !denied.contains(action)
    }
}
