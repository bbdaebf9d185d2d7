/// Turns a document's text into the text of an edited manifest by changing only the bytes
/// that carry a changed value: comments, blank lines, key order, indentation, quoting,
/// flow collections, anchors and line breaks stay as the author wrote them.
///
/// - A changed scalar: its bytes are replaced, keeping its quotes where the new value allows.
/// - An added key: inserted in the mapping's own style (block or flow, at its keys' column),
///   after its neighbour in the new manifest when that key was there before, else at the end.
/// - A removed key: its lines go, with its inline comment and the comment lines directly
///   above it (no blank line between); a blank line above stays.
/// - Sequence items are matched by identity (a port's name, else its number and protocol;
///   a scalar by value; else by position among the unmatched): an edited item keeps its
///   comments, a new one takes its siblings' `- ` column, a removed one takes its lines.
///
/// Where a change cannot be placed safely, that one node is written anew and named in the
/// report. The result is read back and compared with the wanted manifest before it is
/// returned; when even that fails the document is written anew, and the report says so.
package enum ManifestTextPatcher {
    /// The new text of a document. `bytes` is the document's text, `original` the tree read
    /// from it (positions counted from `firstLine`), `updated` the manifest wanted.
    package static func patch(_ bytes: [UInt8], format: ManifestFormat, firstLine: Int = 1,
                             original: ManifestNode, updated: ManifestNode) -> PatchedText {
        // The same data in other spellings or key order is no change: the author's stays.
        if original.sameData(as: updated) { return PatchedText(bytes: bytes, report: PatchReport()) }
        let lines = SourceLines(bytes, firstLine: firstLine)
        let emitter = PatchStyleDetector.emitter(for: original, in: lines, json: format == .json)
        var forced: Set<FieldPath> = []
        for attempt in 0..<2 {
            if attempt == 1 {
                // A second try writes each changed top-level field anew.
                forced = Set((updated.entries ?? []).compactMap { entry in
                    original[entry.key] == entry.value ? nil : FieldPath.root.child(entry.key)
                })
            }
            var builder = PatchBuilder(lines: lines, emitter: emitter, forced: forced)
            if builder.patch(original, updated, at: .root, flow: false),
               let patched = TextEdit.apply(builder.edits, to: bytes),
               reads(patched, format: format, as: updated) {
                return PatchedText(bytes: patched, report: PatchReport(rewritten: builder.rewritten))
            }
        }
        return PatchedText(bytes: rewritten(bytes, lines: lines, format: format, emitter: emitter, original: original,
                                            updated: updated),
                           report: PatchReport(rewritten: [.root]))
    }

    /// The new text of a document given as text: it is parsed here. Nil when it does not
    /// parse as one object.
    package static func patch(_ text: String, format: ManifestFormat, updated: ManifestNode) -> PatchedText? {
        let bytes = Array(text.utf8)
        guard let file = try? ManifestReader.parse(bytes: bytes, format: format) else { return nil }
        let roots = file.documents.compactMap(\.root)
        guard roots.count == 1, let root = roots.first else { return nil }
        // Lines are counted from the start of the text, as the reader counted them.
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = Array(bytes[start...])
        var patched = patch(body, format: file.format, firstLine: 1, original: root, updated: updated)
        if start > 0 { patched.bytes = Array(bytes[..<start]) + patched.bytes }
        return patched
    }

    /// True when `bytes` read as one document holding the same data as `expected`.
    static func reads(_ bytes: [UInt8], format: ManifestFormat, as expected: ManifestNode) -> Bool {
        guard let file = try? ManifestReader.parse(bytes: bytes, format: format) else { return false }
        let roots = file.documents.compactMap(\.root)
        return roots.count == 1 && roots[0].sameData(as: expected)
    }

    /// The whole document written anew: the comment lines before its content stay.
    private static func rewritten(_ bytes: [UInt8], lines: SourceLines, format: ManifestFormat, emitter: PatchEmitter,
                                  original: ManifestNode, updated: ManifestNode) -> [UInt8] {
        var text: String
        var prefix: [UInt8] = []
        if format == .json {
            text = JSONWriter.write(updated, indent: emitter.indentUnit)
        } else {
            text = YAMLWriter.write(updated)
            if let position = original.position, let offset = lines.offset(of: position) {
                prefix = Array(bytes[..<lines.lineStarts[lines.line(of: offset)]])
            }
            if bytes.starts(with: Array("---".utf8)) {
                // `--- {a: 1}`: the document starts on its marker line, which must stay.
                prefix = Array("---".utf8) + lines.newline
            }
        }
        if bytes.last != 0x0A, text.hasSuffix("\n") { text.removeLast() }
        return prefix + emitter.bytes(text)
    }
}
