/// The language of every message and screen: English or Simplified Chinese.
package enum Language: String, Sendable, Hashable, CaseIterable {
    case en, zh

    /// The language from `LC_ALL`, then `LC_MESSAGES`, then `LANG` (POSIX order: the first
    /// one set and non-empty wins); Chinese for any `zh*` locale, English otherwise.
    package static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }

    /// Parses a `--lang` value (`en`, `zh`, `zh_CN`, `zh-Hans`, ...).
    package init?(option: String) {
        let lower = option.lowercased()
        if lower.hasPrefix("zh") { self = .zh } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}
