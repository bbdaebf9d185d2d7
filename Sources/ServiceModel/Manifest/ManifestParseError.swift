/// A file that could not be read as YAML or JSON, with where it went wrong.
package struct ManifestParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when the text came from one.
    package var file: String?
    package var line: Int
    package var column: Int
    /// The parser's own words (libyaml's or ours), in English.
    package var message: String
    /// The bound the input broke, when it was refused for its size rather than its syntax.
    package var limit: InputLimitViolation?

    package init(file: String? = nil, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// An input refused by one of `InputLimits`; `message` holds the English text.
    package init(file: String?, line: Int, column: Int, limit: InputLimitViolation) {
        self.init(file: file, line: line, column: column, message: limit.message(in: .en))
        self.limit = limit
    }

    /// The message in `language`: the catalog's words for a refused input, the parser's
    /// (English) for a syntax error.
    package func message(in language: Language) -> String {
        limit?.message(in: language) ?? message
    }

    /// `file:line:col: message` with the message in `language`.
    package func description(in language: Language) -> String {
        "\(file ?? "<input>"):\(line):\(column): \(message(in: language))"
    }

    /// `file:line:col: message`, the form editors and terminals link to.
    package var description: String {
        "\(file ?? "<input>"):\(line):\(column): \(message)"
    }
}
