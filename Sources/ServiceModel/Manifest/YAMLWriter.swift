#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes a node tree as block YAML the way kubectl does (two-space indent, list items at
/// their key's indentation), keeping each scalar's kind: a string that a YAML reader would
/// take for a number or boolean is quoted, and an unquoted `off` stays unquoted.
package enum YAMLWriter {
    package static func write(_ node: ManifestNode) -> String {
        switch node.content {
        case .scalar(let scalar):
            return inlineScalar(scalar, indent: 0) + "\n"
        case .sequence(let items) where items.isEmpty:
            return "[]\n"
        case .mapping(let entries) where entries.isEmpty:
            return "{}\n"
        default:
            var out = Output()
            out.block(node, indent: 0, firstPad: nil)
            return out.text
        }
    }

    /// Several documents, separated by `---` lines.
    package static func writeStream(_ nodes: [ManifestNode]) -> String {
        nodes.map(write).joined(separator: "---\n")
    }

    /// The text being written, line by line into one string: building an array of lines
    /// per level (and copying it to put a `- ` in front) made writing slower than PyYAML's
    /// C dumper.
    private struct Output {
        var text = ""
        private var pads: [String] = [""]

        /// `count` spaces, made once per width.
        mutating func pad(_ count: Int) -> String {
            while pads.count <= count { pads.append(pads[pads.count - 1] + " ") }
            return pads[count]
        }

        mutating func line(_ prefix: String, _ content: String = "") {
            text += prefix
            text += content
            text += "\n"
        }

        /// The lines of a non-empty mapping or sequence, each indented by `indent` spaces;
        /// the first line's indentation is `firstPad` when given (a `- ` of the list item
        /// the collection sits in: `firstPad` is always `indent` characters long).
        mutating func block(_ node: ManifestNode, indent: Int, firstPad: String?) {
            var lead = firstPad
            // Not `defer { lead = nil }; return lead ?? …`: Swift 6.3's optimizer crashes on it.
            func take(_ output: inout Output) -> String {
                guard let first = lead else { return output.pad(indent) }
                lead = nil
                return first
            }
            switch node.content {
            case .scalar(let scalar):
                line(take(&self), inlineScalar(scalar, indent: indent))
            case .mapping(let entries):
                for entry in entries {
                    let written = writeKey(entry.key)
                    if written.unicodeScalars.count > YAMLWriter.longestImplicitKey {
                        // `? key` on a line of its own, then `: value`.
                        line(take(&self) + "? ", written)
                        value(entry.value, after: pad(indent) + ":", childIndent: indent + 2, sequenceIndent: indent + 2)
                        continue
                    }
                    let key = take(&self) + written + ":"
                    value(entry.value, after: key, childIndent: indent + 2, sequenceIndent: indent)
                }
            case .sequence(let items):
                for item in items {
                    switch item.content {
                    case .mapping(let e) where !e.isEmpty:
                        block(item, indent: indent + 2, firstPad: take(&self) + "- ")
                    case .sequence(let i) where !i.isEmpty:
                        block(item, indent: indent + 2, firstPad: take(&self) + "- ")
                    default:
                        value(item, after: take(&self) + "-", childIndent: indent + 2, sequenceIndent: indent + 2)
                    }
                }
            }
        }

        private mutating func value(_ value: ManifestNode, after prefix: String, childIndent: Int, sequenceIndent: Int) {
            switch value.content {
            case .scalar(let scalar):
                if let block = blockScalar(scalar, indent: childIndent) {
                    line(prefix + " ", block.header)
                    for blockLine in block.lines { line(blockLine) }
                } else {
                    let text = inlineScalar(scalar, indent: childIndent)
                    text.isEmpty ? line(prefix) : line(prefix + " ", text)
                }
            case .mapping(let entries):
                if entries.isEmpty {
                    line(prefix, " {}")
                } else {
                    line(prefix)
                    block(value, indent: childIndent, firstPad: nil)
                }
            case .sequence(let items):
                if items.isEmpty {
                    line(prefix, " []")
                } else {
                    line(prefix)
                    block(value, indent: sequenceIndent, firstPad: nil)
                }
            }
        }
    }

    /// libyaml reads a key written before its `:` (an implicit key) only when the `:` is
    /// within 1,024 characters of the key's start; longer keys are written explicitly.
    static let longestImplicitKey = 1_000

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
            return "'" + text.replacingEvery("'", with: "''") + "'"
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
        QuotedString.quoted(text) { value in
            switch value {
            case 0x00: return "\\0"
            case 0x1B: return "\\e"
            case 0x00..<0x20, 0x7F, 0x80...0x9F: return "\\x" + hex(value, width: 2)
            case 0xFEFF, 0x2028, 0x2029: return "\\u" + hex(value, width: 4)
            default: return nil
            }
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
