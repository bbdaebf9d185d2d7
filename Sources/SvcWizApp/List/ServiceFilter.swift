import ServiceModel

/// The list filter: words match name, alias and labels case-insensitively as substrings;
/// `key=value` and `key!=value` terms match labels exactly. All terms must hold.
public struct ServiceFilter: Sendable, Hashable {
    enum Term: Sendable, Hashable {
        case text(String)
        case labelEquals(String, String)
        case labelNotEquals(String, String)
    }

    public let text: String
    let terms: [Term]

    public init(_ text: String) {
        self.text = text
        terms = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { word in
            if let range = word.range(of: "!=") {
                return .labelNotEquals(String(word[..<range.lowerBound]), String(word[range.upperBound...]))
            }
            if let range = word.range(of: "="), range.lowerBound != word.startIndex {
                let key = word[..<range.lowerBound]
                let value = word[range.upperBound...].drop(while: { $0 == "=" })
                return .labelEquals(String(key), String(value))
            }
            return .text(word.lowercased())
        }
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// True when every term holds for the row. `haystack` is the row's lowercased name,
    /// alias and labels, computed once per row rather than on every key.
    func matches(_ row: ServiceSummary, haystack: String) -> Bool {
        for term in terms {
            switch term {
            case .text(let word):
                if !Self.haystack(haystack, contains: word) { return false }
            case .labelEquals(let key, let value):
                if !row.labels.contains(where: { $0.key == key && $0.value == value }) { return false }
            case .labelNotEquals(let key, let value):
                if row.labels.contains(where: { $0.key == key && $0.value == value }) { return false }
            }
        }
        return true
    }

    /// True when every row this filter keeps, `narrower` keeps too only among them: typing
    /// one more character can then search the last result instead of every row.
    func isRefined(by narrower: ServiceFilter) -> Bool {
        guard !terms.isEmpty, narrower.terms.count == terms.count else { return false }
        for (old, new) in zip(terms, narrower.terms) {
            switch (old, new) {
            case (.text(let a), .text(let b)):
                if !b.contains(a) { return false }
            default:
                if old != new { return false }
            }
        }
        return true
    }

    /// Substring search. An ASCII word is looked for byte by byte in the UTF-8 text (what
    /// Foundation's `contains` finds in lowercased names and labels, at a fraction of the
    /// cost: it is called for every row on a key); other words go to Foundation.
    static func haystack(_ haystack: String, contains word: String) -> Bool {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else { return haystack.contains(word) }
        let needle = Array(word.utf8)
        guard let first = needle.first else { return true }
        var text = haystack
        return text.withUTF8 { bytes in
            guard bytes.count >= needle.count else { return false }
            var i = 0
            let last = bytes.count - needle.count
            while i <= last {
                if bytes[i] == first {
                    var j = 1
                    while j < needle.count, bytes[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The text a row is searched in.
    static func haystack(of row: ServiceSummary) -> String {
        var text = row.name.lowercased()
        if let alias = row.alias { text += "\u{1F}" + alias.lowercased() }
        for label in row.labels { text += "\u{1F}" + label.key.lowercased() + "=" + label.value.lowercased() }
        return text
    }
}
