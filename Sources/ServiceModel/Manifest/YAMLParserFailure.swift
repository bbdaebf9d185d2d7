import CLibYAML

/// libyaml's report of why it stopped, as a `ManifestParseError`: its own words, its mark
/// moved to the document's place in the file, and the construct it was inside ("while
/// parsing a block mapping") with that construct's line.
struct YAMLParserFailure {
    let error: ManifestParseError

    init(parser: yaml_parser_t, text: String, lineOffset: Int, file: String?) {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML parser failed"
        switch parser.error {
        case YAML_READER_ERROR:
            let (line, column) = Self.place(ofByte: parser.problem_offset, in: text)
            error = ManifestParseError(file: file, line: line + lineOffset, column: column, message: problem)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
            var message = problem
            if let context = parser.context {
                message += " (\(String(cString: context)) at line \(Int(parser.context_mark.line) + 1 + lineOffset))"
            }
            error = ManifestParseError(file: file, line: Int(parser.problem_mark.line) + 1 + lineOffset,
                                       column: Int(parser.problem_mark.column) + 1, message: message)
        case YAML_MEMORY_ERROR:
            error = ManifestParseError(file: file, line: lineOffset + 1, column: 1, message: "Memory error")
        default:
            error = ManifestParseError(file: file, line: lineOffset + 1, column: 1, message: problem)
        }
    }

    /// The 1-based line and column of the byte libyaml's reader refused (a control
    /// character), the column counted in characters as libyaml's marks count it.
    private static func place(ofByte offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
