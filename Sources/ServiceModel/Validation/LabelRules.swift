/// Label, selector and annotation rules (apimachinery's `ValidateLabels`,
/// `ValidateLabelName`, `ValidateAnnotations`). Kubernetes reports every problem at the
/// map's path (`metadata.labels`, `spec.selector`) without the key; each error here carries
/// the key in `element` so a form can mark the row.
package enum LabelRules {
    /// The total size of all annotation keys and values, in bytes (256 KiB).
    package static let totalAnnotationSizeLimit = 256 * 1024

    /// A label or selector key: a qualified name.
    package static func key(_ key: String, path: FieldPath) -> [FieldError] {
        NameRules.isQualifiedName(key).invalid(at: path, value: key, element: .key(key))
    }

    /// A label or selector value: empty or a short name.
    package static func value(_ value: String, key: String, path: FieldPath) -> [FieldError] {
        NameRules.isValidLabelValue(value).invalid(at: path, value: value, element: .key(key))
    }

    /// A whole label map or selector, in written order: each key, then its value.
    package static func labels(_ pairs: [(key: String, value: String)], path: FieldPath) -> [FieldError] {
        pairs.flatMap { key($0.key, path: path) + value($0.value, key: $0.key, path: path) }
    }

    /// An annotation key: a qualified name, letter case ignored.
    package static func annotationKey(_ key: String, path: FieldPath) -> [FieldError] {
        NameRules.isQualifiedName(key.lowercased()).invalid(at: path, value: key, element: .key(key))
    }

    /// All annotations: every key, then their total size.
    package static func annotations(_ pairs: [(key: String, value: String)], path: FieldPath) -> [FieldError] {
        var result = pairs.flatMap { annotationKey($0.key, path: path) }
        let size = pairs.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if size > totalAnnotationSizeLimit {
            result.append(FieldError(
                path: path, kind: .tooLong, key: .annotationsTooLong,
                arguments: ["\(totalAnnotationSizeLimit)"], badValue: "\(size)"))
        }
        return result
    }

    /// Keys written twice in one map (a form's rows, or a hand-written YAML map): the
    /// wizard refuses them; the API server would silently keep the last one.
    package static func duplicateKeys(_ pairs: [(key: String, value: String)], path: FieldPath) -> [FieldError] {
        var seen: Set<String> = []
        var result: [FieldError] = []
        for (key, _) in pairs where !seen.insert(key).inserted {
            result.append(FieldError(
                path: path, kind: .duplicate, key: .duplicateKey, arguments: [key], badValue: key, element: .key(key)))
        }
        return result
    }
}
