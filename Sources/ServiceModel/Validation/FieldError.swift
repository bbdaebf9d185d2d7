/// One problem with one field, in Kubernetes' terms (field.Error): where, what kind, and the
/// message key and arguments the catalog turns into words in the user's language.
package struct FieldError: Error, Sendable, Hashable {
    /// Kubernetes' field.ErrorType, plus TooLong and TooMany that it also has.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case required, invalid, duplicate, notSupported, forbidden, tooLong, tooMany, `internal`

        /// The `reason` of a cause in an API Status (`FieldValueInvalid`, ...).
        package var apiReason: String {
            switch self {
            case .required: return "FieldValueRequired"
            case .invalid: return "FieldValueInvalid"
            case .duplicate: return "FieldValueDuplicate"
            case .notSupported: return "FieldValueNotSupported"
            case .forbidden: return "FieldValueForbidden"
            case .tooLong: return "FieldValueTooLong"
            case .tooMany: return "FieldValueTooMany"
            case .internal: return "InternalError"
            }
        }

        package init?(apiReason: String) {
            guard let kind = Kind.allCases.first(where: { $0.apiReason == apiReason }) else { return nil }
            self = kind
        }
    }

    package var path: FieldPath
    package var kind: Kind
    /// The catalog key of the message, e.g. `port.range`.
    package var key: MessageKey
    /// Values the message names (`70000`, `1-65535`, ...).
    package var arguments: [String]
    /// The value as the user wrote it, when there was one.
    package var badValue: String?
    /// The map key or list index the error is about when `path` names the whole map or list,
    /// as Kubernetes reports it: a bad label key is reported at `metadata.labels` (not
    /// `metadata.labels[key]`), and `element` is `.key("bad key!")` so a form can point at
    /// the row.
    package var element: FieldPath.Component?

    package init(
        path: FieldPath, kind: Kind, key: MessageKey, arguments: [String] = [], badValue: String? = nil,
        element: FieldPath.Component? = nil
    ) {
        self.path = path
        self.kind = kind
        self.key = key
        self.arguments = arguments
        self.badValue = badValue
        self.element = element
    }

    /// The most precise location: `path` followed by `element` when there is one
    /// (`metadata.labels[bad key!]`), for forms and editors that point at a row or a line.
    package var location: FieldPath {
        guard let element else { return path }
        return FieldPath(path.components + [element])
    }
}

/// A key into the message catalog.
package struct MessageKey: RawRepresentable, Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    package let rawValue: String
    package init(rawValue: String) { self.rawValue = rawValue }
    package init(stringLiteral value: String) { self.rawValue = value }
    package var description: String { rawValue }
}
