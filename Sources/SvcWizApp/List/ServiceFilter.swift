import ServiceModel

/// The list filter: words match name, alias and labels case-insensitively as substrings;
/// `key=value` and `key!=value` terms match labels exactly. All terms must hold.
package struct ServiceFilter: Sendable, Hashable {
    enum Term: Sendable, Hashable {
        case text(String)
        case labelEquals(String, String)
        case labelNotEquals(String, String)
    }

    package let text: String
    let terms: [Term]

    package init(_ text: String) {
        self.text = text
        terms = text.split(whereSeparator: { $0 == " " || $0 == "," }).map { word in
            if let range = word.firstRange(of: "!=") {
                return .labelNotEquals(String(word[..<range.lowerBound]), String(word[range.upperBound...]))
            }
            if let range = word.firstRange(of: "="), range.lowerBound != word.startIndex {
                let key = word[..<range.lowerBound]
                let value = word[range.upperBound...].drop(while: { $0 == "=" })
                return .labelEquals(String(key), String(value))
            }
            return .text(word.lowercased())
        }
    }

    package var isEmpty: Bool { terms.isEmpty }

    /// The candidates (indices into `rows`, in order) for which every term holds. Words are
    /// looked up in `search` for all rows at once; label terms are checked per candidate.
    func apply(to candidates: [Int], rows: [ServiceSummary], search: ServiceSearchText) -> [Int] {
        var keep = [Bool](repeating: true, count: rows.count)
        var labelTerms = false
        for term in terms {
            if case .text(let word) = term { search.narrow(&keep, toRowsContaining: word) } else { labelTerms = true }
        }
        guard labelTerms else { return candidates.filter { keep[$0] } }
        return candidates.filter { keep[$0] && labelTermsHold(rows[$0]) }
    }

    private func labelTermsHold(_ row: ServiceSummary) -> Bool {
        for term in terms {
            switch term {
            case .text:
                continue
            case .labelEquals(let key, let value):
                if !row.hasLabel(key: key, value: value) { return false }
            case .labelNotEquals(let key, let value):
                if row.hasLabel(key: key, value: value) { return false }
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
}
