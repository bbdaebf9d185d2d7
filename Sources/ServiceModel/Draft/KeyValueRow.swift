/// One row of a key/value editor (selector, labels, annotations, LoadBalancer annotations).
///
/// Rows are kept exactly as typed, in order: duplicate keys and half-typed rows (an empty
/// key, an empty value) stay in the draft until the user fixes them. Only rows with a
/// non-empty key reach the manifest, and of duplicate keys the first row wins; the draft's
/// `validate(base:rules:)` reports the rest.
package struct KeyValueRow: Sendable, Hashable, Codable {
    package var key: String
    package var value: String

    package init(key: String = "", value: String = "") {
        self.key = key
        self.value = value
    }

    /// True when neither the key nor the value has been typed.
    package var isBlank: Bool { key.isEmpty && value.isEmpty }
}

extension Array where Element == KeyValueRow {
    /// Rows read from a mapping, in written order; a non-string value is given by its text.
    init(mapping node: ManifestNode?) {
        self = (node?.stringPairs ?? []).map { KeyValueRow(key: $0.key, value: $0.value) }
    }

    /// The pairs a mapping can hold: rows with a key, the first of each key.
    var writablePairs: [KeyValueRow] {
        var seen: Set<String> = []
        return filter { !$0.key.isEmpty && seen.insert($0.key).inserted }
    }

    /// The value of the first row with `key`.
    func value(of key: String) -> String? {
        first(where: { $0.key == key })?.value
    }
}
