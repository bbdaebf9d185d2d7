import Testing
@testable import TerminalUI

@Suite struct SurfaceTests {
    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let surface = MemorySurface(columns: 10, rows: 1)
        surface.draw("前端", at: Point(column: 0, row: 0))
        surface.draw("x", at: Point(column: 1, row: 0))
        #expect(surface.lines[0] == " x端")
        surface.draw("y", at: Point(column: 2, row: 0))
        #expect(surface.lines[0] == " xy")
    }

    @Test func aWideCharacterNeverStartsInTheLastColumn() {
        let surface = MemorySurface(columns: 5, rows: 1)
        let used = surface.draw("abcd前", at: Point(column: 0, row: 0))
        #expect(used == 5)
        #expect(surface.lines[0] == "abcd")
        #expect(surface.grid[4, 0].width == 1)
    }

    @Test func fixedWidthDrawingPadsAndAligns() {
        let surface = MemorySurface(columns: 20, rows: 3)
        surface.draw("前端", at: Point(column: 0, row: 0), width: 8, style: .header, alignment: .trailing)
        surface.draw("frontend-service", at: Point(column: 0, row: 1), width: 8)
        surface.draw("ab", at: Point(column: 0, row: 2), width: 6, alignment: .center)
        #expect(surface.lines == ["    前端", "fronten…", "  ab"])
        #expect(surface.style(atColumn: 0, row: 0) == .header)
    }

    @Test func textIsClippedAtTheRightEdge() {
        let surface = MemorySurface(columns: 6, rows: 1)
        surface.draw("abcdefgh", at: Point(column: 3, row: 0))
        #expect(surface.lines[0] == "   abc")
    }

    @Test func boxesAndRules() {
        let surface = MemorySurface(columns: 12, rows: 4)
        surface.drawBox(Rect(column: 0, row: 0, width: 12, height: 3), title: "Hi")
        surface.drawRule(at: Point(column: 0, row: 3), width: 12, title: "Ports")
        #expect(surface.lines == ["┌─ Hi ─────┐", "│          │", "└──────────┘", "── Ports ───"])
    }

    @Test func clearingStartsAFreshFrame() {
        let surface = MemorySurface(columns: 4, rows: 1)
        surface.draw("ab", at: Point(column: 0, row: 0), style: .error)
        surface.cursor = Point(column: 1, row: 0)
        surface.clear()
        #expect(surface.lines[0] == "")
        #expect(surface.cursor == nil)
        #expect(surface.style(atColumn: 0, row: 0) == .normal)
    }

    @Test func wrappingBreaksAtWordsThenInsideLongWords() {
        #expect("delete the service frontend".wrapped(toWidth: 10) == ["delete the", "service", "frontend"])
        #expect("前端服务前端".wrapped(toWidth: 5) == ["前端", "服务", "前端"])
        #expect("one\ntwo".wrapped(toWidth: 10) == ["one", "two"])
    }
}
