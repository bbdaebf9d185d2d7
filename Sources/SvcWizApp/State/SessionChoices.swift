import ServiceStore

/// What the user chose for this run, by flags or on the way: where exports go, the
/// Kubernetes release checked against, and whether `Y` may set the terminal's clipboard.
package struct SessionChoices: Sendable {
    /// Where exports go; the prompt offers it.
    package var exportFolder: String
    /// The Kubernetes release checked against, shown in the title (`AppState+KubeVersion`).
    package var kubeVersion = KubeVersionChoice(version: .newest, source: .newest)
    /// `Y` sets the terminal's clipboard; false (`--no-clipboard`), it shows the text instead.
    package var clipboard = true

    package init(exportFolder: String) {
        self.exportFolder = exportFolder
    }
}
