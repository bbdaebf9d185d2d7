/// The words of every message, by key, in English and Simplified Chinese. Texts hold
/// `{0}`, `{1}`, ... placeholders that `text(_:_:language:)` fills from the arguments.
package enum Catalog {
    /// The text of `key` in `language` with its placeholders filled. An unknown key reads
    /// as the key itself followed by the arguments, so a missing entry is visible, not blank.
    package static func text(_ key: MessageKey, _ arguments: [String] = [], language: Language) -> String {
        guard let template = template(key, language: language) else {
            return ([key.rawValue] + arguments).joined(separator: " ")
        }
        return fill(template, with: arguments)
    }

    /// The unfilled text of `key` in `language`, or nil when the catalog has no entry.
    package static func template(_ key: MessageKey, language: Language) -> String? {
        guard let entry = entries[key] ?? versionEntries[key] else { return nil }
        switch language {
        case .en: return entry.en
        case .zh: return entry.zh
        }
    }

    /// Every key the catalog knows.
    package static var keys: [MessageKey] { (Array(entries.keys) + Array(versionEntries.keys)).sorted { $0.rawValue < $1.rawValue } }

    /// The placeholder numbers a text uses: `[0, 1]` for "from {0} to {1}".
    package static func placeholders(in template: String) -> Set<Int> {
        var result: Set<Int> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            if let number = Int(after[after.startIndex..<close]) { result.insert(number) }
            rest = after[close...]
        }
        return result
    }

    /// Replaces each `{n}` with `arguments[n]` in one pass, so an argument that itself
    /// contains `{1}` stays as written; a placeholder without an argument stays visible.
    package static func fill(_ template: String, with arguments: [String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[rest.startIndex..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[after.startIndex..<close]), arguments.indices.contains(n) {
                result += arguments[n]
                rest = after[after.index(after: close)...]
            } else {
                result += "{"
                rest = after
            }
        }
        return result + rest
    }
}

extension FieldError {
    /// What is wrong and what to type instead, in `language`. A message the API server
    /// wrote (`MessageKey.serverMessage`) is shown as it came: the server speaks English.
    package func message(in language: Language) -> String {
        if key == .serverMessage, let text = arguments.first { return text }
        return Catalog.text(key, arguments, language: language)
    }
}
