/// A run of characters in one line drawn in one style; the range counts characters
/// (as `TextPosition.column` does). Characters outside every token are `.normal`.
package struct SyntaxToken: Hashable, Sendable {
    package var range: Range<Int>
    package var style: Style

    package init(range: Range<Int>, style: Style) {
        self.range = range
        self.style = style
    }
}

/// What the lexers share: scanning quoted strings and telling numbers and literals.
enum ScalarKind {
    /// The end (exclusive) of the quoted string opening at `start`; the line end when it
    /// is not closed. Double quotes take backslash escapes, single quotes double `''`.
    static func quotedEnd(in characters: [Character], from start: Int) -> Int {
        let quote = characters[start]
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if quote == "\"" && character == "\\" {
                index += 2
                continue
            }
            if character == quote {
                if quote == "'", index + 1 < characters.count, characters[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// The style of an unquoted YAML value: numbers and the literals YAML resolves
    /// (booleans in both YAML 1.1 and 1.2 spellings, null) stand out; other plain
    /// scalars are plain text.
    static func yamlStyle(of scalar: ArraySlice<Character>) -> Style {
        let text = String(scalar)
        if yamlLiterals.contains(text) || isNumber(text) { return .syntaxNumber }
        return .normal
    }

    private static let yamlLiterals: Set<String> = [
        "true", "True", "TRUE", "false", "False", "FALSE",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
        "null", "Null", "NULL", "~",
        ".inf", ".Inf", ".INF", "-.inf", "-.Inf", "-.INF", "+.inf", ".nan", ".NaN", ".NAN",
    ]

    /// Decimal (with sign, fraction, exponent), `0x` hex and `0o` octal numbers.
    static func isNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return false }
        if bytes.starts(with: "0x".utf8) || bytes.starts(with: "0o".utf8) {
            let digits = bytes.dropFirst(2)
            let hex = bytes.starts(with: "0x".utf8)
            return !digits.isEmpty && digits.allSatisfy { hex ? isHexDigit($0) : (0x30...0x37).contains($0) }
        }
        var sawDigit = false, sawDot = false, sawExponent = false
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39: sawDigit = true
            case UInt8(ascii: "."):
                if sawDot || sawExponent { return false }
                sawDot = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if sawExponent || !sawDigit { return false }
                sawExponent = true
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                if previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return false }
            default: return false
            }
            previous = byte
        }
        let endsInDigit = (0x30...0x39).contains(previous)
        return sawDigit && (endsInDigit || (previous == UInt8(ascii: ".") && !sawExponent))
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }
}
