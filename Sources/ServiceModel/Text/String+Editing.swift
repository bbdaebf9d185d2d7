/// String edits the modules linked into svcwiz use instead of Foundation's, which would
/// link all of Foundation and its ICU data into the binary (docs/performance.md).
extension StringProtocol {
    /// Every occurrence of `target` replaced, matched byte for byte in UTF-8 as
    /// Foundation's `replacingOccurrences(of:with:)` matches (a `"\n"` inside `"\r\n"`
    /// is found).
    package func replacingEvery(_ target: String, with replacement: String) -> String {
        let text = Array(utf8), pattern = Array(target.utf8)
        guard !pattern.isEmpty, pattern.count <= text.count else { return String(self) }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        let last = text.count - pattern.count
        while index <= last {
            if text[index] == pattern[0], text[index..<index + pattern.count].elementsEqual(pattern) {
                result += replacement.utf8
                index += pattern.count
            } else {
                result.append(text[index])
                index += 1
            }
        }
        result += text[index...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The text without leading and trailing spaces and tabs (Unicode space separators),
    /// and line breaks too when `newlines` is true: Foundation's `.whitespaces` and
    /// `.whitespacesAndNewlines`.
    package func trimmingWhitespace(newlines: Bool = false) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "\t": return true
            case "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}": return newlines
            default: return scalar.properties.generalCategory == .spaceSeparator
            }
        }
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(Substring(scalars[first...last]))
    }
}
