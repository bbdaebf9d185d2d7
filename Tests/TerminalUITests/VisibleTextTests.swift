import Testing
@testable import TerminalUI

@Suite struct VisibleTextTests {
    @Test func escapeSequencesBecomeVisible() {
        #expect(VisibleText.sanitized("\u{1B}[2J\u{1B}]0;pwned\u{07}") == "\\e[2J\\e]0;pwned\\x07")
    }

    @Test func newlinesShowAsReturnArrows() {
        #expect(VisibleText.sanitized("a\nb\r\nc") == "a↵b↵c")
    }

    @Test func otherControlsAreHexEscaped() {
        #expect(VisibleText.sanitized("tab\there\r\u{7F}\u{00}") == "tab\\there\\r\\x7f\\x00")
    }

    @Test func c1ControlsAndBidiOverridesAreEscaped() {
        #expect(VisibleText.sanitized("x\u{9B}31m") == "x\\u{9b}31m")
        #expect(VisibleText.sanitized("abc\u{202E}def") == "abc\\u{202e}def")
    }

    @Test func printableTextIsUntouched() {
        let text = "catalog (商品目录) 🚀 é"
        #expect(VisibleText.sanitized(text) == text)
    }

    @Test func sanitisingIsIdempotent() {
        let once = VisibleText.sanitized("\u{1B}[1m\n\u{9B}")
        #expect(VisibleText.sanitized(once) == once)
    }

    @Test func nothingUnsafeReachesASurface() {
        let surface = MemorySurface(columns: 30, rows: 2)
        surface.draw("ok\u{1B}[2Jbad\u{07}", at: Point(column: 0, row: 0))
        #expect(surface.lines[0] == "ok\\e[2Jbad\\x07")
        for column in 0..<30 {
            let text = surface.grid[column, 0].text
            #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F })
        }
    }
}
