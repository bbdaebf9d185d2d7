#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes a node tree as JSON, indented by four spaces as `kubectl get -o json` does.
/// Integers are written in decimal (`0x50` becomes 80); strings stay strings.
package enum JSONWriter {
    package static func write(_ node: ManifestNode, indent: Int = 4) -> String {
        var out = ""
        write(node, level: 0, indent: indent, into: &out)
        return out + "\n"
    }

    /// One line without spaces, as the API server writes: for request bodies and watch lines.
    package static func compact(_ node: ManifestNode) -> String {
        var out = ""
        compact(node, into: &out)
        return out
    }

    private static func compact(_ node: ManifestNode, into out: inout String) {
        switch node.content {
        case .scalar(let scalar):
            out += scalarText(scalar)
        case .sequence(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                compact(item, into: &out)
            }
            out += "]"
        case .mapping(let entries):
            out += "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                out += quoted(entry.key) + ":"
                compact(entry.value, into: &out)
            }
            out += "}"
        }
    }

    private static func write(_ node: ManifestNode, level: Int, indent: Int, into out: inout String) {
        switch node.content {
        case .scalar(let scalar):
            out += scalarText(scalar)
        case .sequence(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: (level + 1) * indent)
                write(item, level: level + 1, indent: indent, into: &out)
            }
            out += "\n" + String(repeating: " ", count: level * indent) + "]"
        case .mapping(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            for (i, entry) in entries.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += String(repeating: " ", count: (level + 1) * indent)
                out += quoted(entry.key) + ": "
                write(entry.value, level: level + 1, indent: indent, into: &out)
            }
            out += "\n" + String(repeating: " ", count: level * indent) + "}"
        }
    }

    static func scalarText(_ scalar: Scalar) -> String {
        switch scalar.kind {
        case .string: return quoted(scalar.text)
        case .null: return "null"
        case .bool: return scalar.boolValue == true ? "true" : "false"
        case .int: return scalar.intValue.map(String.init) ?? quoted(scalar.text)
        case .float:
            guard let value = scalar.doubleValue, value.isFinite else { return quoted(scalar.text) }
            let text = scalar.text.replacingEvery("_", with: "")
            return isJSONNumber(text) ? text : "\(value)"
        }
    }

    private static func isJSONNumber(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first == "+" || first == "." { return false }
        if text.hasSuffix(".") || text.contains(".e") || text.contains(".E") { return false }
        let digits = text.drop(while: { $0 == "-" })
        if digits.hasPrefix("0"), digits.count > 1, digits.dropFirst().first?.isNumber == true { return false }
        return Double(text) != nil
    }

    static func quoted(_ text: String) -> String {
        QuotedString.quoted(text) { value in
            switch value {
            case 0x08: return "\\b"
            case 0x0C: return "\\f"
            case 0x00..<0x20, 0x7F, 0x2028, 0x2029: return "\\u" + YAMLWriter.hex(value, width: 4).lowercased()
            default: return nil
            }
        }
    }
}
