/// Reading a file again after one of its documents changed, without parsing the others:
/// a save of one service in a file of thousands of lines parses only that service's text.
extension ManifestFile {
    /// The file with document `index`'s body replaced by `body`: only that body is read;
    /// the documents after it move by the bytes and lines it gained. Nil for JSON, and when
    /// a line of `body` is a document marker (it may start another document): then the
    /// whole file must be read again.
    package func replacingBody(ofDocument index: Int, with body: [UInt8]) throws(ManifestParseError) -> ManifestFile? {
        guard format == .yaml, documents.indices.contains(index) else { return nil }
        var start = 0
        while start < body.count {
            var end = start
            while end < body.count, body[end] != 0x0A { end += 1 }
            if case .none = YAMLDocumentReader.markerKind(body, start, end) {} else { return nil }
            start = end + 1
        }
        let old = documents[index]
        let root = try YAMLDocumentReader.compose(String(decoding: body, as: UTF8.self), lineOffset: old.firstLine - 1, file: path)
        let byteShift = body.count - old.bodyRange.count
        let lineShift = Self.lineBreaks(body[...]) - Self.lineBreaks(bytes[old.bodyRange])
        var changed = documents
        changed[index] = ManifestDocument(root: root, bodyRange: old.bodyRange.lowerBound..<old.bodyRange.lowerBound + body.count,
                                          firstLine: old.firstLine)
        for later in changed.indices where later > index {
            let document = changed[later]
            changed[later] = ManifestDocument(root: document.root?.shiftingLines(by: lineShift),
                                              bodyRange: document.bodyRange.lowerBound + byteShift..<document.bodyRange.upperBound + byteShift,
                                              firstLine: document.firstLine + lineShift)
        }
        var newBytes = bytes
        newBytes.replaceSubrange(old.bodyRange, with: body)
        return ManifestFile(path: path, format: format, bytes: newBytes, documents: changed)
    }

    private static func lineBreaks(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
    }
}

extension ManifestNode {
    /// The node with every source line moved by `shift`.
    func shiftingLines(by shift: Int) -> ManifestNode {
        guard shift != 0 else { return self }
        func moved(_ position: SourcePosition?) -> SourcePosition? {
            position.map { SourcePosition(line: $0.line + shift, column: $0.column) }
        }
        switch content {
        case .scalar:
            return ManifestNode(content, position: moved(position))
        case .sequence(let items):
            return ManifestNode(.sequence(items.map { $0.shiftingLines(by: shift) }), position: moved(position))
        case .mapping(let entries):
            return ManifestNode(.mapping(entries.map {
                ManifestEntry(key: $0.key, value: $0.value.shiftingLines(by: shift), keyPosition: moved($0.keyPosition))
            }), position: moved(position))
        }
    }
}
