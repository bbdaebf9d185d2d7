import Testing
@testable import TerminalUI

@Suite struct EditorWidgetTests {
    private let manifest = """
        apiVersion: v1
        kind: Service
        metadata:
          name: frontend
          annotations:
            kubesphere.io/alias-name: 前端
        spec:
          ports:
          - name: http
            port: 80000 # too big
        """

    private func render(_ editor: TextEditor, columns: Int = 80, rows: Int = 24) -> MemorySurface {
        let surface = MemorySurface(columns: columns, rows: rows)
        editor.draw(on: surface, in: surface.bounds)
        return surface
    }

    @Test func tabIsRefusedInYAMLWithAMessage() {
        var editor = TextEditor(text: "a:", language: .yaml)
        editor.moveCursor(to: TextPosition(line: 0, column: 2))
        #expect(editor.handle(.tab) == .notice(.tabRefusedInYAML))
        #expect(editor.text == "a:")
    }

    @Test func tabInsertsSpacesToTheNextStepInJSON() {
        var editor = TextEditor(text: "{\n x", language: .json)
        editor.moveCursor(to: TextPosition(line: 1, column: 1))
        #expect(editor.handle(.tab) == .consumed)
        #expect(editor.text == "{\n  x")
    }

    @Test func typingEditingAndUndoThroughKeys() {
        var editor = TextEditor(text: "", language: .yaml)
        for key: Key in [.character("s"), .character("p"), .character("e"), .character("c"), .character(":"), .enter, .character("x")] {
            #expect(editor.handle(key) == .consumed)
        }
        #expect(editor.text == "spec:\n  x")
        #expect(editor.handle(.ctrl("u")) == .consumed)
        #expect(editor.handle(.ctrl("u")) == .consumed)
        #expect(editor.text == "spec:")
        #expect(editor.handle(.ctrl("r")) == .consumed)
        #expect(editor.text == "spec:\n  ")
        _ = editor.handle(.ctrl("u"))
        _ = editor.handle(.ctrl("u"))
        #expect(editor.handle(.ctrl("u")) == .notice(.nothingToUndo))
    }

    @Test func keysForTheScreenAreNotConsumed() {
        var editor = TextEditor(text: manifest)
        for key: Key in [.function(2), .function(3), .ctrl("t"), .ctrl("e"), .ctrl("s"), .escape, .ctrl("c")] {
            #expect(editor.handle(key) == .notConsumed, "\(key)")
        }
    }

    @Test func findPromptSearchesAsYouTypeAndRepeats() {
        var editor = TextEditor(text: "port: 1\nname: x\ntargetPort: 2")
        #expect(editor.handle(.ctrl("f")) == .consumed)
        #expect(editor.search.isActive)
        for character in "PORT" { _ = editor.handle(.character(character)) }
        #expect(editor.buffer.cursor == .start)
        #expect(editor.handle(.enter) == .consumed)
        #expect(editor.buffer.cursor == TextPosition(line: 2, column: 6))
        #expect(editor.handle(.ctrl("f")) == .notice(.searchWrapped))
        #expect(editor.buffer.cursor == .start)
        #expect(editor.handle(.escape) == .consumed)
        #expect(!editor.search.isActive)
        // Ctrl-F again remembers the query; the first character typed replaces it.
        _ = editor.handle(.ctrl("f"))
        #expect(editor.handle(.character("z")) == .notice(.notFound("z")))
        #expect(editor.search.query == "z")
        // An arrow closes the prompt and moves.
        #expect(editor.handle(.down) == .consumed)
        #expect(!editor.search.isActive)
        #expect(editor.buffer.cursor.line == 1)
    }

    @Test func gutterShowsLineNumbersAndTheErrorMarker() {
        var editor = TextEditor(text: manifest)
        editor.setMarkers([10: "spec.ports[0].port: must be between 1 and 65535"])
        let surface = render(editor)
        #expect(surface.lines[0] == "   1 apiVersion: v1")
        #expect(surface.lines[5] == "   6     kubesphere.io/alias-name: 前端")
        #expect(surface.lines[9] == "! 10     port: 80000 # too big")
        #expect(surface.lines[10] == "")
        #expect(surface.style(atColumn: 0, row: 9) == .error)
        #expect(surface.style(atColumn: 3, row: 9) == .error)
        #expect(surface.style(atColumn: 3, row: 1) == .muted)
        #expect(surface.cursor == Point(column: 5, row: 0))
    }

    @Test func cellsAreColouredBySyntax() {
        let surface = render(TextEditor(text: manifest))
        // Row 9: "  10     port: 80000 # too big", text from column 5.
        #expect(surface.style(atColumn: 9, row: 9) == .syntaxKey)
        #expect(surface.style(atColumn: 15, row: 9) == .syntaxNumber)
        #expect(surface.style(atColumn: 21, row: 9) == .syntaxComment)
        #expect(surface.style(atColumn: 29, row: 9) == .syntaxComment)
        #expect(surface.style(atColumn: 30, row: 9) == .normal)
        #expect(surface.style(atColumn: 13, row: 9) == .normal)
        #expect(surface.style(atColumn: 5, row: 1) == .syntaxKey)
    }

    @Test func markersFollowTheirLinesWhenLinesAreInsertedAbove() {
        var editor = TextEditor(text: manifest)
        editor.setMarkers([10: "bad port"])
        _ = editor.handle(.end)
        _ = editor.handle(.enter)
        #expect(editor.markers == [11: "bad port"])
        editor.moveCursor(to: TextPosition(line: 10, column: 3))
        #expect(editor.markerAtCursor == "bad port")
    }

    @Test func horizontalScrollKeepsTheCursorVisible() {
        let long = "key: " + String(repeating: "abcdefghij", count: 10) + "END"
        var editor = TextEditor(text: "short\n" + long)
        editor.layout(in: Rect(column: 0, row: 0, width: 40, height: 10))
        _ = editor.handle(.down)
        _ = editor.handle(.end)
        let surface = render(editor, columns: 40, rows: 10)
        // Text area is 35 cells (gutter 5); the cursor sits after "END" in the last cell.
        #expect(editor.firstVisibleCell == long.count - 34)
        #expect(surface.cursor == Point(column: 39, row: 1))
        #expect(surface.lines[1].hasSuffix("hijEND"))
        _ = editor.handle(.home)
        #expect(editor.firstVisibleCell == 0)
        #expect(render(editor, columns: 40, rows: 10).cursor == Point(column: 5, row: 1))
    }

    @Test func horizontalScrollCutsAWideCharacterAtTheLeftEdge() {
        var editor = TextEditor(text: "前端服务" + String(repeating: "x", count: 40))
        editor.layout(in: Rect(column: 0, row: 0, width: 20, height: 3))
        editor.moveCursor(to: TextPosition(line: 0, column: 20))
        // Cursor at cell 24; 15 text cells show cells 10..<25, so 前端服务 (cells 0-7) is gone.
        #expect(editor.firstVisibleCell == 10)
        editor.moveCursor(to: TextPosition(line: 0, column: 3))
        // 服 spans cells 4-5 and 务 6-7: scrolling left to show 务 starts at cell 6.
        #expect(editor.firstVisibleCell == 6)
        editor.moveCursor(to: TextPosition(line: 0, column: 4))
        let surface = MemorySurface(columns: 20, rows: 3)
        var shifted = editor
        shifted.firstVisibleCell = 5
        shifted.draw(on: surface, in: surface.bounds)
        // Cell 5 is the right half of 服: drawn as a space, then 务.
        #expect(surface.lines[0].hasPrefix("   1  务x"))
    }

    @Test func scrollingDownDrawsOnlyTheLinesInView() {
        let text = (1...10_000).map { "key\($0): \($0)" }.joined(separator: "\n")
        var editor = TextEditor()
        _ = editor.handle(.paste(text))
        #expect(editor.buffer.lineCount == 10_000)
        let surface = render(editor)
        // Five-digit line numbers widen the gutter to 7 cells.
        #expect(surface.lines[23] == " 10000 key10000: 10000")
        #expect(surface.lines[0] == "  9977 key9977: 9977")
        #expect(surface.cursor == Point(column: 22, row: 23))
        editor.layout(in: surface.bounds)
        _ = editor.handle(.pageUp)
        #expect(editor.buffer.cursor.line == 9_999 - 24)
        #expect(editor.firstVisibleLine == 10_000 - 48)
        _ = editor.handle(.ctrl("u"))
        #expect(editor.text == "")
    }

    @Test func findPromptTakesTheLastRowAndHighlightsMatches() {
        var editor = TextEditor(text: "port: 80\ntargetPort: 8080")
        _ = editor.handle(.ctrl("f"))
        for character in "port" { _ = editor.handle(.character(character)) }
        let surface = render(editor, columns: 40, rows: 6)
        #expect(surface.lines[5] == "Find: port")
        #expect(surface.cursor == Point(column: 10, row: 5))
        #expect(surface.style(atColumn: 5, row: 0) == .selected)
        #expect(surface.style(atColumn: 11, row: 1) == .selected)
        #expect(surface.style(atColumn: 10, row: 1) == .syntaxKey)
    }

    @Test func replacingTheTextForAnotherLanguageIsUndoable() {
        var editor = TextEditor(text: "a: 1")
        editor.setMarkers([1: "x"])
        editor.replaceText("{\n  \"a\": 1\n}", language: .json)
        #expect(editor.language == .json)
        #expect(editor.markers.isEmpty)
        #expect(editor.buffer.lineCount == 3)
        _ = editor.handle(.ctrl("u"))
        #expect(editor.text == "a: 1")
    }

    @Test func parserLocationsPlaceTheCursor() {
        var editor = TextEditor(text: manifest)
        editor.moveCursor(to: ScalarLocation(lineNumber: 6, scalarColumn: 31))
        #expect(editor.buffer.cursor == TextPosition(line: 5, column: 30))
        #expect(editor.cursorLineNumber == 6)
        #expect(editor.cursorColumnNumber == 31)
    }
}
