import Foundation

/// Puts text on the clipboard of the terminal the user sits at, wherever svcwiz runs (an
/// SSH session included), with OSC 52: `ESC ] 52 ; c ; <base64> BEL`. The terminal
/// decides whether to honour it.
package enum Clipboard {
    /// The OSC 52 sequence that sets the clipboard (`c`) to `text`.
    package static func osc52(_ text: String) -> [UInt8] {
        Array("\u{1B}]52;c;".utf8) + Array(Data(text.utf8).base64EncodedString().utf8) + [0x07]
    }

    /// `sequence` inside tmux's DCS passthrough (`ESC P tmux; ... ESC \`, every ESC of the
    /// sequence doubled), which tmux hands to the outer terminal when `allow-passthrough`
    /// is on.
    package static func tmuxPassthrough(_ sequence: [UInt8]) -> [UInt8] {
        var out = Array("\u{1B}Ptmux;".utf8)
        for byte in sequence {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        return out + [0x1B, 0x5C]
    }

    /// What to write for `text`: the OSC 52 sequence; inside tmux (`TMUX` set) the
    /// sequence as is, which tmux takes itself when `set-clipboard` is on, and then
    /// wrapped for passthrough, which reaches the outer terminal when `allow-passthrough`
    /// is on. Either setting is enough, and both together set the same text twice.
    package static func bytes(for text: String, environment: [String: String]) -> [UInt8] {
        let sequence = osc52(text)
        guard let tmux = environment["TMUX"], !tmux.isEmpty else { return sequence }
        return sequence + tmuxPassthrough(sequence)
    }
}
