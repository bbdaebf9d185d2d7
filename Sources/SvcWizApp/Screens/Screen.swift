/// The screen under any overlay.
package enum Screen: Sendable {
    case list
    case detail(DetailScreen)
    case wizard(WizardState)
    case editor(EditorScreen)
}
