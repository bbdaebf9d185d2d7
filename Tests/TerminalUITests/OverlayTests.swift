import Testing
@testable import TerminalUI

@Suite struct OverlayTests {
    @Test func tooSmallBelowSixtyBySixteen() {
        #expect(TooSmallNotice.applies(to: TerminalSize(columns: 59, rows: 24)))
        #expect(TooSmallNotice.applies(to: TerminalSize(columns: 80, rows: 15)))
        #expect(!TooSmallNotice.applies(to: TerminalSize(columns: 60, rows: 16)))
        #expect(!TooSmallNotice.applies(to: TerminalSize(columns: 80, rows: 24)))
    }

    @Test func tooSmallNoticeIsCentredWithTheProblemFirst() {
        let surface = MemorySurface(columns: 40, rows: 10)
        TooSmallNotice.draw(["Terminal too small", "40x10, need at least 60x16"], on: surface)
        #expect(surface.lines[4] == "           Terminal too small")
        #expect(surface.lines[5] == "       40x10, need at least 60x16")
        #expect(surface.style(atColumn: 11, row: 4) == .warning)
        #expect(surface.style(atColumn: 7, row: 5) == .normal)
    }

    @Test func footerDropsHintsThatDoNotFitWhole() {
        let surface = MemorySurface(columns: 30, rows: 1)
        KeyHints.draw([
            KeyHint(keys: "Enter", description: "open"),
            KeyHint(keys: "c", description: "create"),
            KeyHint(keys: "^D", description: "delete"),
        ], on: surface, row: 0, width: 30)
        #expect(surface.lines[0] == " Enter open  c create")
        #expect(surface.style(atColumn: 1, row: 0) == .keyHint)
        #expect(surface.style(atColumn: 7, row: 0) == .normal)
    }

    @Test func footerKeepsRoomForTrailingHintsAtTheEnd() {
        let surface = MemorySurface(columns: 31, rows: 1)
        KeyHints.draw([
            KeyHint(keys: "Enter", description: "open"),
            KeyHint(keys: "c", description: "create"),
        ], trailing: [KeyHint(keys: "?", description: "help")], on: surface, row: 0, width: 31)
        #expect(surface.lines[0] == " Enter open  c create  ? help")
        let narrow = MemorySurface(columns: 24, rows: 1)
        KeyHints.draw([KeyHint(keys: "Enter", description: "open"), KeyHint(keys: "c", description: "create")],
                      trailing: [KeyHint(keys: "?", description: "help")], on: narrow, row: 0, width: 24)
        #expect(narrow.lines[0] == " Enter open  ? help")
    }

    @Test func statusLineMarksWhatNeedsAttentionInText() {
        let surface = MemorySurface(columns: 40, rows: 1)
        StatusLine.draw("port: must be 1-65535", flagged: true, style: .error, on: surface, row: 0, width: 40)
        StatusLine.drawTrailing("1 of 12 ", on: surface, row: 0, width: 40)
        #expect(surface.lines[0] == " ! port: must be 1-65535        1 of 12")
        #expect(surface.style(atColumn: 3, row: 0) == .error)
        #expect(surface.style(atColumn: 33, row: 0) == .muted)
    }
}
