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
    /// `Y` sets the terminal's clipboard (OSC 52); off, it shows the text to copy by hand.
    package var clipboard = true

    package init(language: Language, readOnly: Bool = false, noColor: Bool = false) {
        self.language = language
        self.readOnly = readOnly
        self.noColor = noColor
    }
}

extension AppOptions {
    /// The clipboard is on unless `--no-clipboard` is given or `SVCWIZ_CLIPBOARD` says
    /// `off` (also `0`, `false`, `no`).
    package static func clipboardEnabled(noClipboardFlag: Bool, environment: [String: String]) -> Bool {
        guard !noClipboardFlag else { return false }
        let setting = environment["SVCWIZ_CLIPBOARD"]?.lowercased() ?? ""
        return !["off", "0", "false", "no"].contains(setting)
    }
}
