import Testing
@testable import TerminalUI

@Suite struct OverlayTests {
    @Test func tooSmallBelowSixtyBySixteen() {
        #expect(TooSmallNotice.applies(to: TerminalSize(columns: 59, rows: 24)))
        #expect(TooSmallNotice.applies(to: TerminalSize(columns: 80, rows: 15)))
        #expect(!TooSmallNotice.applies(to: TerminalSize(columns: 60, rows: 16)))
        #expect(!TooSmallNotice.applies(to: TerminalSize(columns: 80, rows: 24)))
    }

    @Test func tooSmallNoticeIsCentredAndSaysWhatIsNeeded() {
        let surface = MemorySurface(columns: 40, rows: 10)
        TooSmallNotice.draw(on: surface)
        #expect(surface.lines[4] == "           Terminal too small")
        #expect(surface.lines[5] == "       40x10, need at least 60x16")
        #expect(surface.style(atColumn: 11, row: 4) == .warning)
    }

    @Test func helpOverlayAlignsDescriptionsInOneColumn() {
        let help = HelpOverlay(sections: [
            HelpSection(title: "Service list", hints: [
                KeyHint(keys: [.up, .down], description: "move"),
                KeyHint(keys: [.ctrl("d")], description: "delete"),
            ]),
            HelpSection(title: "Everywhere", hints: [
                KeyHint(keys: [.character("?")], description: "help"),
                KeyHint(keys: [.function(2), .ctrl("e")], description: "switch to the editor"),
            ]),
        ])
        let surface = MemorySurface(columns: 80, rows: 24)
        help.draw(on: surface)
        let lines = surface.lines
        #expect(lines[1] == "    ┌─ Help ───────────────────────────────────────────────────────────────┐")
        #expect(lines[2] == "    │ Service list                                                         │")
        #expect(lines[3] == "    │   Up/Down  move                                                      │")
        #expect(lines[4] == "    │   ^D       delete                                                    │")
        #expect(lines[5] == "    │                                                                      │")
        #expect(lines[6] == "    │ Everywhere                                                           │")
        #expect(lines[7] == "    │   ?        help                                                      │")
        #expect(lines[8] == "    │   F2/^E    switch to the editor                                      │")
        #expect(lines[22] == "    └──────────────────────────────────────────────────────────────────────┘")
        #expect(surface.style(atColumn: 6, row: 2) == .header)
    }

    @Test func helpOverlayScrollsWhenTaller() {
        var help = HelpOverlay(sections: [
            HelpSection(title: "Keys", hints: (1...12).map { KeyHint(keys: [.function($0)], description: "action \($0)") }),
        ])
        let surface = MemorySurface(columns: 60, rows: 8)
        _ = help.handle(.pageDown, pageSize: 4)
        help.draw(on: surface)
        #expect(surface.lines[2].contains("F4 "))
        #expect(surface.lines[5].contains("F7 "))
    }

    @Test func footerDropsHintsThatDoNotFitWhole() {
        let surface = MemorySurface(columns: 30, rows: 1)
        KeyHints.draw([
            KeyHint(keys: [.enter], description: "open"),
            KeyHint(keys: [.character("c")], description: "create"),
            KeyHint(keys: [.ctrl("d")], description: "delete"),
        ], on: surface, in: surface.bounds)
        #expect(surface.lines[0] == " Enter open  c create")
        #expect(surface.style(atColumn: 1, row: 0) == .keyHint)
        #expect(surface.style(atColumn: 7, row: 0) == .normal)
    }

    @Test func statusLineMarksSeverityInText() {
        let surface = MemorySurface(columns: 40, rows: 1)
        StatusLine.draw(StatusMessage("port: must be 1-65535", severity: .error), trailing: "1 of 12", on: surface, in: surface.bounds)
        #expect(surface.lines[0] == " ✗ port: must be 1-65535        1 of 12")
        #expect(surface.appearance(atColumn: 1, row: 0, theme: .monochrome).attributes.contains(.bold))
    }
}
