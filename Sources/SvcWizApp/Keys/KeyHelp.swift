/// What a key does, in a sentence: the description each binding carries, which `svcwiz
/// keys` and the keymap documents print. (The footer and `?` help show the binding's
/// shorter `label`.) The sentences are in `KeyHelp+English.swift` and
/// `KeyHelp+Chinese.swift`; a test checks that both are complete.
package enum KeyHelp: String, Sendable, Hashable, CaseIterable {
    // Everywhere
    case help, back, quit, quitNow, suspend, redraw, command, messages
    case up, down, pageUp, pageDown, top, bottom
    // List
    case open, filter, sortNext, sortReverse, namespace, refresh, mark, delete, export, create, edit, editText
    // Detail
    case backToList, deleteThis, scroll, copyLine
    // Wizard and edit forms
    case nextField, previousField, nextStep, previousStep, addRow, removeRow, pickWorkload, save, leave
    case toEditor, importFile
    // Editor pane
    case toForm, convert, saveText, externalEditor, find, undo, redo
    // Overlays
    case choose, closeChooser, markWorkload, applyWorkloads, yes, no, submit, cancelPrompt, complete
    case deleteAgain, deleteTyped, cancelDelete, lookAgain, scrollChanges, saveDiff, backToForm, scrollDiff
    case reloadConflict, cancelConflict, resumeDraft, freshDraft, cancelResume, closePanel
}
