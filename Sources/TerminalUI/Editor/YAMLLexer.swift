/// Colours one line of YAML: keys, quoted strings, numbers and literals (booleans,
/// null), comments (`#` after a space, outside quotes), the `---`/`...` document
/// markers, inside flow collections too. It also tells whether the line opens a block
/// scalar (`key: |`), so the lines under it can be coloured as a string.
struct YAMLLexer {
    private let characters: [Character]
    private(set) var tokens: [SyntaxToken] = []
    /// The line ends with a block scalar indicator (`|`, `>-`, `|2+`...).
    private(set) var opensBlockScalar = false
    private var flowDepth = 0

    init(_ line: String) {
        characters = Array(line)
        run()
    }

    private mutating func run() {
        var index = documentMarkerEnd()
        while index < characters.count {
            index = scan(from: index)
        }
    }

    /// Colours a `---` or `...` at the start of the line; returns where lexing goes on.
    private mutating func documentMarkerEnd() -> Int {
        guard characters.count >= 3 else { return 0 }
        let head = String(characters[0..<3])
        guard head == "---" || head == "...", characters.count == 3 || characters[3] == " " else { return 0 }
        tokens.append(SyntaxToken(range: 0..<3, style: .syntaxKey))
        return 3
    }

    /// Reads one thing at `index` and returns the index after it.
    private mutating func scan(from index: Int) -> Int {
        let character = characters[index]
        let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
        let indicatorEnds = next == nil || next == " "
        if character == "-" || character == "?" || character == ":", indicatorEnds || (character == ":" && flowDepth > 0) {
            // Sequence entry, complex key or value indicator: structure, left plain.
            return index + 1
        }
        if character == "|" || character == ">", flowDepth == 0 {
            return blockIndicatorEnd(from: index)
        }
        switch character {
        case " ":
            return index + 1
        case "#" where index == 0 || characters[index - 1] == " ":
            tokens.append(SyntaxToken(range: index..<characters.count, style: .syntaxComment))
            return characters.count
        case "[", "{":
            flowDepth += 1
            return index + 1
        case "]", "}":
            flowDepth = max(0, flowDepth - 1)
            return index + 1
        case "," where flowDepth > 0:
            return index + 1
        case "\"", "'":
            let end = ScalarKind.quotedEnd(in: characters, from: index)
            tokens.append(SyntaxToken(range: index..<end, style: isFollowedByValueIndicator(end) ? .syntaxKey : .syntaxString))
            return end
        case "&", "*", "!":
            // Anchors, aliases and tags: plain, up to the next space.
            var end = index + 1
            while end < characters.count, characters[end] != " ", !isFlowIndicator(characters[end]) || flowDepth == 0 { end += 1 }
            return end
        default:
            return plainScalarEnd(from: index)
        }
    }

    /// A block scalar header: the indicator, its chomping/indent digits, then nothing
    /// but spaces or a comment.
    private mutating func blockIndicatorEnd(from index: Int) -> Int {
        var end = index + 1
        while end < characters.count, "+-0123456789".contains(characters[end]) { end += 1 }
        var rest = end
        while rest < characters.count, characters[rest] == " " { rest += 1 }
        if end == characters.count || (characters[end] == " " && (rest == characters.count || characters[rest] == "#")) {
            opensBlockScalar = true
            return end
        }
        return plainScalarEnd(from: index)
    }

    /// A plain (unquoted) scalar: up to `: `, ` #`, or a flow indicator inside `[]`/`{}`.
    /// Followed by `:` it is a key; otherwise a number, a literal or plain text.
    private mutating func plainScalarEnd(from start: Int) -> Int {
        var index = start
        var contentEnd = start
        var isKey = false
        while index < characters.count {
            let character = characters[index]
            if character == ":" && isValueIndicator(at: index) {
                isKey = true
                break
            }
            if character == "#" && index > start && characters[index - 1] == " " { break }
            if flowDepth > 0 && isFlowIndicator(character) { break }
            if character != " " { contentEnd = index + 1 }
            index += 1
        }
        let style = isKey ? .syntaxKey : ScalarKind.yamlStyle(of: characters[start..<contentEnd])
        if style != .normal { tokens.append(SyntaxToken(range: start..<contentEnd, style: style)) }
        return max(index, start + 1)
    }

    private func isValueIndicator(at index: Int) -> Bool {
        guard index + 1 < characters.count else { return true }
        let next = characters[index + 1]
        return next == " " || (flowDepth > 0 && isFlowIndicator(next))
    }

    /// True when only spaces separate `index` from a `:` value indicator (a quoted key).
    private func isFollowedByValueIndicator(_ index: Int) -> Bool {
        var index = index
        while index < characters.count, characters[index] == " " { index += 1 }
        return index < characters.count && characters[index] == ":" && isValueIndicator(at: index)
    }

    private func isFlowIndicator(_ character: Character) -> Bool {
        character == "," || character == "[" || character == "]" || character == "{" || character == "}"
    }
}
