import ServiceModel
import ServiceStore
import TerminalUI

/// What saving an edit writes where the backend keeps text (a workspace): the stored
/// document and the text that replaces it, so the diff shown is the diff written.
package struct SavePreview: Sendable, Hashable {
    /// The document as its file holds it now.
    package var original: ManifestText
    /// The document as it will be written.
    package var written: ManifestText
    package var report: PatchReport
}

extension ManifestText {
    /// The text with CR LF line breaks shown as LF, for line diffs.
    var lineFeedText: String { text.replacingEvery("\r\n", with: "\n") }
}

extension WizardState {
    /// The save of an edit on a service stored as text: `source` with the form's changes
    /// placed in it; a source in another format than the file's (the editor switched to
    /// JSON) gives way to the stored document patched with the form's manifest. Nil on a
    /// cluster, for a create, and for an item of a List.
    package var savePreview: SavePreview? {
        guard let stored, let original = stored.text else { return nil }
        let written: (text: ManifestText, report: PatchReport)?
        if let source, source.format == original.format {
            written = source.applying(draft)
        } else {
            written = original.patched(to: manifest)
        }
        guard let written else { return nil }
        return SavePreview(original: original, written: written.text.fitted(to: original.text), report: written.report)
    }

    /// The text the editor opens: `source` with the form's changes placed in it, so the
    /// comments of the stored document, or the ones typed in an earlier editor visit, stay.
    var editorSource: ManifestText? {
        guard let source, let patched = source.applying(draft) else { return nil }
        return patched.text
    }
}
