/// How a piece of detail text should read; the theme turns it into a look, and words or
/// marks carry the same meaning in monochrome.
public enum DetailTone: Sendable, Hashable {
    case normal, muted, warning, good, bad
}

/// One `label  value` attribute.
public struct DetailPair: Sendable, Hashable {
    public var label: String
    public var value: String
    public var tone: DetailTone

    public init(_ label: String, _ value: String, tone: DetailTone = .normal) {
        self.label = label
        self.value = value
        self.tone = tone
    }
}

/// A titled part of the detail screen: attributes, access, ports, backends, ...
public struct DetailSection: Sendable, Hashable {
    public enum Body: Sendable, Hashable {
        case pairs([DetailPair])
        case table(header: [String], rows: [[String]])
        case lines([DetailPair])
    }

    public var title: String
    public var body: Body

    public init(title: String, body: Body) {
        self.title = title
        self.body = body
    }
}
