import ServiceModel

/// The one place a workspace write asks whether a service may be stored: the shared
/// validator with Kubernetes' rules (and, on update, its update rules against the stored
/// object), plus what the workspace itself needs of a name.
enum ServiceRules {
    static func validate(_ manifest: ManifestNode, previous: ManifestNode?, rules: RuleSet) -> [FieldError] {
        let errors = ServiceValidator.validate(manifest, previous: previous.map(asStored), rules: rules)
        return errors.isEmpty ? fileNameErrors(manifest) : errors
    }

    /// A workspace file holds a service as written, not as the API server stores it. The
    /// server keeps `clusterIPs` beside a set `clusterIP`, and its update rules compare
    /// against that list; give the previous object the same, or a changed `clusterIP` would
    /// pass.
    static func asStored(_ previous: ManifestNode) -> ManifestNode {
        guard let clusterIP = previous["spec"]?["clusterIP"], clusterIP.scalarText?.isEmpty == false,
              previous["spec"]?["clusterIPs"] == nil else { return previous }
        var stored = previous
        stored.set("spec.clusterIPs", to: .sequence([clusterIP]))
        return stored
    }

    /// The name and namespace become a file and a folder name. The validator's DNS rules
    /// already refuse anything unsafe; this guards the file system whatever the rules say.
    static func fileNameErrors(_ manifest: ManifestNode) -> [FieldError] {
        let metadata = manifest["metadata"]
        var errors: [FieldError] = []
        for (field, key) in [("name", MessageKey.dns1035Label), ("namespace", .dns1123Label)] {
            if let value = metadata?[field]?.scalarText, !isSafeFileName(value) {
                errors.append(FieldError(path: FieldPath("metadata").child(field), kind: .invalid, key: key, badValue: value))
            }
        }
        return errors
    }

    /// A write that names another object than the version it expects: an update cannot change
    /// a name or namespace (the validator's words for it, `metadata.name` immutable).
    static func identityErrors(_ new: ServiceKey, previous old: ServiceKey) -> [FieldError] {
        var errors: [FieldError] = []
        for (field, value, previous) in [("name", new.name, old.name), ("namespace", new.namespace, old.namespace)]
        where value != previous {
            errors.append(FieldError(path: FieldPath("metadata").child(field), kind: .invalid, key: .immutable,
                                     arguments: [previous], badValue: value))
        }
        return errors
    }

    private static func isSafeFileName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".") && !text.contains("/") && !text.contains("\u{0}")
    }
}
