// Flow collections (`{a: 1}`, `[x, y]`) and every JSON object and array: entries are spans
// between commas.

extension PatchBuilder {
    private struct FlowEntry {
        var start: Int
        var valueEnd: Int
    }

    mutating func patchFlowMapping(_ before: [ManifestEntry], _ after: [ManifestEntry], at path: FieldPath, open: Int) -> Bool {
        guard !before.isEmpty else { return rewriteFlow(.mapping(after), at: path, open: open, quietly: true) }
        guard !after.isEmpty else { return rewriteFlow(.mapping(after), at: path, open: open, quietly: false) }
        var located: [FlowEntry] = []
        for entry in before {
            guard let position = entry.keyPosition, let start = lines.offset(of: position),
                  let end = flowSpanEnd(of: entry.value) else { return false }
            located.append(FlowEntry(start: start, valueEnd: end))
        }
        let wanted = Dictionary(after.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let keep = before.map { wanted[$0.key] != nil }
        for (index, entry) in before.enumerated() {
            guard let value = wanted[entry.key] else { continue }
            let child = path.child(entry.key)
            if !patch(entry.value, value, at: child, flow: true) {
                guard let start = contentStart(of: entry.value) else { return false }
                replace(start..<located[index].valueEnd, with: flowText(value, indent: indent(of: located[index].start)))
                noteRewritten(child)
            }
        }
        let separator = flowSeparator(located, open: open)
        let keyIndent = indent(of: located[0].start)
        func written(_ entry: ManifestEntry) -> String {
            let key = json ? JSONWriter.quoted(entry.key) : emitter.flowKey(entry.key)
            let colon = json && !spacedColon(before, located) ? ":" : ": "
            return key + colon + flowText(entry.value, indent: keyIndent)
        }
        guard keep.contains(true) else {
            // Every key replaced: the new ones take the old ones' place and layout.
            replace(located[0].start..<located[located.count - 1].valueEnd,
                    with: after.map(written).joined(separator: separator))
            return true
        }
        _ = removeFlowSpans(located, keep: keep)
        let keptKeys = Set(before.filter { wanted[$0.key] != nil }.map(\.key))
        for (position, entry) in after.enumerated() where !keptKeys.contains(entry.key) {
            let neighbour = after[..<position].last(where: { keptKeys.contains($0.key) })
            let index = neighbour.flatMap { n in before.firstIndex { $0.key == n.key } } ?? located.count - 1
            replace(located[index].valueEnd..<located[index].valueEnd, with: separator + written(entry))
        }
        return true
    }

    mutating func patchFlowSequence(_ before: [ManifestNode], _ after: [ManifestNode], at path: FieldPath, open: Int) -> Bool {
        guard !before.isEmpty else { return rewriteFlow(.sequence(after), at: path, open: open, quietly: true) }
        guard !after.isEmpty, let pairs = SequenceMatcher.match(before, after) else { return false }
        var located: [FlowEntry] = []
        for node in before {
            guard let start = contentStart(of: node), let end = flowSpanEnd(of: node) else { return false }
            located.append(FlowEntry(start: start, valueEnd: end))
        }
        let matched = Set(pairs.compactMap { $0 })
        let separator = flowSeparator(located, open: open)
        let itemIndent = indent(of: located[0].start)
        guard !matched.isEmpty else {
            replace(located[0].start..<located[located.count - 1].valueEnd,
                    with: after.map { flowText($0, indent: itemIndent) }.joined(separator: separator))
            return true
        }
        var previous: Int?
        for (j, pair) in pairs.enumerated() {
            if let i = pair {
                let child = path.index(j)
                if !patch(before[i], after[j], at: child, flow: true) {
                    replace(located[i].start..<located[i].valueEnd, with: flowText(after[j], indent: itemIndent))
                    noteRewritten(child)
                }
                previous = i
            } else if let previous {
                replace(located[previous].valueEnd..<located[previous].valueEnd,
                        with: separator + flowText(after[j], indent: itemIndent))
            } else {
                replace(located[0].start..<located[0].start, with: flowText(after[j], indent: itemIndent) + separator)
            }
        }
        return removeFlowSpans(located, keep: before.indices.map(matched.contains))
    }

    /// Removes the entries not kept, each with the comma before it (the ones before the
    /// first kept entry with the comma after them). False when none is kept.
    private mutating func removeFlowSpans(_ located: [FlowEntry], keep: [Bool]) -> Bool {
        guard let firstKept = keep.firstIndex(of: true) else { return false }
        if firstKept > 0 { replace(located[0].start..<located[firstKept].start, with: "") }
        for index in located.indices where index > firstKept && !keep[index] {
            replace(located[index - 1].valueEnd..<located[index].valueEnd, with: "")
        }
        return true
    }

    /// A whole flow collection written anew (an empty one filled, or one emptied).
    private mutating func rewriteFlow(_ node: ManifestNode.Content, at path: FieldPath, open: Int, quietly: Bool) -> Bool {
        guard let end = ScalarSpan.flowEnd(bytes, at: open) else { return false }
        replace(open..<end, with: flowText(ManifestNode(node), indent: lines.indent(lines.line(of: open))))
        if !quietly { noteRewritten(path) }
        return true
    }

    /// A value in flow context: JSON in the document's layout, or YAML flow on one line.
    private func flowText(_ node: ManifestNode, indent: Int) -> String {
        guard json else { return emitter.flow(node) }
        let compact = !bytes.contains(0x0A)
        return emitter.jsonValue(node, indent: indent, compact: compact)
    }

    /// The indentation of the line an offset is on.
    private func indent(of offset: Int) -> Int { lines.indent(lines.line(of: offset)) }

    /// What separates entries: the text between the first two, else a comma and a line
    /// break at the entry's indentation when the collection spans lines, else `, `.
    private func flowSeparator(_ located: [FlowEntry], open: Int) -> String {
        if located.count > 1 {
            let between = bytes[located[0].valueEnd..<located[1].start]
            if !between.contains(UInt8(ascii: "#")) { return String(decoding: between, as: UTF8.self).replacingEvery("\r\n", with: "\n") }
        }
        if lines.line(of: located[0].start) > lines.line(of: open) {
            return ",\n" + String(repeating: " ", count: indent(of: located[0].start))
        }
        return json && !bytes.contains(0x20) ? "," : ", "
    }

    /// True when the first JSON key is followed by `": "` rather than `":"`.
    private func spacedColon(_ before: [ManifestEntry], _ located: [FlowEntry]) -> Bool {
        guard let valueStart = contentStart(of: before[0].value), valueStart > 0 else { return true }
        return bytes[valueStart - 1] == 0x20
    }
}
