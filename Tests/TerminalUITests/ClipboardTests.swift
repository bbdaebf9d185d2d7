import Foundation
import Testing
@testable import TerminalUI

struct ClipboardTests {
    @Test func testOSC52CarriesTheTextInBase64EndedByBEL() {
        let bytes = Clipboard.osc52("curl http://10.96.0.10:80/")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text == "\u{1B}]52;c;" + Data("curl http://10.96.0.10:80/".utf8).base64EncodedString() + "\u{07}")
        #expect(String(decoding: Clipboard.osc52("服务"), as: UTF8.self) == "\u{1B}]52;c;5pyN5Yqh\u{07}")
    }

    @Test func testInsideTmuxTheSequenceIsAlsoWrappedWithEveryEscapeDoubled() {
        let plain = Clipboard.osc52("nc -vz db 5432")
        #expect(Clipboard.bytes(for: "nc -vz db 5432", environment: [:]) == plain)
        #expect(Clipboard.bytes(for: "nc -vz db 5432", environment: ["TMUX": ""]) == plain)
        let inTmux = Clipboard.bytes(for: "nc -vz db 5432", environment: ["TMUX": "/tmp/tmux-0/default,1,0"])
        let wrapped = Array("\u{1B}Ptmux;\u{1B}\u{1B}]52;c;".utf8) + Array(Data("nc -vz db 5432".utf8).base64EncodedString().utf8)
            + [0x07, 0x1B, 0x5C]
        #expect(inTmux == plain + wrapped)
        #expect(Clipboard.tmuxPassthrough([0x1B, 0x41, 0x1B]) == Array("\u{1B}Ptmux;".utf8) + [0x1B, 0x1B, 0x41, 0x1B, 0x1B, 0x1B, 0x5C])
    }
}
