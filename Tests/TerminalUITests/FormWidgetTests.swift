import Testing
@testable import TerminalUI

@Suite struct FormWidgetTests {
    private func press(_ key: Key, on dialog: inout Dialog) -> Dialog.Response {
        dialog.handle(key)
    }

    @Test func confirmByTypingOnlyConfirmsTheExactName() {
        var dialog = Dialog.confirmByTyping(title: "Delete", message: "Delete service frontend?",
                                            expected: "frontend", confirm: "Delete", cancel: "Cancel")
        #expect(press(.tab, on: &dialog) == .handled)
        #expect(dialog.focusedButton == 1)
        #expect(press(.enter, on: &dialog) == .handled)
        for character in "frontend" { _ = dialog.handle(.character(character)) }
        #expect(dialog.isConfirmationTyped)
        #expect(press(.enter, on: &dialog) == .pressed(1))
        #expect(press(.escape, on: &dialog) == .cancelled)
    }

    @Test func dialogDrawsCentredWithButtons() {
        var dialog = Dialog(title: "Quit", message: "Leave svcwiz?", buttons: ["Stay", "Quit"])
        #expect(press(.right, on: &dialog) == .handled)
        let surface = MemorySurface(columns: 80, rows: 24)
        dialog.draw(on: surface)
        let text = surface.text
        #expect(text.contains("┌─ Quit "))
        #expect(text.contains("Leave svcwiz?"))
        #expect(text.contains("[ Stay ]  [ Quit ]"))
        let row = surface.lines.firstIndex { $0.contains("[ Quit ]") } ?? 0
        let column = surface.lines[row].firstIndex(of: "]").map { surface.lines[row].distance(from: surface.lines[row].startIndex, to: $0) } ?? 0
        #expect(surface.style(atColumn: column + 3, row: row) == .focused)
    }

    @Test func keyValueEditorAddsMovesAndRemovesRows() {
        var editor = KeyValueEditor(pairs: [(key: "app", value: "frontend")])
        _ = editor.handle(.ctrl("a"))
        for character in "tier" { _ = editor.handle(.character(character)) }
        _ = editor.handle(.tab)
        for character in "web" { _ = editor.handle(.character(character)) }
        #expect(editor.pairs.map { "\($0.key)=\($0.value)" } == ["app=frontend", "tier=web"])
        let tabbedOut = !editor.handle(.tab)
        #expect(tabbedOut)
        _ = editor.handle(.up)
        _ = editor.handle(.ctrl("k"))
        #expect(editor.pairs.map { "\($0.key)=\($0.value)" } == ["tier=web"])

        let surface = MemorySurface(columns: 40, rows: 3)
        editor.draw(on: surface, in: Rect(column: 0, row: 0, width: 40, height: 3), focused: true)
        #expect(surface.lines[0] == "tier             = web")
        #expect(surface.lines[1] == "[^A add row]")
        #expect(surface.cursor == Point(column: 4, row: 0))
    }

    @Test func selectFieldOpensChoosesAndCancels() {
        var select = SelectField(options: ["TCP", "UDP", "SCTP"])
        _ = select.handle(.enter)
        #expect(select.isOpen)
        _ = select.handle(.down)
        _ = select.handle(.down)
        let surface = MemorySurface(columns: 20, rows: 5)
        select.draw(on: surface, in: Rect(column: 0, row: 0, width: 10, height: 1), focused: true)
        #expect(surface.lines == ["TCP      ▾", " TCP", " UDP", " SCTP", ""])
        #expect(surface.style(atColumn: 1, row: 3) == .selected)
        _ = select.handle(.enter)
        #expect(select.selectedOption == "SCTP")
        _ = select.handle(.enter)
        _ = select.handle(.up)
        _ = select.handle(.escape)
        #expect(select.selectedOption == "SCTP" && !select.isOpen)
    }

    @Test func radioGroupAndCheckbox() {
        var radio = RadioGroup(options: ["VirtualIP", "Headless"])
        _ = radio.handle(.right)
        #expect(radio.selected == 0)
        _ = radio.handle(.character(" "))
        #expect(radio.selected == 1)
        var box = Checkbox("Publish not ready")
        _ = box.handle(.enter)
        let surface = MemorySurface(columns: 60, rows: 2)
        radio.draw(on: surface, in: Rect(column: 0, row: 0, width: 60, height: 1), focused: false)
        box.draw(on: surface, in: Rect(column: 0, row: 1, width: 60, height: 1), focused: false)
        #expect(surface.lines == ["( ) VirtualIP   (•) Headless", "[x] Publish not ready"])
    }
}
