import CLibYAML

/// Measures what a YAML document becomes once its aliases are expanded, from libyaml's
/// event stream, before anything is built: `YAMLComposer` shares an anchored node among
/// its aliases, but every later walk of the tree (writing, comparing, validating) goes
/// through every expanded copy. Counting follows go-yaml v3's
/// decoder: every node of the expanded tree is one, an alias counts itself and its whole
/// target, and the check runs at each alias, so a bomb stops at its first excessive alias
/// after a walk as long as the text.
struct YAMLExpansionCheck {
    /// The broken bound and the 1-based line and column where it was found (in the text
    /// given; the caller adds the document's offset).
    struct Finding {
        var violation: InputLimitViolation
        var line: Int
        var column: Int
    }

    /// What an anchored node holds once expanded.
    private struct Extent {
        var nodes: Int
        var height: Int
    }

    /// An open mapping or list: where its count started, its anchor, its tallest child.
    private struct Frame {
        var startNodes: Int
        var anchor: String?
        var childHeight: Int
    }

    private var nodes = 1  // the document itself, as go-yaml counts it
    private var aliased = 0
    private var anchors: [String: Extent] = [:]
    private var stack: [Frame] = []

    /// The first bound `utf8` breaks, or nil. Syntax errors end the walk quietly: the
    /// composer reports them with its own words.
    static func check(_ utf8: UnsafeBufferPointer<UInt8>) -> Finding? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, utf8.baseAddress, utf8.count)
        var state = YAMLExpansionCheck()
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return nil }
            if let finding = state.take(event) { return finding }
        }
        // libyaml has a nesting bound of its own, deeper than ours, and its scanner reads a
        // run of `[` or `{` ahead: past that bound it stops before the walk sees a single
        // collection, with words that name a C function. It is our bound that was broken.
        if parser.error == YAML_PARSER_ERROR, let problem = parser.problem,
           String(cString: problem).hasPrefix("Maximum nesting level") {
            return Finding(violation: .tooDeep(limit: InputLimits.maxDepth),
                           line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        }
        return nil
    }

    private mutating func take(_ event: yaml_event_t) -> Finding? {
        let line = Int(event.start_mark.line) + 1, column = Int(event.start_mark.column) + 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            nodes = Self.sum(nodes, 1)
            let anchor = Self.text(event.data.scalar.anchor)
            if let anchor { anchors[anchor] = Extent(nodes: 1, height: 0) }
            noteChild(height: 0)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = Self.text(event.type == YAML_SEQUENCE_START_EVENT
                                   ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
            stack.append(Frame(startNodes: nodes, anchor: anchor, childHeight: 0))
            nodes = Self.sum(nodes, 1)
            if stack.count > InputLimits.maxDepth {
                return Finding(violation: .tooDeep(limit: InputLimits.maxDepth), line: line, column: column)
            }
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return nil }
            let height = frame.childHeight + 1
            if let anchor = frame.anchor { anchors[anchor] = Extent(nodes: nodes - frame.startNodes, height: height) }
            noteChild(height: height)
        case YAML_ALIAS_EVENT:
            guard let name = Self.text(event.data.alias.anchor), let target = anchors[name] else { return nil }
            nodes = Self.sum(nodes, Self.sum(1, target.nodes))
            aliased = Self.sum(aliased, target.nodes)
            if stack.count + target.height > InputLimits.maxDepth {
                return Finding(violation: .tooDeep(limit: InputLimits.maxDepth), line: line, column: column)
            }
            if InputLimits.aliasingExcessive(aliased: aliased, nodes: nodes) {
                return Finding(violation: .aliasExpansion(anchor: name, aliased: aliased, nodes: nodes), line: line, column: column)
            }
            noteChild(height: target.height)
        default:
            break
        }
        return nil
    }

    private mutating func noteChild(height: Int) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].childHeight = max(stack[stack.count - 1].childHeight, height)
    }

    /// Counts saturate: one alias of a bomb can stand for more nodes than an Int holds.
    private static func sum(_ a: Int, _ b: Int) -> Int {
        let (result, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max / 2 : min(result, Int.max / 2)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
