// Small edits the service draft makes on a manifest without disturbing what it does not own.

extension ManifestNode {
    /// A mapping holding `pairs` as strings, made from `self` with the least change: keys it
    /// already has keep their place and, when their text is unchanged, their node (scalar
    /// kind and style); keys not among `pairs` are dropped; new keys follow in `pairs` order.
    /// The first of duplicate keys in `pairs` wins. Nil when nothing is left.
    func merging(stringPairs pairs: [(key: String, value: String)]) -> ManifestNode? {
        var wanted: [String: String] = [:]
        for pair in pairs where wanted[pair.key] == nil { wanted[pair.key] = pair.value }
        var kept: Set<String> = []
        var result: [ManifestEntry] = []
        for entry in entries ?? [] {
            guard let value = wanted[entry.key], kept.insert(entry.key).inserted else { continue }
            var copy = entry
            if (entry.value.scalarText ?? "") != value { copy.value = .string(value) }
            result.append(copy)
        }
        for pair in pairs where kept.insert(pair.key).inserted {
            result.append(ManifestEntry(key: pair.key, value: .string(pair.value)))
        }
        return result.isEmpty ? nil : ManifestNode(.mapping(result), position: position)
    }

    /// Removes the node at `path`, then every mapping along it that the removal left empty.
    mutating func remove(_ path: FieldPath, pruningEmptyParentsUpTo stop: FieldPath) {
        set(path, to: nil)
        var parent = path.parent
        while parent.components.count > stop.components.count, parent.hasPrefix(stop),
              node(at: parent)?.entries?.isEmpty == true {
            set(parent, to: nil)
            parent = parent.parent
        }
    }
}
