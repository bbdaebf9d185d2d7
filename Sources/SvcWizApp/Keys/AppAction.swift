/// What a key does. Handlers switch on actions, never on keys, so the key tables are the
/// only place a key is named.
package enum AppAction: String, Sendable, Hashable, CaseIterable {
    // Everywhere
    case help, back, quit, quitNow, suspend, redraw, command, messages
    // Moving
    case up, down, pageUp, pageDown, top, bottom
    // List
    case open, filter, sortNext, sortReverse, namespace, refresh, mark, delete, export
    // List and detail: write
    case create, edit
    // Wizard and edit forms
    case nextField, previousField, nextStep, previousStep, addRow, removeRow, pickWorkload, save, leave
    case toEditor, importFile
    // Editor pane
    case toForm, convert, externalEditor, find, undo, redo
    // List and detail: the stored service as text
    case editText
    // Detail: the line under the cursor to the clipboard
    case copy
    // Overlays: choosers, questions and prompts
    case confirm, complete, discard
}
