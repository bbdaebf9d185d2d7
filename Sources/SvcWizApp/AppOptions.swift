import ServiceModel

/// What the command line decided before the terminal UI starts.
public struct AppOptions: Sendable {
    public var language: Language
    public var readOnly: Bool
    public var noColor: Bool
    /// The namespace to open, or nil for the backend's default.
    public var namespace: String?

    public init(language: Language, readOnly: Bool = false, noColor: Bool = false, namespace: String? = nil) {
        self.language = language
        self.readOnly = readOnly
        self.noColor = noColor
        self.namespace = namespace
    }
}
