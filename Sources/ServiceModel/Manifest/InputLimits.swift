/// The bounds every YAML and JSON input is read within (workspace files, imports, the
/// editor pane, kubeconfigs, API responses), so a hostile file costs a message, not the
/// machine. The alias rule is go-yaml v3's (`allowedAliasRatio`), the one the API server
/// adopted after CVE-2019-11253.
package enum InputLimits {
    /// The largest file read; bigger ones are refused before they are read into memory.
    package static let maxFileBytes = 32 * 1024 * 1024

    /// The deepest nesting of mappings and lists, counted with aliases expanded. Real
    /// manifests, CRD schemas included, stay far below it; the bound keeps every recursive
    /// walk of a tree (compose, write, compare, merge, patch, free) far inside the stack of
    /// a worker thread, even in a debug build with address sanitizer.
    package static let maxDepth = 128

    /// Alias expansion is checked only past these counts, so small documents that use a
    /// few anchors (the usual `<<: *defaults`) are never refused.
    static let aliasCheckMinimumAliased = 100
    static let aliasCheckMinimumNodes = 1000

    /// The share of a document's nodes that may come from alias expansion, by how many
    /// nodes the document holds once expanded: 99% up to 400,000 nodes, falling smoothly
    /// to 10% at 4,000,000, so expansion stays proportional to what was written.
    static func allowedAliasRatio(_ nodes: Int) -> Double {
        let low = 400_000, high = 4_000_000
        if nodes <= low { return 0.99 }
        if nodes >= high { return 0.10 }
        return 0.99 - 0.89 * Double(nodes - low) / Double(high - low)
    }

    /// Whether `aliased` expanded nodes out of `nodes` in all is more than allowed.
    static func aliasingExcessive(aliased: Int, nodes: Int) -> Bool {
        aliased > aliasCheckMinimumAliased && nodes > aliasCheckMinimumNodes
            && Double(aliased) / Double(nodes) > allowedAliasRatio(nodes)
    }
}

/// Which bound an input broke, with what its message names.
package enum InputLimitViolation: Sendable, Hashable {
    /// Alias `*anchor` made the document expand past the allowed share: `aliased` nodes
    /// from aliases out of `nodes` in all.
    case aliasExpansion(anchor: String, aliased: Int, nodes: Int)
    /// Mappings and lists nested deeper than `limit`.
    case tooDeep(limit: Int)
    /// A file of `bytes`, over `limit`.
    case tooLarge(bytes: Int, limit: Int)

    /// The catalog's words for it, in `language`.
    package func message(in language: Language) -> String {
        switch self {
        case let .aliasExpansion(anchor, aliased, nodes):
            let share = Int((InputLimits.allowedAliasRatio(nodes) * 100).rounded())
            return Catalog.text(.inputAliasExpansion, [anchor, String(aliased), String(nodes), String(share)], language: language)
        case let .tooDeep(limit):
            return Catalog.text(.inputTooDeep, [String(limit)], language: language)
        case let .tooLarge(bytes, limit):
            return Catalog.text(.inputTooLarge, [Self.size(bytes), Self.size(limit)], language: language)
        }
    }

    /// Sizes in MiB with one decimal when it matters: "40.5 MiB", "32 MiB".
    static func size(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024)
        if tenths < 10 { return "\(bytes) bytes" }
        return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}

extension MessageKey {
    /// {0}: the anchor, {1}: nodes from aliases, {2}: nodes in all, {3}: the allowed percent.
    package static let inputAliasExpansion: MessageKey = "input.aliasExpansion"
    /// {0}: the depth limit.
    package static let inputTooDeep: MessageKey = "input.tooDeep"
    /// {0}: the file's size, {1}: the limit.
    package static let inputTooLarge: MessageKey = "input.tooLarge"
}
