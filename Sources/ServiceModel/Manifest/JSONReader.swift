import Foundation

/// A strict JSON reader (RFC 8259) that keeps key order and the line and column of every
/// value, and reads a stream of several values as kubectl does.
struct JSONReader {
    struct Root {
        var node: ManifestNode
        var range: Range<Int>
    }

    private let bytes: [UInt8]
    private let file: String?
    /// What to skip of the root value (`parseSkipping`); nil reads everything.
    private let prune: JSONPrune?
    private var index: Int
    private var line = 1
    private var lineStart: Int

    private init(_ bytes: [UInt8], from start: Int, file: String?, prune: JSONPrune? = nil) {
        self.bytes = bytes
        self.file = file
        self.prune = prune
        self.index = start
        self.lineStart = start
    }

    static func parseStream(_ bytes: [UInt8], from start: Int, file: String?) throws(ManifestParseError) -> [Root] {
        var reader = JSONReader(bytes, from: start, file: file)
        var roots: [Root] = []
        reader.skipWhitespace()
        while reader.index < bytes.count {
            let begin = reader.index
            let node = try reader.parseValue(depth: 0, prune: nil)
            roots.append(Root(node: node, range: begin..<reader.index))
            reader.skipWhitespace()
        }
        if roots.isEmpty {
            throw reader.error("the file holds no JSON value")
        }
        return roots
    }

    /// One JSON value without the members `prune` names: they are stepped over without
    /// building nodes (an API list's `managedFields` are most of its bytes).
    static func parseSkipping(_ bytes: [UInt8], prune: JSONPrune) throws(ManifestParseError) -> ManifestNode {
        var reader = JSONReader(bytes, from: 0, file: nil, prune: prune)
        let node = try reader.parseValue(depth: 0, prune: prune)
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("more than one JSON value") }
        return node
    }

    /// The last column computed and where: positions are asked for in reading order, so
    /// each one counts only the bytes since the last. (Counting from the start of the line
    /// every time is quadratic on a one-line API response.)
    private var columnMark = (index: 0, column: 1)

    private mutating func column() -> Int {
        // Columns count characters, not bytes, so CJK text before an error does not shift it.
        let end = min(index, bytes.count)
        var (from, column) = columnMark.index >= lineStart && columnMark.index <= end ? columnMark : (lineStart, 1)
        while from < end {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        columnMark = (end, column)
        return column
    }

    private mutating func here() -> SourcePosition { SourcePosition(line: line, column: column()) }

    private mutating func error(_ message: String) -> ManifestParseError {
        ManifestParseError(file: file, line: line, column: column(), message: message)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format: "byte 0x%02X", byte)
    }

    /// `depth`: the objects and arrays around the value. Like the YAML check, the bound
    /// counts objects and arrays only, so both formats accept the same nesting.
    private mutating func parseValue(depth: Int, prune: JSONPrune?) throws(ManifestParseError) -> ManifestNode {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of file, expected a value") }
        let position = here()
        switch bytes[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < InputLimits.maxDepth else {
                throw ManifestParseError(file: file, line: position.line, column: position.column,
                                         limit: .tooDeep(limit: InputLimits.maxDepth))
            }
            return bytes[index] == UInt8(ascii: "{") ? try parseObject(depth: depth, position: position, prune: prune)
                : try parseArray(depth: depth, position: position, prune: prune)
        case UInt8(ascii: "\""):
            let text = try parseString()
            // JSON has one string style, so it states no preference for YAML output.
            return ManifestNode(.scalar(Scalar(text: text, kind: .string, style: .plain)), position: position)
        case UInt8(ascii: "t"): try expectWord("true"); return ManifestNode(.scalar(.bool(true)), position: position)
        case UInt8(ascii: "f"): try expectWord("false"); return ManifestNode(.scalar(.bool(false)), position: position)
        case UInt8(ascii: "n"): try expectWord("null"); return ManifestNode(.scalar(.null), position: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return ManifestNode(.scalar(try parseNumber()), position: position)
        default:
            throw error("unexpected \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func expectWord(_ word: String) throws(ManifestParseError) {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<index + utf8.count]) == utf8 else {
            throw error("unexpected \(describe(bytes[index])), expected a value")
        }
        index += utf8.count
    }

    private mutating func parseObject(depth: Int, position: SourcePosition, prune: JSONPrune?) throws(ManifestParseError) -> ManifestNode {
        index += 1
        var entries: [ManifestEntry] = []
        var keys: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return ManifestNode(.mapping(entries), position: position)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file inside an object") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describe(bytes[index])), expected a key in double quotes")
            }
            let keyPosition = here()
            let key = try parseString()
            if Self.isDuplicate(key, in: entries, keys: &keys) {
                throw ManifestParseError(file: file, line: keyPosition.line, column: keyPosition.column,
                                         message: "duplicate key: \(key)")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("expected ':' after the key \"\(key)\"")
            }
            index += 1
            let inner = prune?.member(key)
            if case .skip? = inner {
                try skipValue()
            } else {
                let value = try parseValue(depth: depth + 1, prune: inner)
                entries.append(ManifestEntry(key: key, value: value, keyPosition: keyPosition))
            }
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file, expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("unexpected \(describe(bytes[index])), expected ',' or '}'")
        }
        return ManifestNode(.mapping(entries), position: position)
    }

    /// Small objects (nearly all) search their few keys; a large one keeps a set, so an
    /// object of a million keys is read in linear time, not quadratic.
    private static func isDuplicate(_ key: String, in entries: [ManifestEntry], keys: inout Set<String>) -> Bool {
        let small = 16
        if entries.count < small { return entries.contains { $0.key == key } }
        if keys.isEmpty { keys = Set(entries.map(\.key)) }
        return !keys.insert(key).inserted
    }

    private mutating func parseArray(depth: Int, position: SourcePosition, prune: JSONPrune?) throws(ManifestParseError) -> ManifestNode {
        index += 1
        var items: [ManifestNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return ManifestNode(.sequence(items), position: position)
        }
        while true {
            items.append(try parseValue(depth: depth + 1, prune: prune?.member("*")))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of file, expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("unexpected \(describe(bytes[index])), expected ',' or ']'")
        }
        return ManifestNode(.sequence(items), position: position)
    }

    /// Steps over one value without building it: strings are scanned for their closing
    /// quote, brackets counted (no recursion, so no depth limit is needed). Malformed JSON
    /// is still refused where the scan notices it: an unclosed string or bracket.
    private mutating func skipValue() throws(ManifestParseError) {
        skipWhitespace()
        var open = 0
        repeat {
            guard index < bytes.count else { throw error("unexpected end of file inside a value") }
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while true {
                    guard index < bytes.count else { throw error("unexpected end of file inside a string") }
                    let byte = bytes[index]
                    index += byte == UInt8(ascii: "\\") ? 2 : 1
                    if byte == UInt8(ascii: "\"") { break }
                    if byte == 0x0A { line += 1; lineStart = index }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                open += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard open > 0 else { throw error("unexpected \(describe(bytes[index])), expected a value") }
                open -= 1
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0D:
                guard open > 0 else { return }
                index += 1
            default:
                index += 1
            }
        } while open > 0 || !(index >= bytes.count || Self.endsScalar(bytes[index]))
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0D, 0x0A: return true
        default: return false
        }
    }

    private mutating func parseNumber() throws(ManifestParseError) -> Scalar {
        let start = index
        var isFloat = false
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > digitsStart else { throw error("a number needs digits") }
        if bytes[digitsStart] == UInt8(ascii: "0"), index - digitsStart > 1 {
            throw error("a number may not start with 0")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isFloat = true
            index += 1
            let fraction = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > fraction else { throw error("a number needs digits after '.'") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isFloat = true
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponent = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > exponent else { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isFloat, Int(text) == nil { isFloat = true }
        return Scalar(text: text, kind: isFloat ? .float : .int, style: .plain)
    }

    private mutating func parseString() throws(ManifestParseError) -> String {
        index += 1
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unexpected end of file inside a string") }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                break
            }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "a string may not span lines; write \\n" : "a control character in a string must be escaped")
            }
            if byte != UInt8(ascii: "\\") {
                out.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { throw error("unexpected end of file inside a string") }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if (0xD800...0xDBFF).contains(code), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try parseHex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                }
                let scalar = UnicodeScalar(code) ?? "\u{FFFD}"
                out.append(contentsOf: Array(String(scalar).utf8))
            default:
                throw error("unknown escape \\\(Character(UnicodeScalar(escape)))")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func parseHex4() throws(ManifestParseError) -> UInt32 {
        guard index + 4 <= bytes.count,
              let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw error("\\u needs four hex digits")
        }
        index += 4
        return value
    }
}

/// What a JSON read skips: a tree of member names (`*` for every item of an array).
package indirect enum JSONPrune: Sendable {
    /// Skip the value.
    case skip
    /// Read the value, skipping these members of it.
    case members([String: JSONPrune])

    func member(_ key: String) -> JSONPrune? {
        if case .members(let members) = self { return members[key] }
        return nil
    }
}
