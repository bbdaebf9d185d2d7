/// Finds the Services (namespace and name) and the workloads' namespaces of a manifest file
/// from its lines, without a YAML parse: a cold start orders a workspace's services by it
/// before every file is parsed.
///
/// Only plain block-style YAML is answered. Anything the line rules cannot be sure of gives
/// nil: JSON, a BOM, CR or Unicode line breaks, a root that is not a block mapping at column
/// 0, `kind` or `metadata`, `name`, `namespace` written other than as a simple scalar or
/// twice, quoted keys at those levels, anchors, aliases and tags, quoted scalars or flow
/// collections that do not close on their line (they may swallow the lines after them),
/// a List kind (its items would need the parse). An answer is what `ManifestReader` reads
/// from a file that parses; a file that does not parse has no services whatever the scan
/// said.
package enum ManifestQuickScan {
    package struct Found: Sendable, Hashable {
        /// The Services, in the file's order.
        package var services: [ServiceID] = []
        /// The namespace of each workload (Deployment, StatefulSet, DaemonSet): they count
        /// the backends of that namespace's services.
        package var workloadNamespaces: [String] = []

        package init(services: [ServiceID] = [], workloadNamespaces: [String] = []) {
            self.services = services
            self.workloadNamespaces = workloadNamespaces
        }
    }

    package static func scan(_ bytes: [UInt8], path: String? = nil) -> Found? {
        if let path, ManifestFormat(path: path) == .json { return nil }
        guard bytes.count <= InputLimits.maxFileBytes, !hasOtherLineBreaks(bytes), !startsLikeJSON(bytes) else { return nil }
        var found = Found()
        let answered = bytes.withUnsafeBufferPointer { buffer -> Bool in
            for chunk in YAMLDocumentReader.splitDocuments(bytes, from: 0) {
                var document = DocumentScan(bytes: buffer)
                var start = chunk.range.lowerBound
                while start < chunk.range.upperBound {
                    var end = start
                    while end < chunk.range.upperBound, buffer[end] != newline { end += 1 }
                    guard document.line(start, end) else { return false }
                    start = end + 1
                }
                guard document.finish(into: &found) else { return false }
            }
            return true
        }
        return answered ? found : nil
    }

    /// CR, a BOM anywhere, and the line breaks libyaml also counts (NEL, LS, PS): the lines
    /// would not be the parser's lines.
    private static func hasOtherLineBreaks(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            for i in 0..<count {
                let byte = buffer[i]
                guard byte == 0x0D || byte >= 0xC2 else { continue }
                switch byte {
                case 0x0D: return true
                case 0xC2: if i + 1 < count, buffer[i + 1] == 0x85 { return true }
                case 0xE2: if i + 2 < count, buffer[i + 1] == 0x80, buffer[i + 2] == 0xA8 || buffer[i + 2] == 0xA9 { return true }
                case 0xEF: if i + 2 < count, buffer[i + 1] == 0xBB, buffer[i + 2] == 0xBF { return true }
                default: continue
                }
            }
            return false
        }
    }

    /// Text whose first character is `{` or `[` is read as JSON first.
    private static func startsLikeJSON(_ bytes: [UInt8]) -> Bool {
        for byte in bytes {
            switch byte {
            case space, tab, newline: continue
            case openBracket, openBrace: return true
            default: return false
            }
        }
        return false
    }
}

private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
private let openBracket = UInt8(ascii: "["), openBrace = UInt8(ascii: "{")
private let closeBracket = UInt8(ascii: "]"), closeBrace = UInt8(ascii: "}")
private let colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#"), dash = UInt8(ascii: "-"), comma = UInt8(ascii: ",")
private let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")

/// One document's lines. Only two levels are read: the root mapping's keys (column 0) and
/// the keys of its `metadata` mapping; every other line is only checked for what could make
/// later lines something else than they look (an unclosed quote or flow, a block scalar).
private struct DocumentScan {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The name-like values read: `kind`, `metadata.name`, `metadata.namespace`.
    enum Field { case kind, name, namespace }

    /// Each field read; "" for one written so that the scan cannot answer. Three stored
    /// values, not a dictionary: every document of a cold start's files has them.
    struct Fields {
        private var values: (String?, String?, String?) = (nil, nil, nil)

        subscript(field: Field) -> String? {
            get {
                switch field {
                case .kind: values.0
                case .name: values.1
                case .namespace: values.2
                }
            }
            set {
                switch field {
                case .kind: values.0 = newValue
                case .name: values.1 = newValue
                case .namespace: values.2 = newValue
                }
            }
        }
    }

    var fields = Fields()
    var sawMetadata = false
    var sawContent = false
    var inMetadata = false
    var metadataIndent: Int?
    /// Inside a block scalar: lines indented more than this are its text.
    var blockIndent: Int?
    /// After a name-like value read at this column: a next line indented past it would
    /// continue the value (a plain scalar folds its more-indented lines in).
    var scalarColumn: Int?

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// False when the line makes the document one the scan cannot answer.
    mutating func line(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end, bytes[i] == space { i += 1 }
        let indent = i - start
        if let block = blockIndent {
            if i == end || indent > block { return true }
            blockIndent = nil
        }
        if i == end { return true }
        if let column = scalarColumn {
            scalarColumn = nil
            if bytes[i] != hash, indent > column { return false }
        }
        if bytes[i] == tab { return false }
        if bytes[i] == hash { return true }
        if indent == 0 {
            sawContent = true
            inMetadata = false
            guard let (keyEnd, valueStart) = plainKey(i, end) else { return false }
            switch text(i, keyEnd) {
            case "kind":
                return read(.kind, valueStart, end, column: 0)
            case "metadata":
                guard !sawMetadata, restIsEmpty(valueStart, end) else { return false }
                sawMetadata = true
                inMetadata = true
                return true
            default:
                return value(valueStart, end, column: 0)
            }
        }
        // A root indented past column 0 would hide its keys from the rules above.
        guard sawContent else { return false }
        if inMetadata {
            let level = metadataIndent ?? indent
            metadataIndent = level
            if indent < level { return false }
            if indent == level {
                guard let (keyEnd, valueStart) = plainKey(i, end) else { return false }
                switch text(i, keyEnd) {
                case "name":
                    return read(.name, valueStart, end, column: level)
                case "namespace":
                    return read(.namespace, valueStart, end, column: level)
                default:
                    return value(valueStart, end, column: indent)
                }
            }
        }
        return nestedLine(i, end, start: start)
    }

    /// The value of a field's key at `column`; false when the field came before or its
    /// value is not a simple scalar.
    private mutating func read(_ field: Field, _ from: Int, _ end: Int, column: Int) -> Bool {
        guard fields[field] == nil else { return false }
        let value = simpleScalar(from, end)
        fields[field] = value ?? ""
        scalarColumn = column
        return value != nil
    }

    /// What the document adds to `found`; false when it cannot be answered.
    func finish(into found: inout ManifestQuickScan.Found) -> Bool {
        guard let kind = fields[.kind] else { return true }
        let name = fields[.name], namespace = fields[.namespace]
        if kind.hasSuffix("List") { return false }
        if kind == "Service" {
            guard let name else { return false }
            found.services.append(ServiceID(namespace: namespace ?? "default", name: name))
        } else if Workload.Kind(rawValue: kind) != nil {
            found.workloadNamespaces.append(namespace ?? "default")
        }
        return true
    }

    // MARK: Lines below the two levels read

    /// A line inside some other value: `- ` entries, then a key and its value, or a scalar.
    private mutating func nestedLine(_ first: Int, _ end: Int, start: Int) -> Bool {
        var i = first
        var entryColumn: Int?
        while i < end, bytes[i] == dash {
            if i + 1 == end {
                return true
            } else if bytes[i + 1] == space {
                entryColumn = i - start
                i += 1
                while i < end, bytes[i] == space { i += 1 }
            } else if bytes[i + 1] == tab {
                return false
            } else {
                break
            }
        }
        if i == end { return true }
        let column = i - start
        switch bytes[i] {
        case hash:
            return true
        case doubleQuote, singleQuote:
            guard let close = closingQuote(i, end) else { return false }
            var after = close + 1
            while after < end, bytes[after] == space { after += 1 }
            if after < end, bytes[after] == colon, after + 1 == end || isBlank(bytes[after + 1]) {
                return value(after + 1, end, column: column)
            }
            return restIsEmpty(close + 1, end)
        case openBracket, openBrace:
            guard let close = closingFlow(i, end) else { return false }
            return restIsEmpty(close + 1, end)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            guard let entryColumn else { return false }
            blockIndent = entryColumn
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "?"),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        default:
            var k = i
            while k < end {
                if bytes[k] == colon, k + 1 == end || isBlank(bytes[k + 1]) { return value(k + 1, end, column: column) }
                if bytes[k] == hash, isBlank(bytes[k - 1]) { return true }
                k += 1
            }
            return true
        }
    }

    /// The value after a key's `:`; `column` is the key's, which a block scalar's text is
    /// indented past.
    private mutating func value(_ from: Int, _ end: Int, column: Int) -> Bool {
        var i = from
        while i < end, isBlank(bytes[i]) { i += 1 }
        if i == end || bytes[i] == hash { return true }
        switch bytes[i] {
        case doubleQuote, singleQuote:
            guard let close = closingQuote(i, end) else { return false }
            return restIsEmpty(close + 1, end)
        case openBracket, openBrace:
            guard let close = closingFlow(i, end) else { return false }
            return restIsEmpty(close + 1, end)
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            blockIndent = column
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "?"),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
            return false
        case dash:
            return !(i + 1 == end || isBlank(bytes[i + 1]))
        default:
            return true
        }
    }

    // MARK: Tokens

    /// A key of letters, digits and `_ . / -` (starting with a letter), then `:` and a space
    /// or the end of the line: where the key ends and its value starts.
    private func plainKey(_ from: Int, _ end: Int) -> (keyEnd: Int, valueStart: Int)? {
        guard isLetter(bytes[from]) else { return nil }
        var i = from
        while i < end, isKeyByte(bytes[i]) { i += 1 }
        guard i < end, bytes[i] == colon else { return nil }
        guard i + 1 == end || bytes[i + 1] == space else { return nil }
        return (i, i + 1)
    }

    /// A name-like scalar: plain (a string to YAML 1.1, as `ManifestReader` resolves it), or
    /// quoted without escapes, then nothing but a comment. Nil for anything else.
    private func simpleScalar(_ from: Int, _ end: Int) -> String? {
        var i = from
        while i < end, bytes[i] == space { i += 1 }
        guard i < end else { return nil }
        let quote = bytes[i]
        if quote == doubleQuote || quote == singleQuote {
            var close = i + 1
            while close < end, isNameByte(bytes[close]) { close += 1 }
            guard close < end, bytes[close] == quote, close > i + 1, restIsEmpty(close + 1, end) else { return nil }
            return text(i + 1, close)
        }
        guard isLetter(bytes[i]) || isDigit(bytes[i]) else { return nil }
        var stop = i
        while stop < end, isNameByte(bytes[stop]) { stop += 1 }
        guard stop == end || bytes[stop] == space, restIsEmpty(stop, end) else { return nil }
        let value = text(i, stop)
        return YAML11.resolve(value) == .string ? value : nil
    }

    /// Only blanks and a comment (after a blank) up to the end of the line.
    private func restIsEmpty(_ from: Int, _ end: Int) -> Bool {
        var i = from
        while i < end, isBlank(bytes[i]) { i += 1 }
        return i == end || (bytes[i] == hash && i > from)
    }

    /// The closing quote of the quoted scalar opening at `from`, on this line.
    private func closingQuote(_ from: Int, _ end: Int) -> Int? {
        let quote = bytes[from]
        var i = from + 1
        while i < end {
            if quote == doubleQuote, bytes[i] == backslash {
                i += 2
                continue
            }
            if bytes[i] == quote {
                if quote == singleQuote, i + 1 < end, bytes[i + 1] == singleQuote {
                    i += 2
                    continue
                }
                return i
            }
            i += 1
        }
        return nil
    }

    /// The bracket that closes the flow collection opening at `from`, on this line. A quote
    /// is taken as a quoted scalar only where one must start (after `[`, `{`, `,`, or a `:`
    /// that follows a quoted key or precedes a blank); a quote anywhere else, a comment,
    /// anchors, aliases, tags and explicit keys give nil.
    private func closingFlow(_ from: Int, _ end: Int) -> Int? {
        var depth = 0
        var atStart = true
        var afterQuoted = false
        var afterColon = false
        var i = from
        while i < end {
            let byte = bytes[i]
            switch byte {
            case openBracket, openBrace:
                depth += 1
                atStart = true
            case closeBracket, closeBrace:
                depth -= 1
                if depth == 0 { return i }
                atStart = false
            case comma:
                atStart = true
            case colon:
                atStart = afterQuoted
                afterColon = true
                afterQuoted = false
                i += 1
                continue
            case space, tab:
                if afterColon { atStart = true }
                i += 1
                continue
            case doubleQuote, singleQuote:
                guard atStart, let close = closingQuote(i, end) else { return nil }
                i = close + 1
                atStart = false
                afterQuoted = true
                afterColon = false
                continue
            case hash:
                if i > from, isBlank(bytes[i - 1]) { return nil }
                atStart = false
            case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "?"):
                return nil
            default:
                atStart = false
            }
            afterQuoted = false
            afterColon = false
            i += 1
        }
        return nil
    }

    private func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }
}

private func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }
private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
private func isNameByte(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || byte == dash || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
}
private func isKeyByte(_ byte: UInt8) -> Bool { isNameByte(byte) || byte == UInt8(ascii: "/") }
