/// A three-way merge of manifests, for re-applying the user's edits to a service that
/// changed on the other side: what the user changed since `base` wins where both changed;
/// everything else comes from `theirs`. Mappings merge key by key; lists and scalars are
/// taken whole.
package enum ManifestMerge {
    package static func threeWay(base: ManifestNode?, ours: ManifestNode?, theirs: ManifestNode?) -> ManifestNode? {
        if ours == base { return theirs }
        if theirs == base || ours == theirs { return ours }
        guard let ours, let theirs, let oursEntries = ours.entries, let theirsEntries = theirs.entries else {
            return ours
        }
        let baseEntries = base?.entries ?? []
        var merged: [ManifestEntry] = []
        var keys: [String] = theirsEntries.map(\.key)
        for entry in oursEntries where !keys.contains(entry.key) { keys.append(entry.key) }
        for key in keys {
            let b = baseEntries.first { $0.key == key }?.value
            let o = oursEntries.first { $0.key == key }?.value
            let t = theirsEntries.first { $0.key == key }?.value
            if let value = threeWay(base: b, ours: o, theirs: t) {
                merged.append(ManifestEntry(key: key, value: value))
            }
        }
        return ManifestNode(.mapping(merged), position: theirs.position)
    }
}
