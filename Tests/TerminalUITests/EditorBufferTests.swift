import Testing
@testable import TerminalUI

@Suite struct EditorBufferTests {
    private func buffer(_ text: String, at line: Int = 0, _ column: Int = 0) -> TextBuffer {
        var buffer = TextBuffer(text: text)
        buffer.moveCursor(to: TextPosition(line: line, column: column))
        return buffer
    }

    @Test func splitsLinesAndKeepsTheTextAsGiven() {
        let text = "a: 1\nb:\n  c: 中文\n"
        let buffer = TextBuffer(text: text)
        #expect(buffer.lines == ["a: 1", "b:", "  c: 中文", ""])
        #expect(buffer.text == text)
        #expect(TextBuffer(text: "x\r\ny").lines == ["x", "y"])
        #expect(TextBuffer(text: "").lines == [""])
    }

    @Test func insertingAfterCJKAdvancesTwoCellsPerCharacter() {
        var buffer = buffer("name: 前端", at: 0, 6)
        buffer.type("新")
        #expect(buffer.currentLine == "name: 新前端")
        #expect(buffer.cursor == TextPosition(line: 0, column: 7))
        #expect(buffer.displayColumn(of: buffer.cursor) == 8)
        buffer.moveRight()
        #expect(buffer.displayColumn(of: buffer.cursor) == 10)
    }

    @Test func deletingRemovesWholeGraphemes() {
        var buffer = buffer("a前🚀é́b", at: 0, 4)
        buffer.deleteBackward()
        #expect(buffer.currentLine == "a前🚀b")
        #expect(buffer.displayColumn(of: buffer.cursor) == 5)
        buffer.moveLeft()
        buffer.deleteForward()
        #expect(buffer.currentLine == "a前b")
        #expect(buffer.cursor.column == 2)
        #expect(buffer.displayColumn(of: buffer.cursor) == 3)
    }

    @Test func upAndDownKeepTheDisplayColumnAcrossCJK() {
        // "前端服务" is 8 cells; the cursor after "前端" is at cell 4.
        var buffer = buffer("前端服务\nabcdefgh\nx\n中文abc", at: 0, 2)
        buffer.moveDown()
        #expect(buffer.cursor == TextPosition(line: 1, column: 4))
        buffer.moveDown()
        #expect(buffer.cursor == TextPosition(line: 2, column: 1))
        buffer.moveDown()
        // Cell 4 of "中文abc" is the "a": the goal column survived the short line.
        #expect(buffer.cursor == TextPosition(line: 3, column: 2))
        buffer.moveUp()
        buffer.moveUp()
        buffer.moveUp()
        #expect(buffer.cursor == TextPosition(line: 0, column: 2))
    }

    @Test func aCellInsideAWideCharacterLandsOnItsStart() {
        var buffer = buffer("abc\n前端", at: 0, 3)
        buffer.moveDown()
        #expect(buffer.cursor == TextPosition(line: 1, column: 1))
        #expect(buffer.displayColumn(of: buffer.cursor) == 2)
    }

    @Test func leftAndRightCrossLineBreaks() {
        var buffer = buffer("ab\ncd", at: 1, 0)
        buffer.moveLeft()
        #expect(buffer.cursor == TextPosition(line: 0, column: 2))
        buffer.moveRight()
        #expect(buffer.cursor == TextPosition(line: 1, column: 0))
    }

    @Test func backspaceAtColumnZeroJoinsWithThePreviousLine() {
        var buffer = buffer("spec:\n  type: ClusterIP", at: 1, 0)
        buffer.deleteBackward()
        #expect(buffer.lines == ["spec:  type: ClusterIP"])
        #expect(buffer.cursor == TextPosition(line: 0, column: 5))
    }

    @Test func deleteAtEndOfLineJoinsTheNextLine() {
        var buffer = buffer("前端\nb", at: 0, 2)
        buffer.deleteForward()
        #expect(buffer.lines == ["前端b"])
        #expect(buffer.cursor == TextPosition(line: 0, column: 2))
    }

    @Test func newlineKeepsIndentationAndIndentsAfterAYAMLKey() {
        var buffer = buffer("spec:\n  ports:", at: 1, 8)
        buffer.insertNewline(autoIndentFor: .yaml)
        #expect(buffer.lines == ["spec:", "  ports:", "    "])
        #expect(buffer.cursor == TextPosition(line: 2, column: 4))

        var plain = self.buffer("  name: web", at: 0, 11)
        plain.insertNewline(autoIndentFor: .yaml)
        #expect(plain.lines == ["  name: web", "  "])
    }

    @Test func newlineAfterAListItemLinesUpWithItsFirstKey() {
        var buffer = buffer("  - name: http", at: 0, 14)
        buffer.insertNewline(autoIndentFor: .yaml)
        #expect(buffer.lines[1] == "    ")
    }

    @Test func newlineInJSONIndentsAfterAnOpeningBrace() {
        var buffer = buffer("  \"spec\": {", at: 0, 11)
        buffer.insertNewline(autoIndentFor: .json)
        #expect(buffer.lines[1] == "    ")
        var middle = self.buffer("key: value", at: 0, 4)
        middle.insertNewline(autoIndentFor: .yaml)
        #expect(middle.lines == ["key:", "  value"])
    }

    @Test func homeTogglesBetweenIndentationAndColumnZero() {
        var buffer = buffer("    port: 80", at: 0, 9)
        buffer.moveToLineStart()
        #expect(buffer.cursor.column == 4)
        buffer.moveToLineStart()
        #expect(buffer.cursor.column == 0)
        buffer.moveToLineStart()
        #expect(buffer.cursor.column == 4)
        buffer.moveToLineEnd()
        #expect(buffer.cursor.column == 12)
    }

    @Test func wordJumpsSkipPunctuationAndCrossLines() {
        var buffer = buffer("metadata:\n  name: front_end", at: 0, 0)
        buffer.moveWordRight()
        #expect(buffer.cursor == TextPosition(line: 0, column: 8))
        buffer.moveWordRight()
        #expect(buffer.cursor == TextPosition(line: 1, column: 6))
        buffer.moveWordRight()
        #expect(buffer.cursor == TextPosition(line: 1, column: 17))
        buffer.moveWordLeft()
        #expect(buffer.cursor == TextPosition(line: 1, column: 8))
        buffer.moveWordLeft()
        buffer.moveWordLeft()
        #expect(buffer.cursor == TextPosition(line: 0, column: 0))
    }

    @Test func multiLinePasteSplitsTheLineAndIsOneUndoStep() {
        var buffer = buffer("ab", at: 0, 1)
        buffer.paste("1\n2\n3")
        #expect(buffer.lines == ["a1", "2", "3b"])
        #expect(buffer.cursor == TextPosition(line: 2, column: 1))
        buffer.undo()
        #expect(buffer.lines == ["ab"])
        #expect(buffer.cursor == TextPosition(line: 0, column: 1))
    }

    @Test func consecutiveTypingIsOneUndoStep() {
        var buffer = buffer("")
        for character in "name: web" { buffer.type(String(character)) }
        buffer.insertNewline(autoIndentFor: .yaml)
        for character in "port" { buffer.type(String(character)) }
        #expect(buffer.text == "name: web\nport")
        buffer.undo()
        #expect(buffer.text == "name: web\n")
        buffer.undo()
        #expect(buffer.text == "name: web")
        buffer.undo()
        #expect(buffer.text == "")
        let undone = buffer.undo()
        #expect(!undone)
    }

    @Test func movingTheCursorStartsANewTypingStep() {
        var buffer = buffer("")
        buffer.type("a")
        buffer.type("b")
        buffer.moveLeft()
        buffer.moveRight()
        buffer.type("c")
        buffer.undo()
        #expect(buffer.text == "ab")
    }

    @Test func consecutiveBackspacesAreOneStep() {
        var buffer = buffer("hello", at: 0, 5)
        buffer.deleteBackward()
        buffer.deleteBackward()
        buffer.deleteBackward()
        #expect(buffer.text == "he")
        buffer.undo()
        #expect(buffer.text == "hello")
        #expect(buffer.cursor.column == 5)
    }

    @Test func redoReappliesAndANewEditClearsIt() {
        var buffer = buffer("x")
        buffer.paste("ab")
        buffer.paste("cd")
        buffer.undo()
        buffer.undo()
        #expect(buffer.text == "x")
        let redone = buffer.redo()
        #expect(redone)
        #expect(buffer.text == "abx")
        #expect(buffer.cursor.column == 2)
        buffer.type("Z")
        #expect(!buffer.canRedo)
        let redoneAgain = buffer.redo()
        #expect(!redoneAgain)
        #expect(buffer.text == "abZx")
    }

    @Test func undoOfAJoinRestoresBothLines() {
        var buffer = buffer("a\nb", at: 1, 0)
        buffer.deleteBackward()
        buffer.undo()
        #expect(buffer.lines == ["a", "b"])
        #expect(buffer.cursor == TextPosition(line: 1, column: 0))
        buffer.redo()
        #expect(buffer.lines == ["ab"])
    }

    @Test func pastingTenThousandLinesIsOneOperationAndOneUndoStep() {
        let pasted = (1...10_000).map { "  key\($0): value \($0)" }.joined(separator: "\n")
        var buffer = TextBuffer(text: "")
        let revision = buffer.revision
        buffer.paste(pasted)
        #expect(buffer.lineCount == 10_000)
        #expect(buffer.revision == revision + 1)
        #expect(buffer.cursor == TextPosition(line: 9_999, column: "  key10000: value 10000".count))
        let undone = buffer.undo()
        #expect(undone)
        #expect(buffer.lines == [""])
        #expect(!buffer.canUndo)
    }
}
