/// What a patch did beyond changing values in place: the nodes it wrote anew (their comments
/// and layout inside are not kept), so that the diff before saving can say so.
public struct PatchReport: Sendable, Hashable {
    /// Nodes written anew, by field path (`spec.ports`); empty when every change was placed
    /// in the author's text. The empty path means the whole document.
    public var rewritten: [FieldPath] = []

    public init(rewritten: [FieldPath] = []) {
        self.rewritten = rewritten
    }

    /// True when the whole document had to be written anew.
    public var rewroteDocument: Bool { rewritten.contains(.root) }
}

/// A patched document: its new bytes and what the patch had to write anew.
public struct PatchedText: Sendable, Hashable {
    public var bytes: [UInt8]
    public var report: PatchReport

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
