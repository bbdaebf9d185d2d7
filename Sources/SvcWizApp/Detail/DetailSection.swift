/// How a piece of detail text should read; the theme turns it into a look, and words or
/// marks carry the same meaning in monochrome.
package enum DetailTone: Sendable, Hashable {
    case normal, muted, warning, good, bad
}

/// One `label  value` attribute, the line the detail's cursor stands on.
package struct DetailPair: Sendable, Hashable {
    package var label: String
    package var value: String
    package var tone: DetailTone
    /// A command that tries what the line shows (`curl ...`), drawn after the value.
    package var command: String?
    /// What `Y` copies from the line: its command, else its value; nil for a note or a
    /// placeholder, which hold nothing to paste.
    package var copyText: String?

    /// `copy` defaults to the command, else the value unless the line is a note (muted or
    /// a warning).
    package init(_ label: String, _ value: String, tone: DetailTone = .normal, command: String? = nil, copy: String?? = nil) {
        self.label = label
        self.value = value
        self.tone = tone
        self.command = command
        switch copy {
        case .some(let given): copyText = given
        case .none: copyText = command ?? (tone == .muted || tone == .warning || value.isEmpty ? nil : value)
        }
    }
}

/// A titled part of the detail screen: attributes, access, ports, backends, ...
package struct DetailSection: Sendable, Hashable {
    package enum Body: Sendable, Hashable {
        case pairs([DetailPair])
        case table(header: [String], rows: [[String]])
        case lines([DetailPair])
    }

    package var title: String
    package var body: Body

    package init(title: String, body: Body) {
        self.title = title
        self.body = body
    }
}
