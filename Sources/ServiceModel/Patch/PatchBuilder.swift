/// Walks the tree read from a document and the wanted tree together and collects the byte
/// edits that turn one text into the other. Each `patch` either places its node's change
/// (returning true) or leaves no edit behind (returning false) so its caller writes the
/// node anew.
struct PatchBuilder {
    let lines: SourceLines
    let emitter: PatchEmitter
    /// Paths written anew whatever they hold (the patcher's second, coarser try).
    let forced: Set<FieldPath>
    private(set) var edits: [TextEdit] = []
    private(set) var rewritten: [FieldPath] = []

    init(lines: SourceLines, emitter: PatchEmitter, forced: Set<FieldPath>) {
        self.lines = lines
        self.emitter = emitter
        self.forced = forced
    }

    var bytes: [UInt8] { lines.bytes }
    var json: Bool { emitter.json }

    /// Places the change from `old` to `new`; on failure every edit it made is undone.
    mutating func patch(_ old: ManifestNode, _ new: ManifestNode, at path: FieldPath, flow: Bool) -> Bool {
        if old == new { return true }
        if forced.contains(path) { return false }
        guard let start = contentStart(of: old) else { return false }
        let mark = (edits.count, rewritten.count)
        let placed: Bool
        switch (old.content, new.content) {
        case (.scalar(let before), .scalar(let after)):
            placed = before.sameValue(as: after) || replaceScalar(before, with: after, at: start, flow: flow)
        case (.mapping(let before), .mapping(let after)):
            placed = isFlow(start) ? patchFlowMapping(before, after, at: path, open: start)
                : !before.isEmpty && patchBlockMapping(before, after, at: path)
        case (.sequence(let before), .sequence(let after)):
            placed = isFlow(start) ? patchFlowSequence(before, after, at: path, open: start)
                : !before.isEmpty && patchBlockSequence(before, after, at: path)
        default:
            placed = false
        }
        if !placed {
            edits.removeLast(edits.count - mark.0)
            rewritten.removeLast(rewritten.count - mark.1)
        }
        return placed
    }

    // MARK: Scalars

    private mutating func replaceScalar(_ before: Scalar, with after: Scalar, at start: Int, flow: Bool) -> Bool {
        guard let end = ScalarSpan.end(of: before, in: bytes, at: start, flow: flow, json: json) else { return false }
        let text = emitter.scalarText(after, keeping: before.style, flow: flow)
        replace(start..<end, with: text)
        return true
    }

    // MARK: Positions and spans

    /// The first byte of a node's content (after an anchor or tag).
    func contentStart(of node: ManifestNode) -> Int? {
        guard let position = node.position, let offset = lines.offset(of: position) else { return nil }
        return ScalarSpan.contentStart(bytes, from: offset)
    }

    func isFlow(_ offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == UInt8(ascii: "{") || bytes[offset] == UInt8(ascii: "["))
    }

    /// The offset just past a node written in flow context (a JSON value, or a value inside
    /// `{...}` / `[...]`).
    func flowSpanEnd(of node: ManifestNode) -> Int? {
        guard let start = contentStart(of: node) else { return nil }
        if case .scalar(let scalar) = node.content {
            return ScalarSpan.end(of: scalar, in: bytes, at: start, flow: true, json: json)
        }
        return isFlow(start) ? ScalarSpan.flowEnd(bytes, at: start) : nil
    }

    /// The lines a block entry or item takes: from its line (or from `start` itself when
    /// something else comes first on the line, as `- ` does) through every line indented
    /// deeper than `column`, plus, for a key whose value is a sequence written flush, the
    /// `- ` lines at its own column. Comment lines right after it that are indented deeper
    /// belong to it; blank lines and shallower comments after it do not.
    func region(from start: Int, column: Int, flushItems: Bool) -> Range<Int> {
        let first = lines.line(of: start)
        var last = first
        var line = first + 1
        while line < lines.lineCount {
            if lines.isBlank(line) || lines.isComment(line) {
                line += 1
                continue
            }
            let indent = lines.indent(line)
            guard indent > column || (flushItems && indent == column && startsWithDash(line)) else { break }
            last = line
            line += 1
        }
        while last + 1 < lines.lineCount, lines.isComment(last + 1), lines.indent(last + 1) > column { last += 1 }
        let lower = lines.startsLine(start) ? lines.lineStarts[first] : start
        return lower..<lines.lineEnd(last)
    }

    private func startsWithDash(_ line: Int) -> Bool {
        let offset = lines.lineStarts[line] + lines.indent(line)
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "-") else { return false }
        return offset + 1 >= bytes.count || [0x20, 0x0A, 0x0D].contains(bytes[offset + 1])
    }

    /// Where the comment lines directly above `line` begin (no blank line between).
    func attachedCommentsStart(_ line: Int) -> Int {
        var first = line
        while first > 0, lines.isComment(first - 1) { first -= 1 }
        return lines.lineStarts[first]
    }

    // MARK: Edits

    mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append(TextEdit(range: range, replacement: emitter.bytes(text)))
    }

    /// Inserts whole lines (`text` ends in `\n`) at a line boundary; at the end of a text
    /// without a final line break, the break moves before them.
    mutating func insertLines(_ text: String, at offset: Int) {
        if offset == bytes.count, let last = bytes.last, last != 0x0A {
            replace(offset..<offset, with: "\n" + String(text.dropLast()))
        } else {
            replace(offset..<offset, with: text)
        }
    }

    /// Replaces whole lines (`range` from a line start, or from inside a `- ` line, to a
    /// line end) with `text`, keeping a missing final line break missing.
    mutating func replaceLines(_ range: Range<Int>, with text: String, at path: FieldPath) {
        var text = text
        if range.upperBound == bytes.count, bytes.last != 0x0A, text.hasSuffix("\n") { text.removeLast() }
        replace(range, with: text)
        rewritten.append(path)
    }

    mutating func noteRewritten(_ path: FieldPath) { rewritten.append(path) }
}
