import Foundation

/// Writes a node tree as block YAML the way kubectl does (two-space indent, list items at
/// their key's indentation), keeping each scalar's kind: a string that a YAML reader would
/// take for a number or boolean is quoted, and an unquoted `off` stays unquoted.
public enum YAMLWriter {
    public static func write(_ node: ManifestNode) -> String {
        var out = ""
        switch node.content {
        case .scalar(let scalar):
            out = inlineScalar(scalar, indent: 0) + "\n"
        case .sequence(let items) where items.isEmpty:
            out = "[]\n"
        case .mapping(let entries) where entries.isEmpty:
            out = "{}\n"
        default:
            for line in blockLines(node, indent: 0) {
                out += line
                out += "\n"
            }
        }
        return out
    }

    /// Several documents, separated by `---` lines.
    public static func writeStream(_ nodes: [ManifestNode]) -> String {
        nodes.map(write).joined(separator: "---\n")
    }

    /// The lines of a non-empty mapping or sequence, each indented by `indent` spaces.
    static func blockLines(_ node: ManifestNode, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        switch node.content {
        case .scalar(let scalar):
            lines.append(pad + inlineScalar(scalar, indent: indent))
        case .mapping(let entries):
            for entry in entries {
                let key = pad + writeKey(entry.key) + ":"
                appendValue(entry.value, after: key, childIndent: indent + 2, sequenceIndent: indent, into: &lines)
            }
        case .sequence(let items):
            for item in items {
                switch item.content {
                case .mapping(let e) where !e.isEmpty:
                    lines.append(contentsOf: dashed(blockLines(item, indent: indent + 2), indent: indent))
                case .sequence(let i) where !i.isEmpty:
                    lines.append(contentsOf: dashed(blockLines(item, indent: indent + 2), indent: indent))
                default:
                    appendValue(item, after: pad + "-", childIndent: indent + 2, sequenceIndent: indent + 2, into: &lines)
                }
            }
        }
        return lines
    }

    /// Replaces the first line's indentation with `- ` so a collection sits in a list item.
    private static func dashed(_ lines: [String], indent: Int) -> [String] {
        guard var first = lines.first else { return lines }
        first = String(repeating: " ", count: indent) + "- " + first.dropFirst(indent + 2)
        return [first] + lines.dropFirst()
    }

    private static func appendValue(_ value: ManifestNode, after prefix: String, childIndent: Int,
                                    sequenceIndent: Int, into lines: inout [String]) {
        switch value.content {
        case .scalar(let scalar):
            if let block = blockScalar(scalar, indent: childIndent) {
                lines.append(prefix + " " + block.header)
                lines.append(contentsOf: block.lines)
            } else {
                let text = inlineScalar(scalar, indent: childIndent)
                lines.append(text.isEmpty ? prefix : prefix + " " + text)
            }
        case .mapping(let entries):
            if entries.isEmpty {
                lines.append(prefix + " {}")
            } else {
                lines.append(prefix)
                lines.append(contentsOf: blockLines(value, indent: childIndent))
            }
        case .sequence(let items):
            if items.isEmpty {
                lines.append(prefix + " []")
            } else {
                lines.append(prefix)
                lines.append(contentsOf: blockLines(value, indent: sequenceIndent))
            }
        }
    }

    static func writeKey(_ key: String) -> String {
        YAML11.needsQuotes(key) || key.contains("\n") ? doubleQuoted(key) : key
    }

    /// A scalar on one line: plain, or quoted when it must be.
    static func inlineScalar(_ scalar: Scalar, indent: Int) -> String {
        switch scalar.kind {
        case .string:
            break
        case .null:
            return scalar.style == .plain ? scalar.text : "null"
        case .int, .float, .bool:
            if scalar.style == .plain, YAML11.resolve(scalar.text) == scalar.kind { return scalar.text }
            switch scalar.kind {
            case .int: return scalar.intValue.map(String.init) ?? scalar.text
            case .bool: return scalar.boolValue.map { $0 ? "true" : "false" } ?? scalar.text
            default: return scalar.text
            }
        }
        let text = scalar.text
        if scalar.style == .singleQuoted, canSingleQuote(text) {
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        }
        if scalar.style == .doubleQuoted || YAML11.needsQuotes(text) || text.contains("\n") {
            return doubleQuoted(text)
        }
        return text
    }

    struct Block {
        var header: String
        var lines: [String]
    }

    /// A multi-line string as a literal block (`|`), when it can be one without escapes.
    static func blockScalar(_ scalar: Scalar, indent: Int) -> Block? {
        guard scalar.kind == .string, scalar.style != .doubleQuoted, scalar.style != .singleQuoted || scalar.text.contains("\n") else { return nil }
        let text = scalar.text
        guard text.contains("\n"), isBlockSafe(text), text.contains(where: { $0 != "\n" }) else { return nil }
        var body = Substring(text)
        var trailing = 0
        while body.hasSuffix("\n") {
            body = body.dropLast()
            trailing += 1
        }
        let chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        let firstLine = body.prefix(while: { $0 != "\n" })
        let indicator = firstLine.hasPrefix(" ") || (body.isEmpty && trailing > 0) ? "2" : ""
        let pad = String(repeating: " ", count: indent)
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
        if trailing > 1 { lines.append(contentsOf: Array(repeating: "", count: trailing - 1)) }
        return Block(header: "|" + indicator + chomp, lines: lines)
    }

    private static func isBlockSafe(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A { continue }
            if v == 0x09 { continue }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || v == 0xFEFF || v == 0x2028 || v == 0x2029 { return false }
        }
        // Trailing spaces on a line survive a literal block, but a line of only spaces before
        // a more indented line would change the block's indentation: leave those quoted.
        return !text.split(separator: "\n", omittingEmptySubsequences: false).contains { line in
            !line.isEmpty && line.allSatisfy { $0 == " " }
        }
    }

    private static func canSingleQuote(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0.value == 0xFEFF }
    }

    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0x1B: out += "\\e"
            case 0x00..<0x20, 0x7F, 0x80...0x9F:
                out += "\\x" + hex(scalar.value, width: 2)
            case 0xFEFF, 0x2028, 0x2029:
                out += "\\u" + hex(scalar.value, width: 4)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
