/// Pairs the items of a sequence before and after an edit, so that an edited item is patched
/// where it is written (keeping its comments) instead of being removed and added again.
enum SequenceMatcher {
    /// For each new item, the index of the old item it continues, or nil for a new item.
    /// Nil when the kept items changed order (the text cannot keep its order then).
    static func match(_ old: [ManifestNode], _ new: [ManifestNode]) -> [Int?]? {
        var result = [Int?](repeating: nil, count: new.count)
        var used = Set<Int>()
        let passes: [(ManifestNode, ManifestNode) -> Bool] = [{ $0 == $1 }, sameName, samePort]
        for pass in passes {
            for j in new.indices where result[j] == nil {
                if let i = old.indices.first(where: { !used.contains($0) && pass(old[$0], new[j]) }) {
                    result[j] = i
                    used.insert(i)
                }
            }
        }
        let matched = result.compactMap { $0 }
        guard zip(matched, matched.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        // What is left pairs by position between the matched items: an item edited in both
        // its name and its number is still the same item.
        var previous = -1
        for j in new.indices {
            if let i = result[j] {
                previous = i
                continue
            }
            let next = result[(j + 1)...].lazy.compactMap { $0 }.first ?? old.count
            if previous + 1 < next, !used.contains(previous + 1), sameShape(old[previous + 1], new[j]) {
                result[j] = previous + 1
                used.insert(previous + 1)
                previous += 1
            }
        }
        return result
    }

    /// Identity by the `name` of a port (or any named item).
    private static func sameName(_ a: ManifestNode, _ b: ManifestNode) -> Bool {
        guard let x = a["name"]?.scalarText, let y = b["name"]?.scalarText, !x.isEmpty else { return false }
        return x == y
    }

    /// Identity by port number and protocol (TCP when not written).
    private static func samePort(_ a: ManifestNode, _ b: ManifestNode) -> Bool {
        guard let x = a["port"]?.scalarText, let y = b["port"]?.scalarText, x == y else { return false }
        return (a["protocol"]?.scalarText ?? "TCP") == (b["protocol"]?.scalarText ?? "TCP")
    }

    private static func sameShape(_ a: ManifestNode, _ b: ManifestNode) -> Bool {
        switch (a.content, b.content) {
        case (.scalar, .scalar), (.mapping, .mapping), (.sequence, .sequence): return true
        default: return false
        }
    }
}
