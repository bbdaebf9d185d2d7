import ServiceStore

/// The screen under any overlay.
public enum Screen: Sendable {
    case list
    case detail(DetailState)
    case wizard(WizardState)
    case editor(EditorState)
}

/// The detail screen: which service, what was loaded, and how far it is scrolled.
public struct DetailState: Sendable {
    public var namespace: String
    public var name: String
    public var data: DetailData?
    public var error: String?
    public var scroll = 0

    public init(namespace: String, name: String) {
        self.namespace = namespace
        self.name = name
    }
}
