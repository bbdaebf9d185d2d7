/// Which service: its namespace and name, the identity Kubernetes gives it. Every layer
/// names a service with this one value (the list's marks, the detail screen, a delete, an
/// export, the workspace index) rather than a pair of strings or an `ns/name` string.
package struct ServiceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var namespace: String
    package var name: String

    package init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// The identity a manifest names: `metadata.namespace` (else `default`) and `metadata.name`.
    package init(manifest: ManifestNode) {
        let metadata = manifest["metadata"]
        self.init(namespace: metadata?["namespace"]?.scalarText ?? "default",
                  name: metadata?["name"]?.scalarText ?? "")
    }

    /// `namespace/name`, as kubectl writes it.
    package var description: String { namespace + "/" + name }

    package static func < (lhs: ServiceID, rhs: ServiceID) -> Bool {
        (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name)
    }
}
