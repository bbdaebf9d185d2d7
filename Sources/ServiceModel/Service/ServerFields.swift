/// Fields the API server owns. The editor hides them and export leaves them out; an update
/// puts them back from the stored object so the server still sees `resourceVersion`.
package enum ServerFields {
    package static let metadata = ["uid", "resourceVersion", "managedFields", "creationTimestamp", "generation", "selfLink"]

    /// The manifest without `status` and the server-owned metadata fields.
    package static func stripped(_ manifest: ManifestNode) -> ManifestNode {
        var copy = manifest
        copy["status"] = nil
        if var metadata = copy["metadata"], metadata.isMapping {
            for key in Self.metadata { metadata[key] = nil }
            copy["metadata"] = metadata
        }
        return copy
    }

    /// `edited` with the server-owned fields of `stored` put back, so that what the user never
    /// saw is sent back unchanged.
    package static func restored(_ edited: ManifestNode, from stored: ManifestNode) -> ManifestNode {
        var copy = edited
        if let status = stored["status"], copy["status"] == nil { copy["status"] = status }
        guard var metadata = copy["metadata"], metadata.isMapping, let old = stored["metadata"] else { return copy }
        for key in Self.metadata where metadata[key] == nil {
            if let value = old[key] { metadata[key] = value }
        }
        copy["metadata"] = metadata
        return copy
    }
}
