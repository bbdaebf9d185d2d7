import ServiceModel
import ServiceStore

/// What the command line decided before the terminal UI starts.
package struct AppOptions: Sendable {
    package var language: Language
    package var readOnly: Bool
    package var noColor: Bool
    /// The Kubernetes release whose rules the forms and the editor check.
    package var kubeVersion = KubeVersionChoice(version: .newest, source: .newest)
    /// The release of another backend after `:ctx` (a cluster's `/version`); nil keeps
    /// `kubeVersion`.
    package var kubeVersionOfBackend: (@Sendable (any Backend) async -> KubeVersionChoice)?

    package init(language: Language, readOnly: Bool = false, noColor: Bool = false) {
        self.language = language
        self.readOnly = readOnly
        self.noColor = noColor
    }
}
