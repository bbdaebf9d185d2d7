/// A file that could not be read as YAML or JSON, with where it went wrong.
public struct ManifestParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, when the text came from one.
    public var file: String?
    public var line: Int
    public var column: Int
    /// The parser's own words (libyaml's or ours), in English.
    public var message: String

    public init(file: String? = nil, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: message`, the form editors and terminals link to.
    public var description: String {
        "\(file ?? "<input>"):\(line):\(column): \(message)"
    }
}
