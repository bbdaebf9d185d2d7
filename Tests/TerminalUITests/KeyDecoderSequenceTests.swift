import Testing
@testable import TerminalUI

/// Sequences ncurses leaves undecoded when TERM names another terminal.
struct KeyDecoderSequenceTests {
    static func raw(_ text: String) -> [RawInput] {
        [.character(0x1B)] + text.unicodeScalars.map { .character($0.value) }
    }

    @Test(arguments: [("[4~", Key.end), ("[1~", .home), ("[F", .end), ("OH", .home), ("[3~", .delete), ("[6~", .pageDown),
                      ("[A", .up), ("[Z", .backTab), ("OP", .function(1)), ("[15~", .function(5)), ("[1;5C", .right)])
    func commonSequencesDecode(sequence: String, key: Key) {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Self.raw(sequence)) == [key])
    }

    @Test func unknownSequencesAreSwallowedNotTyped() {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Self.raw("[99~") + [.character(0x61)]) == [.character("a")])
    }

    @Test func altLettersStillWork() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([.character(0x1B), .character(0x62)]) == [.alt("b")])
        #expect(decoder.decode([.character(0x1B)]) == [.escape])
    }
}
