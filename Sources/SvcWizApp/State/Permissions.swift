/// What the user may do here: nothing that writes with `--read-only`, and not what RBAC
/// denies in the current namespace (cluster). Keys of actions not allowed are not offered.
package struct Permissions: Sendable, Hashable {
    package var readOnly: Bool
    /// Actions RBAC denies in the current namespace.
    package var denied: Set<AppAction> = []

    package init(readOnly: Bool) {
        self.readOnly = readOnly
    }

    package func allows(_ action: AppAction) -> Bool {
        !denied.contains(action)
    }
}
