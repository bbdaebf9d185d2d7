/// Reads a document's layout habits from its text: how far its nested keys are indented,
/// whether its list items sit at their key's column, which line break it uses.
enum PatchStyleDetector {
    static func emitter(for root: ManifestNode, in lines: SourceLines, json: Bool) -> PatchEmitter {
        var unit: Int?
        var flush: Bool?
        visit(root, in: lines, unit: &unit, flush: &flush)
        let fallback = json ? firstIndent(lines) ?? 4 : 2
        return PatchEmitter(json: json, indentUnit: unit ?? fallback, flushSequences: flush ?? true,
                            newline: lines.newline)
    }

    private static func visit(_ node: ManifestNode, in lines: SourceLines, unit: inout Int?, flush: inout Bool?) {
        guard unit == nil || flush == nil, let entries = node.entries else {
            for item in node.items ?? [] where unit == nil || flush == nil { visit(item, in: lines, unit: &unit, flush: &flush) }
            return
        }
        for entry in entries {
            guard let keyPosition = entry.keyPosition, let keyOffset = lines.offset(of: keyPosition) else { continue }
            let keyColumn = lines.column(of: keyOffset)
            if unit == nil, let child = entry.value.entries?.first, let position = child.keyPosition,
               let offset = lines.offset(of: position), lines.line(of: offset) > lines.line(of: keyOffset) {
                let step = lines.column(of: offset) - keyColumn
                if step > 0 { unit = step }
            }
            if flush == nil, let first = entry.value.items?.first, let position = first.position,
               let offset = lines.offset(of: position), let dash = dashOffset(before: offset, in: lines),
               lines.line(of: dash) > lines.line(of: keyOffset) {
                flush = lines.column(of: dash) == keyColumn
            }
            visit(entry.value, in: lines, unit: &unit, flush: &flush)
        }
    }

    /// The `-` of the block sequence item whose content starts at `offset`: on the same
    /// line, or alone on a line above it (`-` with at most a comment after it, followed by
    /// comment lines).
    static func dashOffset(before offset: Int, in lines: SourceLines) -> Int? {
        let bytes = lines.bytes
        var line = lines.line(of: offset)
        var index = offset - 1
        while index >= lines.lineStarts[line], bytes[index] == 0x20 { index -= 1 }
        if index >= lines.lineStarts[line] { return bytes[index] == UInt8(ascii: "-") ? index : nil }
        while line > 0 {
            line -= 1
            if lines.isComment(line) || lines.isBlank(line) { continue }
            let dash = lines.lineStarts[line] + lines.indent(line)
            guard bytes[dash] == UInt8(ascii: "-") else { return nil }
            var rest = dash + 1
            let end = lines.contentEnd(line)
            while rest < end, bytes[rest] == 0x20 || bytes[rest] == 0x09 { rest += 1 }
            return rest == end || bytes[rest] == UInt8(ascii: "#") ? dash : nil
        }
        return nil
    }

    private static func firstIndent(_ lines: SourceLines) -> Int? {
        for line in 1..<max(1, lines.lineCount) where !lines.isBlank(line) {
            let indent = lines.indent(line)
            return indent > 0 ? indent : nil
        }
        return nil
    }
}
