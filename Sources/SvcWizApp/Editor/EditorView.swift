import ServiceModel
import TerminalUI

/// Draws edit mode: a title with the format and cursor position, the text pane, the
/// status line and the editor's keys.
enum EditorView {
    static func draw(_ state: EditorState, _ app: AppState, on surface: Surface) {
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
        surface.draw("", at: Point(column: 0, row: statusRow), width: size.columns)
        if let status = app.status {
            let style: Style = status.severity == .error ? .error : (status.severity == .warning ? .warning : .normal)
            surface.draw((status.severity == .info ? " " : " ! ") + status.text, at: Point(column: 0, row: statusRow),
                         width: size.columns, style: style)
        } else if let marker = editor.markerAtCursor {
            surface.draw(" ! " + marker, at: Point(column: 0, row: statusRow), width: size.columns, style: .error)
        } else if !editor.markers.isEmpty {
            surface.draw(" ! " + t(.editorInvalid, String(editor.markers.count)), at: Point(column: 0, row: statusRow),
                         width: size.columns, style: .warning)
        }
        var x = 1
        for binding in KeyMap.editor(create: state.wizard.isCreate, language: state.editor.language) where binding.inFooter {
            let key = binding.keys[0].displayName, label = t(binding.footerLabel)
            guard x + key.displayWidth + label.displayWidth + 3 <= size.columns else { break }
            x += surface.draw(key, at: Point(column: x, row: size.rows - 1), style: .keyHint) + 1
            x += surface.draw(label, at: Point(column: x, row: size.rows - 1)) + 2
        }
    }
}
