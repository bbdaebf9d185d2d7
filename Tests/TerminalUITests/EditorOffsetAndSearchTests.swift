import Testing
@testable import TerminalUI

@Suite struct EditorOffsetAndSearchTests {
    // Line 2 holds CJK (3 bytes, 1 scalar each), an emoji (4 bytes, 1 scalar) and a flag
    // (two scalars, 8 bytes, one character).
    private let buffer = TextBuffer(text: "kind: Service\nname: 前端🚀🇨🇳x\nend")

    @Test func characterOffsetsRoundTripThroughPositions() {
        let position = TextPosition(line: 1, column: 9)
        #expect(buffer.characterOffset(of: position) == 14 + 9)
        #expect(buffer.position(atCharacterOffset: 23) == position)
        #expect(buffer.position(atCharacterOffset: 0) == .start)
        #expect(buffer.position(atCharacterOffset: 1_000) == TextPosition(line: 2, column: 3))
    }

    @Test func utf8OffsetsCountBytesOfCJKAndEmoji() {
        // "name: " 6 + 前端 6 + 🚀 4 + 🇨🇳 8 bytes, after line 1 (13 bytes + newline).
        let afterFlag = TextPosition(line: 1, column: 10)
        #expect(buffer.utf8Offset(of: afterFlag) == 14 + 6 + 6 + 4 + 8)
        #expect(buffer.position(atUTF8Offset: 14 + 6 + 6 + 4 + 8) == afterFlag)
        // A byte inside 端 gives the start of 端.
        #expect(buffer.position(atUTF8Offset: 14 + 6 + 4) == TextPosition(line: 1, column: 7))
    }

    @Test func parserLocationsCountScalarsFromOne() {
        // "name: " is scalars 1-6, 前 7, 端 8, 🚀 9, the flag 10-11, x 12.
        #expect(buffer.position(of: ScalarLocation(lineNumber: 2, scalarColumn: 7)) == TextPosition(line: 1, column: 6))
        #expect(buffer.position(of: ScalarLocation(lineNumber: 2, scalarColumn: 10)) == TextPosition(line: 1, column: 9))
        // Column 11 is the flag's second scalar: inside that character, so its start.
        #expect(buffer.position(of: ScalarLocation(lineNumber: 2, scalarColumn: 11)) == TextPosition(line: 1, column: 9))
        #expect(buffer.position(of: ScalarLocation(lineNumber: 2, scalarColumn: 12)) == TextPosition(line: 1, column: 10))
        #expect(buffer.position(of: ScalarLocation(lineNumber: 2, scalarColumn: 13)) == TextPosition(line: 1, column: 11))
        #expect(buffer.scalarLocation(of: TextPosition(line: 1, column: 10)) == ScalarLocation(lineNumber: 2, scalarColumn: 12))
        #expect(buffer.position(of: ScalarLocation(lineNumber: 99, scalarColumn: 99)) == TextPosition(line: 2, column: 3))
    }

    @Test func searchFindsTheNextMatchCaseInsensitively() {
        var buffer = TextBuffer(text: "port: 80\ntargetPort: 8080\nPORTS")
        let first = buffer.find("PORT", from: .start)
        #expect(first == SearchMatch(position: TextPosition(line: 0, column: 0), length: 4, wrapped: false))
        buffer.moveCursor(to: TextPosition(line: 0, column: 0))
        #expect(buffer.findNext("port")?.position == TextPosition(line: 1, column: 6))
        buffer.moveCursor(to: TextPosition(line: 1, column: 6))
        #expect(buffer.findNext("port")?.position == TextPosition(line: 2, column: 0))
    }

    @Test func searchWrapsToTheTop() {
        var buffer = TextBuffer(text: "name: web\nspec:\n  name: x")
        buffer.moveCursor(to: TextPosition(line: 2, column: 2))
        let match = buffer.findNext("NAME")
        #expect(match == SearchMatch(position: .start, length: 4, wrapped: true))
    }

    @Test func searchWithoutAMatchIsNil() {
        let buffer = TextBuffer(text: "a\nb")
        #expect(buffer.find("zzz", from: .start) == nil)
        #expect(buffer.findNext("") == nil)
    }

    @Test func searchMatchesNonASCIIText() {
        let buffer = TextBuffer(text: "alias: 前端 Ünïcode")
        #expect(buffer.find("前端", from: .start)?.position == TextPosition(line: 0, column: 7))
        #expect(buffer.find("üNÏ", from: .start)?.position == TextPosition(line: 0, column: 10))
    }
}
