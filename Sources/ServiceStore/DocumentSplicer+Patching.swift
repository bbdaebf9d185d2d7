import ServiceModel

// Updates that keep the document as its author wrote it: the new manifest is patched into
// the document's text (`ManifestTextPatcher`), or the user's own text takes its place.

extension DocumentSplicer {
    /// The file's bytes with `object` changed to `manifest` in place: only the bytes of
    /// changed values move. An item of a List is patched inside its List's document.
    static func patching(_ object: ManifestObject, in file: ManifestFile,
                         with manifest: ManifestNode) -> (body: [UInt8], report: PatchReport) {
        let document = file.documents[object.documentIndex]
        guard let root = document.root else {
            let bytes = replacing(object, in: file, with: manifest)
            let body = Array(bytes[document.bodyRange.lowerBound..<(document.bodyRange.upperBound + bytes.count - file.bytes.count)])
            return (body, PatchReport(rewritten: [.root]))
        }
        var updated = manifest
        if let listIndex = object.listIndex, var items = root["items"]?.items {
            items[listIndex] = manifest
            updated = root
            updated["items"] = ManifestNode(.sequence(items), position: root["items"]?.position)
        }
        let patched = ManifestTextPatcher.patch(Array(file.bytes[document.bodyRange]), format: file.format,
                                                firstLine: document.firstLine, original: root, updated: updated)
        return (patched.bytes, patched.report)
    }

    /// The body that puts `text` in `object`'s document's place, fitted to the document's
    /// line breaks. Nil for an item of a List (its text is not its own) or a text in another
    /// format than the file's.
    static func body(for object: ManifestObject, in file: ManifestFile, text: ManifestText) -> [UInt8]? {
        guard object.listIndex == nil, text.format == file.format else { return nil }
        let original = String(decoding: file.bytes[file.documents[object.documentIndex].bodyRange], as: UTF8.self)
        return Array(text.fitted(to: original).text.utf8)
    }

    /// The text of an object's own document, nil for an item of a List.
    static func text(of object: ManifestObject, in file: ManifestFile) -> ManifestText? {
        guard object.listIndex == nil else { return nil }
        return ManifestText(String(decoding: file.bytes[file.documents[object.documentIndex].bodyRange], as: UTF8.self),
                            format: file.format)
    }
}
