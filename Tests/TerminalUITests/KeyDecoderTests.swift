import CNCurses
import Testing
@testable import TerminalUI

@Suite struct KeyDecoderTests {
    private func decode(_ inputs: RawInput...) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.decode(inputs)
    }

    @Test func enterArrivesInThreeForms() {
        #expect(decode(.character(10)) == [.enter])
        #expect(decode(.character(13)) == [.enter])
        #expect(decode(.keyCode(KEY_ENTER)) == [.enter])
    }

    @Test func backspaceArrivesInThreeForms() {
        #expect(decode(.keyCode(KEY_BACKSPACE)) == [.backspace])
        #expect(decode(.character(127)) == [.backspace])
        #expect(decode(.character(8)) == [.backspace])
    }

    @Test func tabsAndNavigationKeys() {
        #expect(decode(.character(9), .keyCode(KEY_BTAB)) == [.tab, .backTab])
        #expect(decode(.keyCode(KEY_UP), .keyCode(KEY_DOWN), .keyCode(KEY_LEFT), .keyCode(KEY_RIGHT))
            == [.up, .down, .left, .right])
        #expect(decode(.keyCode(KEY_HOME), .keyCode(KEY_END), .keyCode(KEY_PPAGE), .keyCode(KEY_NPAGE))
            == [.home, .end, .pageUp, .pageDown])
        #expect(decode(.keyCode(KEY_DC), .keyCode(KEY_IC)) == [.delete, .insert])
        #expect(decode(.keyCode(KEY_RESIZE)) == [.resize])
    }

    @Test func functionKeysOneToTwelve() {
        #expect(decode(.keyCode(KEY_F0 + 1)) == [.function(1)])
        #expect(decode(.keyCode(KEY_F0 + 12)) == [.function(12)])
        #expect(decode(.keyCode(KEY_F0 + 13)) == [])
    }

    @Test func controlLettersAreNamed() {
        #expect(decode(.character(4)) == [.ctrl("d")])
        #expect(decode(.character(1)) == [.ctrl("a")])
        #expect(decode(.character(26)) == [.ctrl("z")])
        #expect(decode(.character(19)) == [.ctrl("s")])
    }

    @Test func utf8CharactersComeWhole() {
        #expect(decode(.character(0x524D), .character(0x1F680)) == [.character("前"), .character("🚀")])
    }

    @Test func escapeFollowedByACharacterIsAlt() {
        #expect(decode(.character(27), .character(UInt32(UInt8(ascii: "x")))) == [.alt("x")])
        #expect(decode(.character(27)) == [.escape])
        #expect(decode(.character(27), .character(27)) == [.escape, .escape])
        #expect(decode(.character(27), .keyCode(KEY_UP)) == [.escape, .up])
    }

    @Test func bracketedPasteKeepsNewlinesAcrossBatches() {
        var decoder = KeyDecoder()
        let first = decoder.decode([.keyCode(KeyDecoder.pasteStartCode), .character(0x61), .character(10)])
        let second = decoder.decode([.character(0x62), .keyCode(KeyDecoder.pasteEndCode), .character(0x63)])
        #expect(first == [])
        #expect(second == [.paste("a\nb"), .character("c")])
    }

    @Test func aPastedCarriageReturnIsALineBreak() {
        var decoder = KeyDecoder()
        let text: [UInt32] = [0x61, 13, 0x62, 13, 10, 0x63, 10, 10, 13]
        let keys = decoder.decode([.keyCode(KeyDecoder.pasteStartCode)] + text.map { .character($0) }
            + [.keyCode(KeyDecoder.pasteEndCode)])
        #expect(keys == [.paste("a\nb\nc\n\n\n")])
    }

    @Test func displayNamesForFootersAndHelp() {
        #expect(Key.ctrl("d").displayName == "^D")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.function(2).displayName == "F2")
        #expect(Key.pageDown.displayName == "PgDn")
        #expect(Key.character(" ").displayName == "Space")
        #expect(Key.character("?").displayName == "?")
        #expect(Key.escape.displayName == "Esc")
    }
}
