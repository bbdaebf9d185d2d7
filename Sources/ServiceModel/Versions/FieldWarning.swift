/// Something the API server accepts but tells the user about (a `Warning:` header): a
/// deprecated field or value, an address spelling other tools read differently, a field the
/// target release drops. Warnings never make a service invalid.
package struct FieldWarning: Sendable, Hashable {
    package var path: FieldPath
    package var key: MessageKey
    package var arguments: [String]

    package init(path: FieldPath, key: MessageKey, arguments: [String] = []) {
        self.path = path
        self.key = key
        self.arguments = arguments
    }

    package func message(in language: Language) -> String {
        Catalog.text(key, arguments, language: language)
    }

    /// The word that starts a warning line (`warning: spec.x: ...`), as kubectl starts its
    /// own; kept in English in both languages so scripts can match it.
    package static let label = "warning"
}
