#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a scalar means once read: Kubernetes reads YAML with YAML 1.1 rules (go-yaml v2), so
/// an unquoted `off` is a boolean and `0x50` an integer, while `"80"` is a string.
package enum ScalarKind: String, Sendable, Hashable {
    case string, int, float, bool, null
}

/// How a scalar was written, kept so that a round trip does not restyle what the user wrote.
package enum ScalarStyle: String, Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar value with its written text, its kind, and its style.
package struct Scalar: Sendable, Hashable {
    /// For strings, the value; for other kinds, the token as written (`0x50`, `yes`, `~`).
    package var text: String
    package var kind: ScalarKind
    package var style: ScalarStyle

    package init(text: String, kind: ScalarKind, style: ScalarStyle = .plain) {
        self.text = text
        self.kind = kind
        self.style = style
    }

    package static func string(_ text: String) -> Scalar { Scalar(text: text, kind: .string) }
    package static func int(_ value: Int) -> Scalar { Scalar(text: String(value), kind: .int) }
    package static func bool(_ value: Bool) -> Scalar { Scalar(text: value ? "true" : "false", kind: .bool) }
    package static var null: Scalar { Scalar(text: "null", kind: .null) }

    /// Reads a plain (unquoted) scalar the way go-yaml v2 does.
    package static func plain(_ text: String) -> Scalar {
        Scalar(text: text, kind: YAML11.resolve(text), style: .plain)
    }

    package var intValue: Int? {
        guard kind == .int else { return nil }
        return YAML11.parseInt(text)
    }

    package var boolValue: Bool? {
        guard kind == .bool else { return nil }
        return YAML11.parseBool(text)
    }

    package var doubleValue: Double? {
        switch kind {
        case .int: return intValue.map(Double.init)
        case .float: return YAML11.parseFloat(text)
        default: return nil
        }
    }

    /// True when both scalars hold the same value (the style and spelling may differ).
    package func sameValue(as other: Scalar) -> Bool {
        guard kind == other.kind else { return false }
        switch kind {
        case .string: return text == other.text
        case .null: return true
        case .bool: return boolValue == other.boolValue
        case .int: return intValue == other.intValue && intValue != nil || text == other.text
        case .float:
            let a = doubleValue, b = other.doubleValue
            if let a, let b, a.isNaN && b.isNaN { return true }
            return a == b
        }
    }
}

/// YAML 1.1 scalar resolution as go-yaml v2 does it (sigs.k8s.io/yaml, hence kubectl and the
/// API server's YAML input).
package enum YAML11 {
    private static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"]
    private static let falseWords: Set<String> = ["n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"]
    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let floatWords: Set<String> = [
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    ]

    package static func resolve(_ text: String) -> ScalarKind {
        // The words are at most 5 bytes: longer text skips four hash lookups (this runs for
        // every string the YAML writer writes).
        if text.utf8.count <= 5 {
            if nullWords.contains(text) { return .null }
            if trueWords.contains(text) || falseWords.contains(text) { return .bool }
            if floatWords.contains(text) { return .float }
        }
        guard let first = text.utf8.first, "+-.0123456789".utf8.contains(first) else { return .string }
        if parseInt(text) != nil { return .int }
        if isFloat(text) { return .float }
        return .string
    }

    package static func parseBool(_ text: String) -> Bool? {
        if trueWords.contains(text) { return true }
        if falseWords.contains(text) { return false }
        return nil
    }

    /// Go's strconv.ParseInt(s, 0, 64) after removing underscores, plus YAML's `0b` and
    /// `0o` forms: decimal, `0x` hex, `0o`/leading-zero octal, `0b` binary, with a sign.
    package static func parseInt(_ raw: String) -> Int? {
        // Foundation's replacingOccurrences goes through NSString: it was 5% of reading a list.
        var text = raw.utf8.contains(UInt8(ascii: "_")) ? Substring(raw.filter { $0 != "_" }) : Substring(raw)
        guard !text.isEmpty else { return nil }
        var negative = false
        if text.first == "+" || text.first == "-" {
            negative = text.first == "-"
            text = text.dropFirst()
        }
        guard !text.isEmpty, text.first!.isASCII, text.first!.isNumber else { return nil }
        var radix = 10
        if text.count > 1, text.first == "0" {
            let second = text.dropFirst().first!
            switch second {
            case "x", "X": radix = 16; text = text.dropFirst(2)
            case "o", "O": radix = 8; text = text.dropFirst(2)
            case "b", "B": radix = 2; text = text.dropFirst(2)
            default: radix = 8; text = text.dropFirst()
            }
        }
        guard !text.isEmpty, let magnitude = Int(text, radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }

    package static func isFloat(_ text: String) -> Bool {
        if floatWords.contains(text) { return true }
        // ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$ (go-yaml v2's yamlStyleFloat)
        var chars = text.utf8.contains(UInt8(ascii: "_")) ? Substring(text.filter { $0 != "_" }) : Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        let digits: (Substring) -> Substring = { $0.prefix(while: { $0.isASCII && $0.isNumber }) }
        if chars.first == "." {
            chars = chars.dropFirst()
            let d = digits(chars)
            guard !d.isEmpty else { return false }
            chars = chars.dropFirst(d.count)
        } else {
            let d = digits(chars)
            guard !d.isEmpty else { return false }
            chars = chars.dropFirst(d.count)
            if chars.first == "." {
                chars = chars.dropFirst()
                chars = chars.dropFirst(digits(chars).count)
            }
        }
        if chars.first == "e" || chars.first == "E" {
            chars = chars.dropFirst()
            if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
            let d = digits(chars)
            guard !d.isEmpty else { return false }
            chars = chars.dropFirst(d.count)
        }
        return chars.isEmpty
    }

    package static func parseFloat(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: return Double(text.replacingEvery("_", with: ""))
        }
    }

    /// True when a YAML reader (1.1 or 1.2) could take this text, written plain, for
    /// something other than the string itself, or when it cannot be written plain at all.
    package static func needsQuotes(_ text: String) -> Bool {
        if resolve(text) != .string { return true }
        // YAML 1.2 and other readers: be conservative about anything number- or date-like.
        if let first = text.unicodeScalars.first, "0123456789+-.".unicodeScalars.contains(first),
           text.unicodeScalars.allSatisfy({ "0123456789+-.:_eExXoObBabcdefABCDEF TtZz".unicodeScalars.contains($0) }) {
            return true
        }
        if ["=", "<<"].contains(text) { return true }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return true }
        if first == " " || last == " " || first == "\t" || last == "\t" { return true }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-foo`, `:foo` and `?foo` are plain in YAML, but quoting them is harmless and clearer.
            return true
        }
        if last == ":" { return true }
        // One pass over the bytes: control characters, `: ` and ` #` (Foundation's
        // `contains` for each pattern was a tenth of writing YAML).
        var previous: UInt8 = 0
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == UInt8(ascii: ":") && byte == 0x20 { return true }
            if previous == 0x20 && byte == UInt8(ascii: "#") { return true }
            if byte >= 0x80 { ascii = false }
            previous = byte
        }
        guard !ascii else { return false }
        for scalar in text.unicodeScalars {
            if scalar.value == 0xFEFF || (0x80...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                return true
            }
        }
        return false
    }
}
