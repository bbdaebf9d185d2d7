/// Writes the nodes a patch adds (and the ones it must write anew) in the document's own
/// style: its indentation step, indented or flush sequences, its line break, YAML or JSON.
struct PatchEmitter {
    var json: Bool
    /// Spaces per level: a mapping's keys below their parent key (YAML), or one level of a
    /// pretty-printed JSON document.
    var indentUnit: Int
    /// YAML: list items at their key's column (`- ` flush) rather than one step in.
    var flushSequences: Bool
    var newline: [UInt8]

    private func pad(_ count: Int) -> String { String(repeating: " ", count: count) }

    /// The bytes of a text written with `\n`, in the document's line break.
    func bytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        guard newline.count == 2 else { return utf8 }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    // MARK: YAML block

    /// `key: value` as block lines at `indent`, each ending in `\n`.
    func entry(_ key: String, _ value: ManifestNode, indent: Int) -> String {
        let head = pad(indent) + YAMLWriter.writeKey(key) + ":"
        switch value.content {
        case .scalar(let scalar):
            if let block = YAMLWriter.blockScalar(scalar, indent: indent + indentUnit) {
                return head + " " + block.header + "\n" + block.lines.map { $0 + "\n" }.joined()
            }
            let text = YAMLWriter.inlineScalar(scalar, indent: indent + indentUnit)
            return text.isEmpty ? head + "\n" : head + " " + text + "\n"
        case .mapping(let entries):
            if entries.isEmpty { return head + " {}\n" }
            return head + "\n" + entries.map { entry($0.key, $0.value, indent: indent + indentUnit) }.joined()
        case .sequence(let items):
            if items.isEmpty { return head + " []\n" }
            let dash = flushSequences ? indent : indent + indentUnit
            return head + "\n" + items.map { item($0, dashIndent: dash) }.joined()
        }
    }

    /// One `- item` at `dashIndent`, its mapping keys two columns in, as kubectl writes.
    func item(_ value: ManifestNode, dashIndent: Int) -> String {
        let lead = pad(dashIndent) + "- "
        switch value.content {
        case .scalar(let scalar):
            if let block = YAMLWriter.blockScalar(scalar, indent: dashIndent + 2) {
                return lead + block.header + "\n" + block.lines.map { $0 + "\n" }.joined()
            }
            return lead + YAMLWriter.inlineScalar(scalar, indent: dashIndent + 2) + "\n"
        case .mapping(let entries) where !entries.isEmpty:
            let body = entries.map { entry($0.key, $0.value, indent: dashIndent + 2) }.joined()
            return lead + body.dropFirst(dashIndent + 2)
        case .sequence(let items) where !items.isEmpty:
            let body = items.map { item($0, dashIndent: dashIndent + 2) }.joined()
            return lead + body.dropFirst(dashIndent + 2)
        default:
            return lead + flow(value) + "\n"
        }
    }

    // MARK: YAML flow and scalars

    /// A node on one line in YAML flow style (`{a: 1, b: [x, y]}`).
    func flow(_ node: ManifestNode) -> String {
        switch node.content {
        case .scalar(let scalar): return scalarText(scalar, keeping: nil, flow: true)
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let entries):
            return "{" + entries.map { flowKey($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        }
    }

    func flowKey(_ key: String) -> String {
        let plain = YAMLWriter.writeKey(key)
        return plain.first != "\"" && Self.hasFlowIndicator(key) ? YAMLWriter.doubleQuoted(key) : plain
    }

    /// A scalar's new text. A string keeps the quoting the author used (`keeping`) where the
    /// new value allows it, and is quoted where a YAML 1.1 reader would misread it plain.
    func scalarText(_ scalar: Scalar, keeping style: ScalarStyle?, flow: Bool) -> String {
        if json { return JSONWriter.scalarText(scalar) }
        guard scalar.kind == .string else { return YAMLWriter.inlineScalar(scalar, indent: 0) }
        var styled = scalar
        if scalar.style == .plain, let style, style == .singleQuoted || style == .doubleQuoted { styled.style = style }
        let text = YAMLWriter.inlineScalar(styled, indent: 0)
        if flow, text.first != "\"", text.first != "'", Self.hasFlowIndicator(scalar.text) {
            return YAMLWriter.doubleQuoted(scalar.text)
        }
        return text
    }

    private static func hasFlowIndicator(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]")
            || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    // MARK: JSON

    /// A JSON value whose continuation lines start at `indent` spaces (the column of the
    /// key or item it belongs to), pretty-printed like the document, or on one line.
    func jsonValue(_ node: ManifestNode, indent: Int, compact: Bool) -> String {
        if compact { return JSONWriter.compact(node) }
        var text = JSONWriter.write(node, indent: indentUnit)
        if text.hasSuffix("\n") { text.removeLast() }
        return text.replacingEvery("\n", with: "\n" + pad(indent))
    }
}
