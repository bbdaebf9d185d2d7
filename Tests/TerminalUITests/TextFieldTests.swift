import Testing
@testable import TerminalUI

@Suite struct TextFieldTests {
    private func typing(_ text: String, into field: inout TextField) {
        for character in text { _ = field.handle(.character(character)) }
    }

    @Test func editingWorksOnWholeCJKCharacters() {
        var field = TextField()
        typing("前端app", into: &field)
        #expect(field.text == "前端app")
        _ = field.handle(.home)
        _ = field.handle(.right)
        _ = field.handle(.delete)
        #expect(field.text == "前app")
        _ = field.handle(.backspace)
        #expect(field.text == "app")
        #expect(field.cursor == 0)
    }

    @Test func cursorLandsAfterWideCharacters() {
        var field = TextField()
        typing("前端x", into: &field)
        #expect(field.cursorPlacement(width: 20).column == 5)
        _ = field.handle(.left)
        #expect(field.cursorPlacement(width: 20).column == 4)
        _ = field.handle(.left)
        #expect(field.cursorPlacement(width: 20).column == 2)

        let surface = MemorySurface(columns: 30, rows: 3)
        field.draw(on: surface, in: Rect(column: 5, row: 1, width: 20, height: 1), focused: true)
        #expect(surface.cursor == Point(column: 7, row: 1))
        #expect(surface.lines[1] == "     前端x")
    }

    @Test func longTextScrollsToKeepTheCursorInSight() {
        var field = TextField("abcdefghij前端")
        let surface = MemorySurface(columns: 10, rows: 1)
        field.draw(on: surface, in: Rect(column: 0, row: 0, width: 8, height: 1), focused: true)
        #expect(surface.cursor == Point(column: 7, row: 0))
        #expect(surface.lines[0] == "hij前端")
        _ = field.handle(.home)
        surface.clear()
        field.draw(on: surface, in: Rect(column: 0, row: 0, width: 8, height: 1), focused: true)
        #expect(surface.cursor == Point(column: 0, row: 0))
        #expect(surface.lines[0] == "abcdefgh")
    }

    @Test func aWideCharacterCutByTheLeftEdgeShowsAsABlank() {
        let field = TextField("前端服务")
        let surface = MemorySurface(columns: 10, rows: 1)
        field.draw(on: surface, in: Rect(column: 0, row: 0, width: 4, height: 1), focused: true)
        // 8 cells of text, cursor at the end: 5 cells scrolled out, cutting 服 in half.
        #expect(field.cursorPlacement(width: 4).scrolled == 5)
        #expect(surface.lines[0] == " 务")
    }

    @Test func pastedNewlinesAndControlsStayOnOneLine() {
        var field = TextField("a")
        _ = field.handle(.paste("b\nc\r\nd\te\u{1B}[31mf\u{07}"))
        #expect(field.text == "ab c d e[31mf")
        #expect(!field.text.contains("\n"))
        let surface = MemorySurface(columns: 30, rows: 2)
        field.draw(on: surface, in: Rect(column: 0, row: 0, width: 30, height: 1), focused: false)
        #expect(surface.lines[0] == "ab c d e[31mf")
        #expect(surface.lines[1] == "")
    }

    @Test func settingTextAlsoStripsLineBreaks() {
        var field = TextField()
        field.text = "x\ny"
        #expect(field.text == "x y")
        #expect(field.cursor == 3)
    }

    @Test func unusedKeysAreLeftToTheForm() {
        var field = TextField("x")
        let used = [Key.tab, .ctrl("s"), .enter].map { field.handle($0) }
        #expect(used == [false, false, false])
        #expect(field.text == "x")
    }

    @Test func placeholderShowsWhileEmpty() {
        let surface = MemorySurface(columns: 20, rows: 1)
        TextField(placeholder: "name").draw(on: surface, in: Rect(column: 0, row: 0, width: 20, height: 1), focused: false)
        #expect(surface.lines[0] == "name")
        #expect(surface.style(atColumn: 0, row: 0) == .muted)
    }
}
