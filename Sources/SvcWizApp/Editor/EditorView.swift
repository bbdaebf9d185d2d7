import ServiceModel
import TerminalUI

/// Draws edit mode: a title with the format and cursor position, the text pane, the
/// status line (the message, else that the text is being checked, else the marker at
/// the cursor or how many there are) and the editor's keys.
enum EditorView {
    static func draw(_ state: EditorScreen, _ app: AppState, on surface: Surface) {
        let size = surface.size
        let t = app.text
        let title = " " + (state.wizard.isCreate ? t(.wizardCreateTitle) : t(.wizardEditTitle, state.wizard.draft.name))
            + " · " + t(.editMode) + " · " + state.editor.language.displayName
        let position = t(.editorPosition, String(state.editor.cursorLineNumber), String(state.editor.cursorColumnNumber)) + " "
        surface.draw("", at: Point(column: 0, row: 0), width: size.columns, style: .title)
        surface.draw(title, at: Point(column: 0, row: 0), width: max(0, size.columns - position.displayWidth - 1), style: .title)
        surface.draw(position, at: Point(column: max(0, size.columns - position.displayWidth), row: 0), style: .title)
        let pane = Rect(column: 0, row: 1, width: size.columns, height: size.rows - 4)
        var editor = state.editor
        editor.layout(in: pane)
        editor.draw(on: surface, in: pane)
        surface.drawRule(at: Point(column: 0, row: size.rows - 3), width: size.columns)
        let statusRow = size.rows - 2
        if let status = app.status {
            StatusLine.draw(status, on: surface, row: statusRow, width: size.columns)
        } else if state.isChecking {
            StatusLine.draw(t(.editorChecking), flagged: false, style: .muted, on: surface, row: statusRow, width: size.columns)
        } else if let marker = editor.markerAtCursor {
            StatusLine.draw(marker, flagged: true, style: .error, on: surface, row: statusRow, width: size.columns)
        } else if !editor.markers.isEmpty {
            StatusLine.draw(t(.editorInvalid, String(editor.markers.count)), flagged: true, style: .warning,
                            on: surface, row: statusRow, width: size.columns)
        } else {
            surface.draw("", at: Point(column: 0, row: statusRow), width: size.columns)
        }
        let bindings = KeyMap.editor(create: state.wizard.isCreate, language: state.editor.language)
        KeyHints.draw(bindings.footerHints(t), on: surface, row: size.rows - 1, width: size.columns)
    }
}
