// Block mappings and sequences: keys and items are whole lines at a column.

extension PatchBuilder {
    private struct BlockEntry {
        var entry: ManifestEntry
        var keyOffset: Int
        var region: Range<Int>
    }

    mutating func patchBlockMapping(_ before: [ManifestEntry], _ after: [ManifestEntry], at path: FieldPath) -> Bool {
        var located: [BlockEntry] = []
        for entry in before {
            guard let position = entry.keyPosition, let keyOffset = lines.offset(of: position) else { return false }
            let column = lines.column(of: keyOffset)
            located.append(BlockEntry(entry: entry, keyOffset: keyOffset,
                                      region: region(from: keyOffset, column: column, flushItems: isBlockSequence(entry.value))))
        }
        guard let first = located.first else { return false }
        let column = lines.column(of: first.keyOffset)
        // Keys must not share lines or reach into one another (merge keys, odd layouts).
        guard zip(located, located.dropFirst()).allSatisfy({ $0.region.upperBound <= $1.region.lowerBound }) else { return false }
        let wanted = Dictionary(after.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let kept = located.filter { wanted[$0.entry.key] != nil }

        var index = 0
        while index < located.count {
            let item = located[index]
            if let value = wanted[item.entry.key] {
                let child = path.child(item.entry.key)
                if !patch(item.entry.value, value, at: child, flow: false) {
                    rewriteEntry(item, value, column: column, at: child)
                }
                index += 1
                continue
            }
            if lines.startsLine(item.keyOffset) {
                replace(attachedCommentsStart(lines.line(of: item.keyOffset))..<item.region.upperBound, with: "")
                index += 1
                continue
            }
            // The first key of a `- ` item: the keys up to the next kept one go, so that
            // the next kept key moves up onto the dash line.
            guard let next = located[(index + 1)...].first(where: { wanted[$0.entry.key] != nil }) else { return false }
            replace(item.keyOffset..<next.keyOffset, with: "")
            index = located.firstIndex(where: { $0.keyOffset == next.keyOffset }) ?? located.count
        }

        let keptKeys = Set(kept.map(\.entry.key))
        for (position, entry) in after.enumerated() where !keptKeys.contains(entry.key) {
            let neighbour = after[..<position].last(where: { keptKeys.contains($0.key) })
            let anchor = neighbour.flatMap { n in located.first { $0.entry.key == n.key } } ?? located[located.count - 1]
            insertLines(emitter.entry(entry.key, entry.value, indent: column), at: anchor.region.upperBound)
        }
        return true
    }

    /// Writes one entry anew, in place of its lines (its comments inside are not kept).
    private mutating func rewriteEntry(_ item: BlockEntry, _ value: ManifestNode, column: Int, at path: FieldPath) {
        var text = emitter.entry(item.entry.key, value, indent: column)
        if !lines.startsLine(item.keyOffset) { text = String(text.dropFirst(column)) }
        replaceLines(item.region, with: text, at: path)
    }

    private func isBlockSequence(_ node: ManifestNode) -> Bool {
        guard node.isSequence, let start = contentStart(of: node) else { return false }
        return !isFlow(start)
    }

    // MARK: Sequences

    private struct BlockItem {
        var node: ManifestNode
        var dash: Int
        var region: Range<Int>
    }

    mutating func patchBlockSequence(_ before: [ManifestNode], _ after: [ManifestNode], at path: FieldPath) -> Bool {
        guard !after.isEmpty, let pairs = SequenceMatcher.match(before, after) else { return false }
        var located: [BlockItem] = []
        for node in before {
            guard let start = contentStart(of: node), let dash = PatchStyleDetector.dashOffset(before: start, in: lines),
                  lines.startsLine(dash) else { return false }
            located.append(BlockItem(node: node, dash: dash,
                                     region: region(from: dash, column: lines.column(of: dash), flushItems: false)))
        }
        let dashColumn = lines.column(of: located[0].dash)
        let matched = Set(pairs.compactMap { $0 })
        for (index, item) in located.enumerated() where !matched.contains(index) {
            replace(attachedCommentsStart(lines.line(of: item.dash))..<item.region.upperBound, with: "")
        }
        var previous: Int?
        for (j, pair) in pairs.enumerated() {
            if let i = pair {
                let child = path.index(j)
                if !patch(before[i], after[j], at: child, flow: false) {
                    replaceLines(located[i].region, with: emitter.item(after[j], dashIndent: dashColumn), at: child)
                }
                previous = i
                continue
            }
            let text = emitter.item(after[j], dashIndent: dashColumn)
            if let previous {
                insertLines(text, at: located[previous].region.upperBound)
            } else {
                insertLines(text, at: attachedCommentsStart(lines.line(of: located[0].dash)))
            }
        }
        return true
    }
}
