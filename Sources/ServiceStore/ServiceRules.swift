import ServiceModel

/// The one place a workspace write asks whether a service may be stored. The shared validator
/// (`ServiceValidator`, branch `validation`) plugs in here; until it lands, only what the
/// workspace itself needs is checked.
enum ServiceRules {
    static func validate(_ manifest: ManifestNode, previous: ManifestNode?) -> [FieldError] {
        var errors = workspaceErrors(manifest)
        if let previous { errors += identityErrors(ServiceKey(manifest: manifest), previous: ServiceKey(manifest: previous)) }
        return errors
    }

    /// What the workspace needs whatever the rules say: a Service, with a name and namespace
    /// that can be a file and a folder name.
    static func workspaceErrors(_ manifest: ManifestNode) -> [FieldError] {
        var errors: [FieldError] = []
        if let kind = manifest["kind"]?.scalarText, kind != "Service" {
            errors.append(FieldError(path: "kind", kind: .notSupported, key: "kind.notSupported",
                                     arguments: ["Service"], badValue: kind))
        }
        let metadata = manifest["metadata"]
        for field in ["name", "namespace"] {
            let value = metadata?[field]?.scalarText
            if field == "name", value?.isEmpty ?? true {
                errors.append(FieldError(path: FieldPath("metadata.name"), kind: .required, key: "field.required"))
            } else if let value, !isSafeFileName(value) {
                errors.append(FieldError(path: FieldPath("metadata.\(field)"), kind: .invalid,
                                         key: "workspace.fileName", arguments: [value], badValue: value))
            }
        }
        return errors
    }

    /// A name and namespace identify the object; an update cannot change them.
    static func identityErrors(_ new: ServiceKey, previous old: ServiceKey) -> [FieldError] {
        var errors: [FieldError] = []
        if new.name != old.name {
            errors.append(FieldError(path: FieldPath("metadata.name"), kind: .invalid, key: "field.immutable",
                                     arguments: [old.name], badValue: new.name))
        }
        if new.namespace != old.namespace {
            errors.append(FieldError(path: FieldPath("metadata.namespace"), kind: .invalid, key: "field.immutable",
                                     arguments: [old.namespace], badValue: new.namespace))
        }
        return errors
    }

    private static func isSafeFileName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".") && !text.contains("/") && !text.contains("\u{0}")
    }
}
