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

    /// The `-` of the block sequence item whose content starts at `offset`.
    static func dashOffset(before offset: Int, in lines: SourceLines) -> Int? {
        var index = offset - 1
        let lineStart = lines.lineStarts[lines.line(of: offset)]
        while index >= lineStart, lines.bytes[index] == 0x20 { index -= 1 }
        guard index >= lineStart, lines.bytes[index] == UInt8(ascii: "-") else {
            // A block scalar or nested collection item sits on the dash's own line only;
            // an item written as `-` alone on its line has its content below.
            if index < lineStart, lines.line(of: offset) > 0 {
                let previous = lines.line(of: offset) - 1
                let end = lines.contentEnd(previous)
                var last = end - 1
                while last >= lines.lineStarts[previous], lines.bytes[last] == 0x20 { last -= 1 }
                if last >= lines.lineStarts[previous], lines.bytes[last] == UInt8(ascii: "-") { return last }
            }
            return nil
        }
        return index
    }

    private static func firstIndent(_ lines: SourceLines) -> Int? {
        for line in 1..<max(1, lines.lineCount) where !lines.isBlank(line) {
            let indent = lines.indent(line)
            return indent > 0 ? indent : nil
        }
        return nil
    }
}
