import CLibYAML

/// Builds one YAML document's `ManifestNode` tree from libyaml's event stream.
///
/// What it keeps from the text: each node's line and column (aliases keep their anchor's),
/// scalar styles, written tags (`!!str 80` is a string), anchors and aliases (an alias is
/// the anchored node itself), merge keys (`<<: *base`, as go-yaml v2 applies them), and
/// libyaml's own error messages with their marks. Plain scalars are resolved with YAML 1.1
/// rules (`YAML11`). Nesting is composed with an explicit stack, so depth costs memory,
/// not call stack.
struct YAMLComposer {
    /// Lines before the document in its file, added to every line libyaml counts.
    let lineOffset: Int
    let file: String?

    /// A node whose nodes are still arriving.
    private struct Frame {
        var isMapping: Bool
        var position: SourcePosition
        var anchor: String?
        /// A sequence's items, or a mapping's values.
        var nodes: [ManifestNode] = []
        /// A mapping's keys; one more than `nodes` while a key waits for its value.
        var keys: [Key] = []
    }

    /// A mapping key as written: its scalar, with its tag, which decides whether two keys
    /// with the same text are the same key (`80` and `"80"` are not).
    private struct Key {
        var node: ManifestNode
        var scalar: Scalar
        var tag: String
        /// Which event it was in the document, to find the first merge key that fails.
        var order: Int
    }

    /// A node an anchor names, with the tag it was written with (for use as a key).
    private struct Anchored {
        var node: ManifestNode
        var tag: String
    }

    /// A document that parses but cannot be read (a merge key without mappings, a mapping
    /// or list as a key): reported once the whole document has parsed, so a syntax error
    /// anywhere is said first, and then the first such place in the text.
    private struct Failure {
        var order: Int
        var error: ManifestParseError
    }

    private var stack: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    private var root: ManifestNode?
    private var failure: Failure?
    private var order = 0

    private init(lineOffset: Int, file: String?) {
        self.lineOffset = lineOffset
        self.file = file
    }

    /// The first document of `text` (UTF-8 as `utf8`); nil when the stream holds none.
    /// Events after the document's end are not read.
    static func compose(_ utf8: UnsafeBufferPointer<UInt8>, text: String, lineOffset: Int,
                        file: String?) throws(ManifestParseError) -> ManifestNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ManifestParseError(file: file, line: lineOffset + 1, column: 1, message: "Memory error")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, utf8.baseAddress, utf8.count)
        var composer = YAMLComposer(lineOffset: lineOffset, file: file)
        var event = yaml_event_t()
        func next() throws(ManifestParseError) {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw YAMLParserFailure(parser: parser, text: text, lineOffset: lineOffset, file: file).error
            }
        }
        try next()  // the stream's start
        yaml_event_delete(&event)
        guard parser.stream_end_produced == 0 else { return nil }
        try next()  // the document's start, or the stream's end
        defer { yaml_event_delete(&event) }
        guard event.type != YAML_STREAM_END_EVENT else { return nil }
        while composer.root == nil {
            yaml_event_delete(&event)
            try next()
            switch event.type {
            case YAML_NO_EVENT, YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT: return nil
            default: try composer.take(event)
            }
        }
        yaml_event_delete(&event)
        try next()  // the document's end
        if let failure = composer.failure { throw failure.error }
        return composer.root
    }

    // MARK: - Events

    private mutating func take(_ event: yaml_event_t) throws(ManifestParseError) {
        order += 1
        let position = SourcePosition(line: Int(event.start_mark.line) + 1 + lineOffset,
                                      column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let tag = data.quoted_implicit == 1 ? YAMLTag.str : Self.text(data.tag) ?? ""
            let style = Self.style(data.style)
            let value = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let scalar = Scalar(text: value, kind: Self.kind(of: value, tag: tag, style: style), style: style)
            let node = ManifestNode(.scalar(scalar), position: position)
            if let anchor = Self.text(data.anchor) { anchors[anchor] = Anchored(node: node, tag: tag) }
            add(node, tag: tag, at: position)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = Self.text(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)
            stack.append(Frame(isMapping: isMapping, position: position, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT:
            guard let frame = stack.popLast() else { return }
            finish(ManifestNode(.sequence(frame.nodes), position: frame.position), anchor: frame.anchor)
        case YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return }
            finish(ManifestNode(.mapping(try entries(of: frame)), position: frame.position), anchor: frame.anchor)
        case YAML_ALIAS_EVENT:
            guard let name = Self.text(event.data.alias.anchor), let anchored = anchors[name] else {
                throw ManifestParseError(file: file, line: position.line, column: position.column, message: "found undefined alias")
            }
            add(anchored.node, tag: anchored.tag, at: position)
        default:
            break
        }
    }

    private mutating func finish(_ node: ManifestNode, anchor: String?) {
        if let anchor { anchors[anchor] = Anchored(node: node, tag: "") }
        add(node, tag: "", at: node.position ?? SourcePosition(line: lineOffset + 1, column: 1))
    }

    /// Puts a finished node where it belongs: an item, a key, a value, or the root.
    /// `position` is where it was written (an alias's own place, not its anchor's).
    private mutating func add(_ node: ManifestNode, tag: String, at position: SourcePosition) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        guard stack[top].isMapping, stack[top].keys.count == stack[top].nodes.count else {
            stack[top].nodes.append(node)
            return
        }
        if let scalar = node.scalar {
            stack[top].keys.append(Key(node: node, scalar: scalar, tag: tag, order: order))
            return
        }
        // Mapping and list keys cannot become the string keys Kubernetes' objects have
        // (sigs.k8s.io/yaml refuses them too). The key stands in as a text no written key
        // can equal, so the rest of the document is still read for its syntax errors.
        noteFailure(at: order, ManifestParseError(
            file: file, line: position.line, column: position.column,
            message: node.isMapping ? "a mapping cannot be a mapping key" : "a list cannot be a mapping key"))
        let standIn = Scalar(text: "\u{0}key \(order)", kind: .string)
        stack[top].keys.append(Key(node: ManifestNode(.scalar(standIn)), scalar: standIn, tag: "", order: order))
    }

    // MARK: - Mappings

    /// The mapping's entries in written order, merge keys applied: a merged key the
    /// mapping does not write itself comes after its own keys, and among several merged
    /// mappings the first to hold a key gives it.
    private mutating func entries(of frame: Frame) throws(ManifestParseError) -> [ManifestEntry] {
        try checkDuplicates(frame.keys)
        var entries: [ManifestEntry] = []
        entries.reserveCapacity(frame.keys.count)
        var merged: [ManifestEntry] = []
        // Sets, not searches of the lists: a mapping of many keys stays linear.
        var mergedKeys: Set<String> = []
        for (key, value) in zip(frame.keys, frame.nodes) {
            guard key.scalar.text == "<<", key.scalar.style == .plain else {
                entries.append(ManifestEntry(key: key.scalar.text, value: value, keyPosition: key.node.position))
                continue
            }
            let sources = value.items ?? [value]
            for source in sources {
                guard let sourceEntries = source.entries else {
                    let position = value.position ?? SourcePosition(line: lineOffset, column: 1)
                    noteFailure(at: key.order, ManifestParseError(
                        file: file, line: position.line, column: position.column,
                        message: "a merge key (<<) needs a mapping or a list of mappings"))
                    break
                }
                for entry in sourceEntries where mergedKeys.insert(entry.key).inserted {
                    merged.append(entry)
                }
            }
        }
        if !merged.isEmpty {
            let ownKeys = Set(entries.map(\.key))
            entries += merged.filter { !ownKeys.contains($0.key) }
        }
        return entries
    }

    private mutating func noteFailure(at order: Int, _ error: ManifestParseError) {
        if let failure, failure.order < order { return }
        failure = Failure(order: order, error: error)
    }

    /// Refuses a mapping that writes a key twice, naming every repeated key (sorted) at
    /// the first one's place. Keys are compared as text, whatever their tags: a YAML 1.1
    /// reader tells `80` from `"80"` (an int and a string), but a manifest's keys are text,
    /// the model keeps them so and would write both the same, and an API server, which reads
    /// the manifest as JSON, would see one key twice.
    private func checkDuplicates(_ keys: [Key]) throws(ManifestParseError) {
        guard keys.count > 1 else { return }
        var first: [String: Int] = [:]
        var duplicated: Set<Int> = []
        for (index, key) in keys.enumerated() {
            if let earlier = first[key.scalar.text] {
                duplicated.insert(earlier)
            } else {
                first[key.scalar.text] = index
            }
        }
        guard !duplicated.isEmpty else { return }
        let sorted = duplicated.sorted { (keys[$0].scalar.text, $0) < (keys[$1].scalar.text, $1) }
        let position = keys[sorted[0]].node.position ?? SourcePosition(line: lineOffset + 1, column: 1)
        throw ManifestParseError(file: file, line: position.line, column: position.column,
                                 message: "duplicate key: " + sorted.map { keys[$0].scalar.text }.joined(separator: ", "))
    }

    // MARK: - Scalars

    /// What a scalar means: a written tag decides (`!!int` only for text that is an
    /// integer), a quoted or block scalar is a string, a plain one follows YAML 1.1.
    private static func kind(of text: String, tag: String, style: ScalarStyle) -> ScalarKind {
        switch tag {
        case YAMLTag.str: return .string
        case YAMLTag.int: return YAML11.parseInt(text) != nil ? .int : .string
        case YAMLTag.float: return .float
        case YAMLTag.bool: return YAML11.parseBool(text) != nil ? .bool : .string
        case YAMLTag.null: return .null
        default: return style == .plain ? YAML11.resolve(text) : .string
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
