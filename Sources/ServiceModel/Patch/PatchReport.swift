/// What a patch did beyond changing values in place: the nodes it wrote anew (their comments
/// and layout inside are not kept), so that the diff before saving can say so.
package struct PatchReport: Sendable, Hashable {
    /// Nodes written anew, by field path (`spec.ports`); empty when every change was placed
    /// in the author's text. The empty path means the whole document.
    package var rewritten: [FieldPath] = []

    package init(rewritten: [FieldPath] = []) {
        self.rewritten = rewritten
    }

    /// True when the whole document had to be written anew.
    package var rewroteDocument: Bool { rewritten.contains(.root) }
}

/// A patched document: its new bytes and what the patch had to write anew.
package struct PatchedText: Sendable, Hashable {
    package var bytes: [UInt8]
    package var report: PatchReport

    package var text: String { String(decoding: bytes, as: UTF8.self) }
}
