/// Syntax colouring, a line at a time, so drawing a screen lexes only the lines on it.
///
/// The one thing a YAML line cannot tell alone is whether it sits inside a block scalar
/// (`script: |` and the indented lines under it); that is found by looking up from the
/// first line drawn to the nearest less-indented line, then carried down.
package enum SyntaxHighlighter {
    /// The tokens of one line on its own (not knowing about block scalars above it).
    package static func tokens(forLine line: String, language: EditorLanguage) -> [SyntaxToken] {
        switch language {
        case .yaml: return YAMLLexer(line).tokens
        case .json: return JSONLexer.tokens(for: line)
        }
    }

    /// The tokens of lines `range` of `lines`, in order, with YAML block scalars coloured
    /// as strings.
    package static func tokens(forLines range: Range<Int>, of lines: [String], language: EditorLanguage) -> [[SyntaxToken]] {
        guard language == .yaml else { return range.map { JSONLexer.tokens(for: lines[$0]) } }
        var block = BlockScalarState(before: range.lowerBound, in: lines)
        return range.map { index in
            let line = lines[index]
            if block.contains(line) {
                let indent = line.indentation
                let count = line.count
                return indent < count ? [SyntaxToken(range: indent..<count, style: .syntaxString)] : []
            }
            let lexer = YAMLLexer(line)
            block = BlockScalarState(headerIndent: lexer.opensBlockScalar ? line.indentation : nil)
            return lexer.tokens
        }
    }
}

/// Whether the lines that follow are the content of a YAML block scalar: they are while
/// they are blank or indented more than the line holding the `|` or `>`.
struct BlockScalarState {
    /// The indentation of the header line while inside a block scalar, nil outside.
    var headerIndent: Int?

    init(headerIndent: Int?) {
        self.headerIndent = headerIndent
    }

    /// The state at line `index`, from the lines above it: the nearest line indented
    /// less than everything below it is either a block scalar header (we are inside)
    /// or ordinary YAML (we are not, unless that line is itself block content, so the
    /// walk goes on up to the next less-indented line, ending at column 0).
    init(before index: Int, in lines: [String]) {
        headerIndent = nil
        var lowest = Int.max
        var line = index - 1
        while line >= 0, lowest > 0 {
            let text = lines[line]
            let indent = text.indentation
            line -= 1
            guard indent < text.utf8.count, indent < lowest else { continue }
            if YAMLLexer(text).opensBlockScalar {
                headerIndent = indent
                return
            }
            lowest = indent
        }
    }

    /// True when `line` belongs to the open block scalar.
    func contains(_ line: String) -> Bool {
        guard let headerIndent else { return false }
        let indent = line.indentation
        return indent == line.utf8.count || indent > headerIndent
    }
}
