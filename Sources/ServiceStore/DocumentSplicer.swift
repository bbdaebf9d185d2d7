import ServiceModel

/// Rewrites one object of a file and leaves every other byte where it was: documents around
/// it, their comments, the BOM, the line endings and the file's format.
enum DocumentSplicer {
    /// The file's bytes with `object` replaced by `manifest`. An item of a List rewrites the
    /// List's document with that item replaced.
    static func replacing(_ object: ManifestObject, in file: ManifestFile, with manifest: ManifestNode) -> [UInt8] {
        let document = file.documents[object.documentIndex]
        var node = manifest
        if let listIndex = object.listIndex, var root = document.root, var items = root["items"]?.items {
            items[listIndex] = manifest
            root["items"] = .sequence(items)
            node = root
        }
        return splice(file, document.bodyRange, with: render(node, in: file, replacing: document.bodyRange))
    }

    /// The file's bytes without `object`: its document and the `---` before it (or after it,
    /// for the first), or the List item. Nil when the object was the file's only document,
    /// so the file should go.
    static func removing(_ object: ManifestObject, from file: ManifestFile) -> [UInt8]? {
        let documents = file.documents
        let document = documents[object.documentIndex]
        if let listIndex = object.listIndex, var root = document.root, var items = root["items"]?.items {
            items.remove(at: listIndex)
            root["items"] = .sequence(items)
            return splice(file, document.bodyRange, with: render(root, in: file, replacing: document.bodyRange))
        }
        let others = documents.indices.filter { $0 != object.documentIndex && documents[$0].root != nil }
        if others.isEmpty { return nil }
        let i = object.documentIndex
        let range = i > 0
            ? documents[i - 1].bodyRange.upperBound..<document.bodyRange.upperBound
            : document.bodyRange.lowerBound..<documents[1].bodyRange.lowerBound
        return splice(file, range, with: [])
    }

    // MARK: Rendering

    private static func splice(_ file: ManifestFile, _ range: Range<Int>, with replacement: [UInt8]) -> [UInt8] {
        var bytes = file.bytes
        bytes.replaceSubrange(range, with: replacement)
        return bytes
    }

    /// The new text for a document body: YAML keeps the comment lines before the document's
    /// content and the column-0 comment lines after it; JSON keeps the indent width.
    static func render(_ node: ManifestNode, in file: ManifestFile, replacing range: Range<Int>) -> [UInt8] {
        let body = file.bytes[range]
        let crlf = usesCRLF(file.bytes)
        switch file.format {
        case .json:
            var text = Array(JSONWriter.write(node, indent: jsonIndent(body) ?? 4).utf8)
            if text.last == 0x0A { text.removeLast() }
            return crlf ? toCRLF(text) : text
        case .yaml:
            let lines = lineRanges(body)
            var first = 0
            var prefix: [UInt8] = []
            if let line = lines.first, isMarkerLine(body[line]) {
                // `--- {a: 1}`: the body starts on the marker line; keep a bare marker.
                prefix = Array("---".utf8) + (crlf ? [0x0D, 0x0A] : [0x0A])
                first = 1
            } else {
                while first < lines.count, isBlankOrComment(body[lines[first]], indented: true) { first += 1 }
            }
            var last = lines.count
            while last > first, isBlankOrComment(body[lines[last - 1]], indented: false) { last -= 1 }
            if prefix.isEmpty, first > 0 { prefix = Array(body[lines[0].lowerBound..<lines[first - 1].upperBound]) }
            let suffix = last < lines.count ? Array(body[lines[last].lowerBound..<lines[lines.count - 1].upperBound]) : []
            let text = Array(YAMLWriter.write(node).utf8)
            return prefix + (crlf ? toCRLF(text) : text) + suffix
        }
    }

    /// True when the file's first line ends in CRLF.
    static func usesCRLF(_ bytes: [UInt8]) -> Bool {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return false }
        return newline > 0 && bytes[newline - 1] == 0x0D
    }

    private static func toCRLF(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + text.count / 16)
        for byte in text {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    /// Line ranges in absolute offsets, each with its terminator.
    private static func lineRanges(_ body: ArraySlice<UInt8>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = body.startIndex
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? body.endIndex
            lines.append(start..<end)
            start = end
        }
        return lines
    }

    private static func isMarkerLine(_ line: ArraySlice<UInt8>) -> Bool {
        line.starts(with: Array("---".utf8))
    }

    private static func isBlankOrComment(_ line: ArraySlice<UInt8>, indented: Bool) -> Bool {
        let content = indented ? line.drop(while: { $0 == 0x20 || $0 == 0x09 }) : line
        guard let first = content.first else { return true }
        if first == UInt8(ascii: "#") { return true }
        return line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }

    /// The indent of the first indented line of a JSON document, when it is pretty-printed.
    private static func jsonIndent(_ body: ArraySlice<UInt8>) -> Int? {
        guard let newline = body.firstIndex(of: 0x0A) else { return nil }
        let spaces = body[(newline + 1)...].prefix(while: { $0 == 0x20 }).count
        return spaces > 0 ? spaces : nil
    }
}
