import ServiceModel

/// What the command line decided before the terminal UI starts.
public struct AppOptions: Sendable {
    public var language: Language
    public var readOnly: Bool
    public var noColor: Bool

    public init(language: Language, readOnly: Bool = false, noColor: Bool = false) {
        self.language = language
        self.readOnly = readOnly
        self.noColor = noColor
    }
}
