import TerminalUI

/// The key tables of KEYMAP.md (a contract: docs, help and end-to-end tests rely on it).
/// Write actions are left out in read-only mode, so no key offers what cannot be done.
public enum KeyMap {
    public static let global: [KeyBinding] = [
        KeyBinding([.character("?")], .help, .actHelp, footer: true),
        KeyBinding([.escape], .back, .actBack),
        KeyBinding([.character("q")], .quit, .actQuit),
        KeyBinding([.ctrl("c")], .quitNow, .actQuit),
        KeyBinding([.ctrl("z")], .suspend, .actSuspend),
        KeyBinding([.ctrl("l")], .redraw, .actRedraw),
        KeyBinding([.character(":")], .command, .actCommand),
        KeyBinding([.character("!")], .messages, .actMessages),
    ]

    static let movement: [KeyBinding] = [
        KeyBinding([.up, .character("k")], .up, .actMove),
        KeyBinding([.down, .character("j")], .down, .actMove),
        KeyBinding([.pageUp], .pageUp, .actPage),
        KeyBinding([.pageDown], .pageDown, .actPage),
        KeyBinding([.character("g"), .home], .top, .actTopBottom),
        KeyBinding([.character("G"), .end], .bottom, .actTopBottom),
    ]

    public static func list(readOnly: Bool) -> [KeyBinding] {
        var table = [
            KeyBinding([.enter], .open, .actOpen, footer: true),
            KeyBinding([.character("/")], .filter, .actFilter, footer: true),
            KeyBinding([.character("s")], .sortNext, .actSort, footer: true),
            KeyBinding([.character("S")], .sortReverse, .actReverse),
            KeyBinding([.character("n")], .namespace, .actNamespace, footer: true, short: .actNamespaceShort),
            KeyBinding([.character("r")], .refresh, .actRefresh),
            KeyBinding([.character(" ")], .mark, .actMark),
            KeyBinding([.character("x")], .export, .actExport, footer: true),
        ]
        if !readOnly {
            table.insert(KeyBinding([.character("c")], .create, .actCreate, footer: true), at: 1)
            table.insert(KeyBinding([.character("e")], .edit, .actEdit, footer: true), at: 2)
            table.insert(KeyBinding([.character("y")], .editText, .actEditText, footer: true), at: 3)
            table.insert(KeyBinding([.character("i")], .importFile, .actImport), at: 4)
            table.append(KeyBinding([.ctrl("d")], .delete, .actDelete, footer: true))
        }
        return table + movement
    }

    public static func detail(readOnly: Bool) -> [KeyBinding] {
        var table = [
            KeyBinding([.escape, .character("q")], .back, .actBack, footer: true),
            KeyBinding([.character("x")], .export, .actExport, footer: true),
            KeyBinding([.character("r")], .refresh, .actRefresh),
        ]
        if !readOnly {
            table.insert(KeyBinding([.character("e")], .edit, .actEdit, footer: true), at: 1)
            table.insert(KeyBinding([.character("y")], .editText, .actEditText, footer: true), at: 2)
            table.append(KeyBinding([.ctrl("d")], .delete, .actDelete, footer: true))
        }
        return table + [
            KeyBinding([.up, .character("k")], .up, .actScroll),
            KeyBinding([.down, .character("j")], .down, .actScroll),
            KeyBinding([.pageUp], .pageUp, .actPage),
            KeyBinding([.pageDown], .pageDown, .actPage),
            KeyBinding([.character("g"), .home], .top, .actTopBottom),
            KeyBinding([.character("G"), .end], .bottom, .actTopBottom),
        ]
    }

    /// The wizard's keys (KEYMAP.md, "Wizard and edit forms"). Printable keys are the
    /// fields' own, so help is on F1 here, and nothing global applies.
    public static func wizard(create: Bool) -> [KeyBinding] {
        [
            KeyBinding([.ctrl("n")], .nextStep, .actNext, footer: create),
            KeyBinding([.ctrl("p")], .previousStep, .actPrevious, footer: create),
            KeyBinding([.tab, .down], .nextField, .actField, footer: true),
            KeyBinding([.backTab, .up], .previousField, .actField),
            KeyBinding([.ctrl("a")], .addRow, .actAddRow, footer: true),
            KeyBinding([.ctrl("k")], .removeRow, .actRemoveRow, footer: true),
            KeyBinding([.ctrl("w")], .pickWorkload, .actPickWorkload),
            KeyBinding([.ctrl("s")], .save, create ? .actCreate : .actSave, footer: true),
            KeyBinding([.function(2), .ctrl("e")], .toEditor, .actEditor, footer: true),
            KeyBinding([.ctrl("o")], .importFile, .actImport),
            KeyBinding([.function(1)], .help, .actHelp),
            KeyBinding([.escape], .leave, create ? .actLeaveKeep : .actCancel, footer: true),
        ]
    }

    /// The editor pane's keys (KEYMAP.md, "Editor pane"). Editing keys belong to the text
    /// widget; these are the ones it leaves to the screen, plus its own for help.
    public static func editor(create: Bool, language: EditorLanguage) -> [KeyBinding] {
        [
            KeyBinding([.function(2), .ctrl("e")], .toForm, .actForm, footer: true),
            KeyBinding([.function(3), .ctrl("t")], .convert, language == .yaml ? .actToJSON : .actToYAML, footer: true),
            KeyBinding([.ctrl("s")], .save, create ? .actCreate : .actSave, footer: true),
            KeyBinding([.ctrl("f")], .find, .actFind, footer: true),
            KeyBinding([.ctrl("u")], .undo, .actUndo, footer: true),
            KeyBinding([.ctrl("r")], .redo, .actRedo, footer: true),
            KeyBinding([.ctrl("x")], .externalEditor, .actExternalEditor, footer: true),
            KeyBinding([.escape], .toForm, .actForm),
        ]
    }

    /// The action for `key` on a screen: the screen's table first, then the global one.
    public static func action(for key: Key, in table: [KeyBinding]) -> AppAction? {
        for binding in table + global where binding.keys.contains(key) {
            return binding.action
        }
        return nil
    }
}
