/// The tags that decide whether two mapping keys with the same text are the same key.
///
/// Two keys are one when their tags agree both as written (`!!int 80` is not `80`) and as
/// YAML 1.1's implicit resolvers tag a plain key, as libyaml-based readers (PyYAML, Yams)
/// apply them: bool, int, float, merge, null, timestamp, value, else str (`80` is not
/// `"80"`, while `a` and `"a"` are one key). These rules decide only key identity; values
/// are read with `YAML11`, go-yaml v2's rules.
enum YAMLKeyTag {
    static let str = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let bool = "tag:yaml.org,2002:bool"
    static let null = "tag:yaml.org,2002:null"
    static let merge = "tag:yaml.org,2002:merge"
    static let timestamp = "tag:yaml.org,2002:timestamp"
    static let value = "tag:yaml.org,2002:value"

    /// The tag of a key written with tag `written` ("" when it has none, the str tag when
    /// it is quoted), read without resolution rules: anything untagged is a string.
    static func explicit(_ written: String) -> String {
        written == "" || written == "!" ? str : written
    }

    /// The tag of a key written with tag `written`, a plain key's resolved from its text.
    static func resolved(_ text: String, written: String) -> String {
        switch written {
        case "": return implicit(text)
        case "!": return str
        default: return written
        }
    }

    private static let boolWords: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullWords: Set<String> = ["~", "null", "Null", "NULL", ""]

    static func implicit(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        if boolWords.contains(text) { return bool }
        if isInt(scalars) { return int }
        if isFloat(scalars) { return float }
        if text == "<<" { return merge }
        if nullWords.contains(text) { return null }
        if isTimestamp(scalars) { return timestamp }
        if text == "=" { return value }
        return str
    }

    /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+
    /// | [-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    static func isInt(_ scalars: [Unicode.Scalar]) -> Bool {
        var s = Cursor(scalars)
        s.skip(where: isSign, atMost: 1)
        let start = s
        if s.take("0") {
            let afterZero = s
            if s.take("b"), s.skip(where: { $0 == "0" || $0 == "1" || $0 == "_" }) > 0, s.atEnd { return true }
            s = afterZero
            if s.take("x"), s.skip(where: { isHexDigit($0) || $0 == "_" }) > 0, s.atEnd { return true }
            s = afterZero
            _ = s.take("o")
            if s.skip(where: { ("0"..."7").contains($0) || $0 == "_" }) > 0, s.atEnd { return true }
            return afterZero.atEnd
        }
        s = start
        guard s.skip(where: { ("1"..."9").contains($0) }, atMost: 1) == 1 else { return false }
        s.skip(where: { isDigit($0) || $0 == "_" })
        if s.atEnd { return true }
        return s.sexagesimal() && s.atEnd
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)? | \.[0-9_]+([eE][-+][0-9]+)?
    /// | [-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(inf|Inf|INF) | \.(nan|NaN|NAN)`
    static func isFloat(_ scalars: [Unicode.Scalar]) -> Bool {
        let text = String(String.UnicodeScalarView(scalars))
        if [".nan", ".NaN", ".NAN"].contains(text) { return true }
        var s = Cursor(scalars)
        let signed = s.skip(where: isSign, atMost: 1) == 1
        let start = s
        if s.take("."), ["inf", "Inf", "INF"].contains(String(String.UnicodeScalarView(s.rest))) { return true }
        s = start
        if !signed, s.take(".") {
            guard s.skip(where: { isDigit($0) || $0 == "_" }) > 0 else { return false }
            if s.atEnd { return true }
            guard s.take("e") || s.take("E"), s.skip(where: isSign, atMost: 1) == 1 else { return false }
            return s.skip(where: isDigit) > 0 && s.atEnd
        }
        s = start
        guard s.skip(where: isDigit, atMost: 1) == 1 else { return false }
        s.skip(where: { isDigit($0) || $0 == "_" })
        let integerPart = s
        if s.take(".") { s.skip(where: { isDigit($0) || $0 == "_" }) }
        if s.take("e") || s.take("E") {
            s.skip(where: isSign, atMost: 1)
            guard s.skip(where: isDigit) > 0 else { return false }
        }
        if s.atEnd { return true }
        s = integerPart
        guard s.sexagesimal(), s.take(".") else { return false }
        s.skip(where: { isDigit($0) || $0 == "_" })
        return s.atEnd
    }

    /// `[0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?([Tt]|[ \t]+)[0-9][0-9]?
    /// :[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9][0-9]?(:[0-9]{2})?))?`
    static func isTimestamp(_ scalars: [Unicode.Scalar]) -> Bool {
        var s = Cursor(scalars)
        guard s.skip(where: isDigit, atMost: 4) == 4, s.take("-") else { return false }
        let month = s.skip(where: isDigit, atMost: 2)
        guard month > 0, s.take("-") else { return false }
        let day = s.skip(where: isDigit, atMost: 2)
        guard day > 0 else { return false }
        if s.atEnd { return month == 2 && day == 2 }
        if !(s.take("T") || s.take("t")) {
            guard s.skip(where: isBlank) > 0 else { return false }
        }
        guard s.skip(where: isDigit, atMost: 2) > 0, s.take(":"), s.skip(where: isDigit, atMost: 2) == 2,
              s.take(":"), s.skip(where: isDigit, atMost: 2) == 2 else { return false }
        if s.take(".") { s.skip(where: isDigit) }
        if s.atEnd { return true }
        s.skip(where: isBlank)
        if s.take("Z") { return s.atEnd }
        guard s.skip(where: isSign, atMost: 1) == 1, s.skip(where: isDigit, atMost: 2) > 0 else { return false }
        if s.take(":") { guard s.skip(where: isDigit, atMost: 2) == 2 else { return false } }
        return s.atEnd
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isSign(_ scalar: Unicode.Scalar) -> Bool { scalar == "+" || scalar == "-" }
    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
    private static func isHexDigit(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// A position in a key's characters, moving forward as patterns match.
    private struct Cursor {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index == scalars.count }
        var rest: ArraySlice<Unicode.Scalar> { scalars[index...] }

        mutating func take(_ scalar: Unicode.Scalar) -> Bool {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
            return true
        }

        /// Moves over up to `limit` characters that match; returns how many.
        @discardableResult
        mutating func skip(where matches: (Unicode.Scalar) -> Bool, atMost limit: Int = .max) -> Int {
            var count = 0
            while count < limit, index < scalars.count, matches(scalars[index]) {
                index += 1
                count += 1
            }
            return count
        }

        /// `(:[0-5]?[0-9])+`
        mutating func sexagesimal() -> Bool {
            var groups = 0
            while take(":") {
                let first = index
                if index + 1 < scalars.count, ("0"..."5").contains(scalars[index]), isDigit(scalars[index + 1]) {
                    index += 2
                } else if index < scalars.count, isDigit(scalars[index]) {
                    index += 1
                } else {
                    index = first - 1
                    return groups > 0
                }
                groups += 1
            }
            return groups > 0
        }
    }
}
