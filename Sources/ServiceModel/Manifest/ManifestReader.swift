import Yams

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

/// Splits a YAML stream at its document markers and composes each document with Yams, so
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

    static func compose(_ text: String, lineOffset: Int, file: String?) throws(ManifestParseError) -> ManifestNode? {
        do {
            guard let node = try composeNode(text) else { return nil }
            return try YAMLNodeConverter(lineOffset: lineOffset, file: file).convert(node)
        } catch let error as ManifestParseError {
            throw error
        } catch let error as YamlError {
            throw parseError(error, lineOffset: lineOffset, file: file)
        } catch {
            throw ManifestParseError(file: file, line: lineOffset + 1, column: 1, message: "\(error)")
        }
    }

    /// Yams' node tree of one document. The converter resolves plain scalars itself, so
    /// the rule-less resolver is enough; the default one runs regular expressions on every
    /// mapping key (Yams hashes keys to find duplicates), which was most of the parse time.
    /// A duplicate found that way is checked again with the default resolver, so exactly
    /// what Yams reports as a duplicate stays one. The encoding is given because its
    /// default reads the environment on every parse.
    private static func composeNode(_ text: String) throws -> Node? {
        do {
            return try Parser(yaml: text, resolver: .basic, encoding: .utf8).nextRoot()
        } catch YamlError.duplicatedKeysInMapping {
            return try Parser(yaml: text, resolver: .default, encoding: .utf8).nextRoot()
        }
    }

    static func parseError(_ error: YamlError, lineOffset: Int, file: String?) -> ManifestParseError {
        func make(_ mark: Mark, _ context: YamlError.Context?, _ problem: String) -> ManifestParseError {
            var message = problem
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            return ManifestParseError(file: file, line: mark.line + lineOffset, column: mark.column, message: message)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return make(mark, context, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ManifestParseError(file: file, line: context.mark.line + lineOffset, column: context.mark.column,
                                      message: "duplicate key: \(duplicates.joined(separator: ", "))")
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for (i, scalar) in yaml.unicodeScalars.enumerated() where i < offset {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return ManifestParseError(file: file, line: line + lineOffset, column: column, message: problem)
        default:
            return ManifestParseError(file: file, line: lineOffset + 1, column: 1, message: "\(error)")
        }
    }
}

/// Turns Yams' nodes into ours, resolving plain scalars with YAML 1.1 rules and applying
/// merge keys (`<<: *base`), which go-yaml v2 supports and Yams leaves to the caller.
struct YAMLNodeConverter {
    var lineOffset: Int
    var file: String?

    func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
    }

    func convert(_ node: Node) throws(ManifestParseError) -> ManifestNode {
        switch node {
        case .scalar(let scalar):
            return ManifestNode(.scalar(convert(scalar)), position: position(scalar.mark))
        case .sequence(let sequence):
            var items: [ManifestNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try convert(item)) }
            return ManifestNode(.sequence(items), position: position(sequence.mark))
        case .mapping(let mapping):
            var entries: [ManifestEntry] = []
            var merged: [ManifestEntry] = []
            // Sets, not searches of the lists: a mapping of many keys stays linear.
            var mergedKeys: Set<String> = []
            for (key, value) in mapping {
                // `? [a, b]` or `? {a: 1}` (a lone `?` at a line's start is enough): a key
                // that JSON cannot hold, which the API server refuses as an invalid map key.
                guard let keyText = key.scalar?.string else {
                    throw ManifestParseError(file: file, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1,
                                             message: "a mapping key must be a string, number or boolean, not a list or a mapping")
                }
                if keyText == "<<", key.scalar?.style == .plain || key.scalar?.style == .any {
                    let sources = value.sequence.map(Array.init) ?? [value]
                    for source in sources {
                        guard case .mapping = source else {
                            throw ManifestParseError(file: file, line: (value.mark?.line ?? 0) + lineOffset,
                                                     column: value.mark?.column ?? 1,
                                                     message: "a merge key (<<) needs a mapping or a list of mappings")
                        }
                        for entry in try convert(source).entries ?? [] where mergedKeys.insert(entry.key).inserted {
                            merged.append(entry)
                        }
                    }
                    continue
                }
                entries.append(ManifestEntry(key: keyText, value: try convert(value), keyPosition: position(key.mark)))
            }
            let ownKeys = Set(entries.map(\.key))
            for entry in merged where !ownKeys.contains(entry.key) {
                entries.append(entry)
            }
            return ManifestNode(.mapping(entries), position: position(mapping.mark))
        case .alias(let alias):
            throw ManifestParseError(file: file, line: 1, column: 1, message: "unresolved alias \(alias)")
        }
    }

    func convert(_ scalar: Node.Scalar) -> Scalar {
        let style: ScalarStyle
        switch scalar.style {
        case .singleQuoted: style = .singleQuoted
        case .doubleQuoted: style = .doubleQuoted
        case .literal: style = .literal
        case .folded: style = .folded
        default: style = .plain
        }
        let tag = scalar.tag.description
        let kind: ScalarKind
        switch tag {
        case "tag:yaml.org,2002:str": kind = .string
        case "tag:yaml.org,2002:int": kind = YAML11.parseInt(scalar.string) != nil ? .int : .string
        case "tag:yaml.org,2002:float": kind = .float
        case "tag:yaml.org,2002:bool": kind = YAML11.parseBool(scalar.string) != nil ? .bool : .string
        case "tag:yaml.org,2002:null": kind = .null
        case "", "?": kind = style == .plain ? YAML11.resolve(scalar.string) : .string
        default: kind = style == .plain ? YAML11.resolve(scalar.string) : .string
        }
        return Scalar(text: scalar.string, kind: kind, style: style)
    }
}
