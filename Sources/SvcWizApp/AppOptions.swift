import ServiceModel
import ServiceStore

/// What the command line decided before the terminal UI starts.
public struct AppOptions: Sendable {
    public var language: Language
    public var readOnly: Bool
    public var noColor: Bool
    /// The namespace to open, or nil for the backend's default.
    public var namespace: String?
    /// The Kubernetes release whose rules the forms and the editor check.
    public var kubeVersion = KubeVersionChoice(version: .newest, source: .newest)
    /// The release of another backend after `:ctx` (a cluster's `/version`); nil keeps
    /// `kubeVersion`.
    public var kubeVersionOfBackend: (@Sendable (any Backend) async -> KubeVersionChoice)?

    public init(language: Language, readOnly: Bool = false, noColor: Bool = false, namespace: String? = nil) {
        self.language = language
        self.readOnly = readOnly
        self.noColor = noColor
        self.namespace = namespace
    }
}
