/// One change to a buffer's lines: the lines from `start` that were replaced and what
/// replaced them. Keeping only the touched lines makes a step cheap whatever the size
/// of the document, and a 10,000-line paste a single step.
struct LineEdit: Sendable {
    /// What kind of keystroke made the edit: consecutive edits of the same typing kind
    /// on the same line merge into one undo step.
    enum Kind: Sendable, Equatable {
        case typing, deletingBackward, deletingForward, other

        var merges: Bool { self != .other }
    }

    var start: Int
    var oldLines: [String]
    var newLines: [String]
    var cursorBefore: TextPosition
    var cursorAfter: TextPosition
    var kind: Kind

    /// The edit that takes the lines back.
    var inverse: LineEdit {
        LineEdit(start: start, oldLines: newLines, newLines: oldLines,
                 cursorBefore: cursorAfter, cursorAfter: cursorBefore, kind: kind)
    }
}

/// Undo and redo stacks with grouping: typing (or deleting) characters in a row is one
/// step until the cursor moves or a different kind of edit happens.
struct UndoHistory: Sendable {
    private(set) var undoStack: [LineEdit] = []
    private(set) var redoStack: [LineEdit] = []
    /// False once the cursor moved: the next edit starts a new step even if it is of the
    /// same kind as the last.
    private var groupOpen = false

    /// Steps kept; the oldest are dropped beyond this.
    static let limit = 500

    var canUndo: Bool { !undoStack.isEmpty }
    var canRedo: Bool { !redoStack.isEmpty }

    /// Records `edit`; any redo is lost, as a new edit starts a new branch.
    mutating func record(_ edit: LineEdit) {
        redoStack.removeAll()
        if groupOpen, let last = undoStack.last, Self.canMerge(last, edit) {
            undoStack[undoStack.count - 1].newLines = edit.newLines
            undoStack[undoStack.count - 1].cursorAfter = edit.cursorAfter
        } else {
            undoStack.append(edit)
            if undoStack.count > Self.limit { undoStack.removeFirst(undoStack.count - Self.limit) }
        }
        groupOpen = edit.kind.merges
    }

    /// Ends the current typing group (the cursor moved, or a search jumped).
    mutating func closeGroup() {
        groupOpen = false
    }

    /// The step to revert, moved to the redo stack.
    mutating func popUndo() -> LineEdit? {
        groupOpen = false
        guard let edit = undoStack.popLast() else { return nil }
        redoStack.append(edit)
        return edit
    }

    /// The step to apply again, moved back to the undo stack.
    mutating func popRedo() -> LineEdit? {
        groupOpen = false
        guard let edit = redoStack.popLast() else { return nil }
        undoStack.append(edit)
        return edit
    }

    private static func canMerge(_ last: LineEdit, _ next: LineEdit) -> Bool {
        last.kind == next.kind && last.kind.merges
            && last.start == next.start
            && last.newLines.count == 1 && next.oldLines.count == 1 && next.newLines.count == 1
            && last.cursorAfter == next.cursorBefore
    }
}
