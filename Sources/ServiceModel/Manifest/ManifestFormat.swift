/// The two text forms of a manifest.
package enum ManifestFormat: String, Sendable, Hashable, CaseIterable {
    case yaml, json

    /// The format a file name implies: `.json` is JSON, everything else YAML.
    package init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }

    package var fileExtension: String { rawValue }
}
