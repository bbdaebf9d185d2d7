/// How a piece of detail text should read; the theme turns it into a look, and words or
/// marks carry the same meaning in monochrome.
package enum DetailTone: Sendable, Hashable {
    case normal, muted, warning, good, bad
}

/// One `label  value` attribute.
package struct DetailPair: Sendable, Hashable {
    package var label: String
    package var value: String
    package var tone: DetailTone

    package init(_ label: String, _ value: String, tone: DetailTone = .normal) {
        self.label = label
        self.value = value
        self.tone = tone
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
