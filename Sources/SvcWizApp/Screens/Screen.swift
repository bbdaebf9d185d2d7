/// The screen under any overlay.
public enum Screen: Sendable {
    case list
    case detail(DetailScreen)
    case wizard(WizardState)
    case editor(EditorState)
}
