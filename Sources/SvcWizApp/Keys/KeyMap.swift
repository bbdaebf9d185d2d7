import TerminalUI

/// The key tables of KEYMAP.md (a contract: docs, help and end-to-end tests rely on it).
/// Write actions are left out in read-only mode, so no key offers what cannot be done.
/// Screens and overlays look their keys up here; `svcwiz keys` prints these same tables.
package enum KeyMap {
    package static let global: [KeyBinding] = [
        KeyBinding([.character("?")], .help, .actHelp, .help, footer: true),
        KeyBinding([.escape], .back, .actBack, .back),
        KeyBinding([.character("q")], .quit, .actQuit, .quit),
        KeyBinding([.ctrl("c")], .quitNow, .actQuit, .quitNow),
        KeyBinding([.ctrl("z")], .suspend, .actSuspend, .suspend),
        KeyBinding([.ctrl("l")], .redraw, .actRedraw, .redraw),
        KeyBinding([.character(":")], .command, .actCommand, .command),
        KeyBinding([.character("!")], .messages, .actMessages, .messages),
    ]

    static let movement: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, .actMove, .up),
        KeyBinding([.down, .character("j")], .down, .actMove, .down),
        KeyBinding([.pageUp], .pageUp, .actPage, .pageUp),
        KeyBinding([.pageDown], .pageDown, .actPage, .pageDown),
        KeyBinding([.character("g"), .home], .top, .actTopBottom, .top),
        KeyBinding([.character("G"), .end], .bottom, .actTopBottom, .bottom),
    ]

    package static func list(readOnly: Bool) -> [KeyBinding] {
        var table = [
            KeyBinding([.enter], .open, .actOpen, .open, footer: true),
            KeyBinding([.character("/")], .filter, .actFilter, .filter, footer: true),
            KeyBinding([.character("s")], .sortNext, .actSort, .sortNext, footer: true),
            KeyBinding([.character("S")], .sortReverse, .actReverse, .sortReverse),
            KeyBinding([.character("n")], .namespace, .actNamespace, .namespace, footer: true, short: .actNamespaceShort),
            KeyBinding([.character("r")], .refresh, .actRefresh, .refresh),
            KeyBinding([.character(" ")], .mark, .actMark, .mark),
            KeyBinding([.character("x")], .export, .actExport, .export, footer: true),
        ]
        if !readOnly {
            table.insert(KeyBinding([.character("c")], .create, .actCreate, .create, footer: true), at: 1)
            table.insert(KeyBinding([.character("e")], .edit, .actEdit, .edit, footer: true), at: 2)
            table.insert(KeyBinding([.character("y")], .editText, .actEditText, .editText, footer: true), at: 3)
            table.insert(KeyBinding([.character("i")], .importFile, .actImport, .importFile), at: 4)
            table.append(KeyBinding([.ctrl("d")], .delete, .actDelete, .delete, footer: true))
        }
        return table + movement
    }

    package static func detail(readOnly: Bool) -> [KeyBinding] {
        var table = [
            KeyBinding([.escape, .character("q")], .back, .actBack, .backToList, footer: true),
            KeyBinding([.character("x")], .export, .actExport, .export, footer: true),
            KeyBinding([.character("r")], .refresh, .actRefresh, .refresh),
        ]
        if !readOnly {
            table.insert(KeyBinding([.character("e")], .edit, .actEdit, .edit, footer: true), at: 1)
            table.insert(KeyBinding([.character("y")], .editText, .actEditText, .editText, footer: true), at: 2)
            table.append(KeyBinding([.ctrl("d")], .delete, .actDelete, .deleteThis, footer: true))
        }
        return table + [KeyBinding([.character("Y")], .copy, .actCopy, .copyLine, footer: true)] + movement
    }

    /// The wizard's keys (KEYMAP.md, "Wizard and edit forms"). Printable keys are the
    /// fields' own, so help is on F1 here, and nothing global applies.
    package static func wizard(create: Bool) -> [KeyBinding] {
        [
            KeyBinding([.ctrl("n")], .nextStep, .actNext, .nextStep, footer: create),
            KeyBinding([.ctrl("p")], .previousStep, .actPrevious, .previousStep, footer: create),
            KeyBinding([.tab, .down], .nextField, .actField, .nextField, footer: true),
            KeyBinding([.backTab, .up], .previousField, .actField, .previousField),
            KeyBinding([.ctrl("a")], .addRow, .actAddRow, .addRow, footer: true),
            KeyBinding([.ctrl("k")], .removeRow, .actRemoveRow, .removeRow, footer: true),
            KeyBinding([.ctrl("w")], .pickWorkload, .actPickWorkload, .pickWorkload),
            KeyBinding([.ctrl("s")], .save, create ? .actCreate : .actSave, .save, footer: true),
            KeyBinding([.function(2), .ctrl("e")], .toEditor, .actEditor, .toEditor, footer: true),
            KeyBinding([.ctrl("o")], .importFile, .actImport, .importFile),
            KeyBinding([.function(1)], .help, .actHelp, .help),
            KeyBinding([.escape], .leave, create ? .actLeaveKeep : .actCancel, .leave, footer: true),
        ]
    }

    /// The wizard's review page, after the last step: what will be written, scrolled.
    package static func review(create: Bool) -> [KeyBinding] {
        [
            KeyBinding([.ctrl("p"), .escape], .previousStep, .actPrevious, .previousStep, footer: true),
            KeyBinding([.ctrl("s"), .enter], .save, create ? .actCreate : .actSave, .save, footer: true),
            KeyBinding([.function(2), .ctrl("e")], .toEditor, .actEditor, .toEditor),
            KeyBinding([.up], .up, .actScroll, .scroll),
            KeyBinding([.down], .down, .actScroll, .scroll),
            KeyBinding([.pageUp], .pageUp, .actPage, .pageUp),
            KeyBinding([.pageDown], .pageDown, .actPage, .pageDown),
        ]
    }

    /// The editor pane's keys (KEYMAP.md, "Editor pane"). Editing keys belong to the text
    /// widget; these are the ones it leaves to the screen, plus its own for help.
    package static func editor(create: Bool, language: EditorLanguage) -> [KeyBinding] {
        [
            KeyBinding([.function(2), .ctrl("e")], .toForm, .actForm, .toForm, footer: true),
            KeyBinding([.function(3), .ctrl("t")], .convert, language == .yaml ? .actToJSON : .actToYAML, .convert, footer: true),
            KeyBinding([.ctrl("s")], .save, create ? .actCreate : .actSave, .saveText, footer: true),
            KeyBinding([.ctrl("f")], .find, .actFind, .find, footer: true),
            KeyBinding([.ctrl("u")], .undo, .actUndo, .undo, footer: true),
            KeyBinding([.ctrl("r")], .redo, .actRedo, .redo, footer: true),
            KeyBinding([.ctrl("x")], .externalEditor, .actExternalEditor, .externalEditor, footer: true),
            KeyBinding([.escape], .toForm, .actForm, .toForm),
        ]
    }

    // MARK: Overlays

    /// Every chooser: namespace, the part of a service to edit, the Service of a file.
    package static let chooser: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, .actMove, .up),
        KeyBinding([.down, .character("j")], .down, .actMove, .down),
        KeyBinding([.enter], .confirm, .actConfirm, .choose),
        KeyBinding([.escape, .character("q")], .back, .actCancel, .closeChooser),
    ]

    /// The workload picker (Ctrl-W): a chooser whose entries are marked to pick several.
    package static let workloadPicker: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, .actMove, .up),
        KeyBinding([.down, .character("j")], .down, .actMove, .down),
        KeyBinding([.character(" ")], .mark, .actMark, .markWorkload, footer: true),
        KeyBinding([.enter], .confirm, .actApply, .applyWorkloads, footer: true),
        KeyBinding([.escape, .character("q")], .back, .actCancel, .closeChooser, footer: true),
    ]

    /// Every yes/no question: leave the wizard, overwrite a file, convert commented YAML.
    package static let confirm: [KeyBinding] = [
        KeyBinding([.character("y"), .character("Y"), .enter], .confirm, .actConfirm, .yes),
        KeyBinding([.character("n"), .character("N"), .escape], .back, .actCancel, .no),
    ]

    /// Every prompt: `:`, export, import; the other keys edit the text.
    package static let prompt: [KeyBinding] = [
        KeyBinding([.enter], .confirm, .actConfirm, .submit),
        KeyBinding([.escape], .back, .actCancel, .cancelPrompt),
        KeyBinding([.tab], .complete, .actComplete, .complete),
    ]

    /// The delete confirmation; the other keys type the name.
    package static let deleteConfirmation: [KeyBinding] = [
        KeyBinding([.ctrl("d")], .delete, .actDelete, .deleteAgain),
        KeyBinding([.enter], .confirm, .actConfirm, .deleteTyped),
        KeyBinding([.escape], .back, .actCancel, .cancelDelete),
    ]

    /// The diff before an edit is saved.
    package static let diff: [KeyBinding] = [
        KeyBinding([.ctrl("s"), .enter], .save, .actSave, .saveDiff),
        KeyBinding([.up], .up, .actScroll, .scrollDiff),
        KeyBinding([.down], .down, .actScroll, .scrollDiff),
        KeyBinding([.escape], .back, .actBack, .backToForm),
    ]

    /// Deletes refused because the services changed since the user saw them.
    package static let deleteRefusal: [KeyBinding] = [
        KeyBinding([.enter, .character("r")], .open, .actOpen, .lookAgain),
        KeyBinding([.up, .character("k")], .up, .actScroll, .scrollChanges),
        KeyBinding([.down, .character("j")], .down, .actScroll, .scrollChanges),
        KeyBinding([.escape, .character("q")], .back, .actCancel, .cancelDelete),
    ]

    /// A save that found the service changed on the other side.
    package static let conflict: [KeyBinding] = [
        KeyBinding([.character("r"), .character("R")], .refresh, .actReload, .reloadConflict),
        KeyBinding([.escape], .back, .actCancel, .cancelConflict),
    ]

    /// `c` found an unfinished draft.
    package static let resumeDraft: [KeyBinding] = [
        KeyBinding([.character("r"), .character("R"), .enter], .confirm, .actResume, .resumeDraft),
        KeyBinding([.character("n"), .character("N")], .discard, .actStartFresh, .freshDraft),
        KeyBinding([.escape], .back, .actCancel, .cancelResume),
    ]

    /// `?` help and `!` messages.
    package static let panel: [KeyBinding] = [
        KeyBinding([.escape, .character("q"), .character("?"), .enter, .character("!")], .back, .actDismiss, .closePanel),
    ]

    /// The action for `key`: the table's first, then the global table's (screens), or
    /// only the table's (overlays and forms pass `global: []`).
    package static func action(for key: Key, in table: [KeyBinding], global: [KeyBinding] = global) -> AppAction? {
        for binding in table + global where binding.keys.contains(key) {
            return binding.action
        }
        return nil
    }
}
