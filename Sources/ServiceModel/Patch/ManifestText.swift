/// A manifest as text: a document as its author wrote it (comments, layout), and its format.
package struct ManifestText: Sendable, Hashable {
    package var text: String
    package var format: ManifestFormat

    package init(_ text: String, format: ManifestFormat) {
        self.text = text
        self.format = format
    }

    /// The one object the text holds, nil when it does not parse as one.
    package var root: ManifestNode? {
        guard let file = try? ManifestReader.parse(text, format: format) else { return nil }
        let roots = file.documents.compactMap(\.root)
        return roots.count == 1 ? roots[0] : nil
    }

    /// The text with the draft's changes placed in it (see `ManifestTextPatcher`); nil when
    /// the text does not parse as one object.
    package func applying(_ draft: ServiceDraft) -> (text: ManifestText, report: PatchReport)? {
        guard let root else { return nil }
        return patched(to: draft.apply(to: root))
    }

    /// The text changed to say `updated`, touching only the bytes of changed values.
    package func patched(to updated: ManifestNode) -> (text: ManifestText, report: PatchReport)? {
        guard let result = ManifestTextPatcher.patch(text, format: format, updated: updated) else { return nil }
        return (ManifestText(result.text, format: format), result.report)
    }

    /// `self` written in the place of `original`: its line breaks (CRLF or LF) and whether
    /// it ends with one follow the original's, so that a text from the editor (which shows
    /// neither) changes no line it did not edit.
    package func fitted(to original: String) -> ManifestText {
        var lines = text.replacingEvery("\r\n", with: "\n")
        while lines.hasSuffix("\n") { lines.removeLast() }
        let originalEndsWithBreak = original.utf8.last == 0x0A
        if original.contains("\r\n") { lines = lines.replacingEvery("\n", with: "\r\n") }
        if originalEndsWithBreak { lines += original.contains("\r\n") ? "\r\n" : "\n" }
        return ManifestText(lines, format: format)
    }
}
