/// Reads YAML (multi-document streams, anchors and aliases, merge keys, CRLF, a UTF-8 BOM)
/// and JSON (one or more values) into ordered node trees that remember their source lines.
package enum ManifestReader {
    /// Parses a whole file. `format` defaults to what the path says, and text that starts
    /// with `{` or `[` is tried as JSON first.
    /// Input beyond `InputLimits` (size, nesting, alias expansion) is refused with the
    /// limit named, before it can cost more than a walk over its text.
    package static func parse(bytes: [UInt8], path: String? = nil, format: ManifestFormat? = nil) throws(ManifestParseError) -> ManifestFile {
        guard bytes.count <= InputLimits.maxFileBytes else {
            throw ManifestParseError(file: path, line: 1, column: 1,
                                     limit: .tooLarge(bytes: bytes.count, limit: InputLimits.maxFileBytes))
        }
        let chosen = format ?? path.map(ManifestFormat.init(path:)) ?? .yaml
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if chosen == .json || looksLikeJSON(bytes, from: start) {
            do {
                let roots = try JSONReader.parseStream(bytes, from: start, file: path)
                let docs = roots.map { ManifestDocument(root: $0.node, bodyRange: $0.range, firstLine: $0.node.position?.line ?? 1) }
                return ManifestFile(path: path, format: .json, bytes: bytes, documents: docs)
            } catch {
                if chosen == .json { throw error }
            }
        }
        let documents = try YAMLDocumentReader.parse(bytes, from: start, file: path)
        return ManifestFile(path: path, format: .yaml, bytes: bytes, documents: documents)
    }

    /// One JSON value (an API response) without the members `skipping` names, which are
    /// stepped over without building nodes.
    package static func parseJSON(bytes: [UInt8], skipping: JSONPrune) throws(ManifestParseError) -> ManifestNode {
        guard bytes.count <= InputLimits.maxFileBytes else {
            throw ManifestParseError(file: nil, line: 1, column: 1,
                                     limit: .tooLarge(bytes: bytes.count, limit: InputLimits.maxFileBytes))
        }
        return try JSONReader.parseSkipping(bytes, prune: skipping)
    }

    package static func parse(_ text: String, path: String? = nil, format: ManifestFormat? = nil) throws(ManifestParseError) -> ManifestFile {
        try parse(bytes: Array(text.utf8), path: path, format: format)
    }

    /// The objects of a text, `kind: List` expanded: the common case for tests and import.
    package static func objects(_ text: String, path: String? = nil) throws(ManifestParseError) -> [ManifestNode] {
        try parse(text, path: path).objects.map(\.node)
    }

    private static func looksLikeJSON(_ bytes: [UInt8], from start: Int) -> Bool {
        for byte in bytes[start...] {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }
}

/// Splits a YAML stream at its document markers and composes each document on its own, so
/// each document's byte range is known and line numbers stay those of the whole file.
enum YAMLDocumentReader {
    static func parse(_ bytes: [UInt8], from start: Int, file: String?) throws(ManifestParseError) -> [ManifestDocument] {
        var documents: [ManifestDocument] = []
        for chunk in splitDocuments(bytes, from: start) {
            // The check reads exactly the text the composer reads: invalid UTF-8 becomes
            // U+FFFD here, where libyaml would stop at it, and a check that stopped early
            // would let the rest of the document through unbounded.
            var text = String(decoding: bytes[chunk.range], as: UTF8.self)
            if let finding = text.withUTF8(YAMLExpansionCheck.check) {
                throw ManifestParseError(file: file, line: finding.line + chunk.firstLine - 1, column: finding.column,
                                         limit: finding.violation)
            }
            let root = try compose(text, lineOffset: chunk.firstLine - 1, file: file)
            documents.append(ManifestDocument(root: root, bodyRange: chunk.range, firstLine: chunk.firstLine))
        }
        return documents
    }

    struct Chunk {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Document bodies between `---` lines. A `...` line ends a document. A `---` that carries
    /// content on its own line (`--- {a: 1}`) keeps that line in the body.
    static func splitDocuments(_ bytes: [UInt8], from start: Int) -> [Chunk] {
        var chunks: [Chunk] = []
        var bodyStart = start
        var bodyLine = 1
        var line = 1
        var index = start
        var sawMarker = false
        while index < bytes.count {
            var end = index
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            let next = min(end + 1, bytes.count)
            let kind = markerKind(bytes, index, end)
            switch kind {
            case .start(let contentOnLine):
                if index > bodyStart || sawMarker { chunks.append(Chunk(range: bodyStart..<index, firstLine: bodyLine)) }
                sawMarker = true
                if contentOnLine {
                    bodyStart = index
                    bodyLine = line
                } else {
                    bodyStart = next
                    bodyLine = line + 1
                }
            case .end:
                chunks.append(Chunk(range: bodyStart..<index, firstLine: bodyLine))
                bodyStart = next
                bodyLine = line + 1
                sawMarker = false
            case .none:
                break
            }
            index = next
            line += 1
        }
        if bodyStart < bytes.count || sawMarker || chunks.isEmpty {
            chunks.append(Chunk(range: min(bodyStart, bytes.count)..<bytes.count, firstLine: bodyLine))
        }
        return chunks
    }

    enum Marker { case start(contentOnLine: Bool), end, none }

    static func markerKind(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Marker {
        guard end - start >= 3 else { return .none }
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        let first3 = bytes[start..<start + 3]
        let isStart = first3.allSatisfy { $0 == dash }
        let isEnd = first3.allSatisfy { $0 == dot }
        guard isStart || isEnd else { return .none }
        var rest = bytes[(start + 3)..<end]
        if let last = rest.last, last == 0x0D { rest = rest.dropLast() }
        guard rest.isEmpty || rest.first == 0x20 || rest.first == 0x09 else { return .none }
        if isEnd { return .end }
        let trimmed = rest.drop(while: { $0 == 0x20 || $0 == 0x09 })
        return .start(contentOnLine: !(trimmed.isEmpty || trimmed.first == UInt8(ascii: "#")))
    }

    /// The first document of `text`, its lines counted after `lineOffset` lines of the file.
    static func compose(_ text: String, lineOffset: Int, file: String?) throws(ManifestParseError) -> ManifestNode? {
        var utf8 = text
        let composed = utf8.withUTF8 { buffer in
            Result { () throws(ManifestParseError) in
                try YAMLComposer.compose(buffer, text: text, lineOffset: lineOffset, file: file)
            }
        }
        return try composed.get()
    }
}
