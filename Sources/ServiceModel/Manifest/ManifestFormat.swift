/// The two text forms of a manifest.
public enum ManifestFormat: String, Sendable, Hashable, CaseIterable {
    case yaml, json

    /// The format a file name implies: `.json` is JSON, everything else YAML.
    public init(path: String) {
        self = path.lowercased().hasSuffix(".json") ? .json : .yaml
    }

    public var fileExtension: String { rawValue }
}
