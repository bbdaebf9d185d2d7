import CNCurses

/// One value from ncurses' `get_wch`: a character, or a key code (`KEY_CODE_YES`).
package enum RawInput: Hashable, Sendable {
    case character(UInt32)
    case keyCode(Int32)
}

/// Turns ncurses input into `Key`s. It keeps state between batches because bracketed
/// paste can span several reads; an Esc is only combined with a character from the same
/// batch (ncurses already waited `ESCDELAY` for it), so a lone Esc is never held back.
package struct KeyDecoder: Sendable {
    /// Codes given to the bracketed-paste markers with `define_key`, past ncurses' own.
    static let pasteStartCode = Int32(KEY_MAX) + 1
    static let pasteEndCode = Int32(KEY_MAX) + 2

    private var paste: String?

    package init() {}

    /// Decodes one batch of input (everything that was available at once).
    package mutating func decode(_ batch: [RawInput]) -> [Key] {
        var keys: [Key] = []
        var index = batch.startIndex
        while index < batch.endIndex {
            let input = batch[index]
            index += 1
            if paste != nil {
                collectPaste(input, into: &keys)
                continue
            }
            if input == .keyCode(Self.pasteStartCode) {
                paste = ""
                continue
            }
            if input == .character(0x1B), let (key, length) = Self.escapeSequence(in: batch[index...]) {
                // A sequence ncurses did not know (TERM says another terminal than the
                // real one, as often under tmux or over SSH): decode the common ones, and
                // swallow the rest rather than typing it as text.
                if let key { keys.append(key) }
                index += length
                continue
            }
            if input == .character(0x1B), index < batch.endIndex,
               case .character(let next) = batch[index], next != 0x1B,
               let scalar = Unicode.Scalar(next), next >= 0x20, next != 0x7F {
                keys.append(.alt(Character(scalar)))
                index += 1
                continue
            }
            if let key = Self.key(for: input) { keys.append(key) }
        }
        return keys
    }

    /// Parses `[` or `O` and what follows an Esc as a CSI or SS3 key sequence: the key (nil
    /// for one svcwiz does not use) and how many inputs it took. Nil when it is no sequence.
    static func escapeSequence(in rest: ArraySlice<RawInput>) -> (Key?, Int)? {
        var scalars: [Unicode.Scalar] = []
        for input in rest.prefix(12) {
            guard case .character(let code) = input, let scalar = Unicode.Scalar(code) else { break }
            scalars.append(scalar)
            if scalars.count > 1, (0x40...0x7E).contains(scalar.value) { break }
        }
        guard let introducer = scalars.first, introducer == "[" || introducer == "O", scalars.count >= 2,
              let final = scalars.last, (0x40...0x7E).contains(final.value) else { return nil }
        let parameters = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
        guard parameters.allSatisfy({ $0.isNumber || $0 == ";" }) else { return nil }
        let first = Int(parameters.split(separator: ";").first ?? "") ?? 0
        let key: Key?
        switch final {
        case "A": key = .up
        case "B": key = .down
        case "C": key = .right
        case "D": key = .left
        case "H": key = .home
        case "F": key = .end
        case "Z": key = .backTab
        case "P", "Q", "R", "S": key = introducer == "O" ? .function(Int(final.value - 0x50) + 1) : nil
        case "~":
            switch first {
            case 1, 7: key = .home
            case 4, 8: key = .end
            case 2: key = .insert
            case 3: key = .delete
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11...15: key = .function(first - 10)
            case 17...21: key = .function(first - 11)
            case 23, 24: key = .function(first - 12)
            default: key = nil
            }
        default: key = nil
        }
        return (key, scalars.count)
    }

    private mutating func collectPaste(_ input: RawInput, into keys: inout [Key]) {
        switch input {
        case .keyCode(Self.pasteEndCode):
            keys.append(.paste(Self.withLineFeeds(paste ?? "")))
            paste = nil
        case .character(let code):
            if let scalar = Unicode.Scalar(code) { paste?.unicodeScalars.append(scalar) }
        case .keyCode(KEY_ENTER):
            paste?.append("\n")
        case .keyCode:
            break
        }
    }

    /// Terminals send a pasted line break as CR (xterm, VTE and tmux turn LF into CR);
    /// the app breaks lines with LF, so a CR, or a CR LF, becomes one LF.
    static func withLineFeeds(_ pasted: String) -> String {
        var result = String.UnicodeScalarView()
        var afterCR = false
        for scalar in pasted.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n", afterCR { continue }
            result.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(result)
    }

    /// The key for a single input, without context; nil for what svcwiz does not use
    /// (mouse, unknown function keys, NUL).
    package static func key(for input: RawInput) -> Key? {
        switch input {
        case .character(let code): return key(forCharacter: code)
        case .keyCode(let code): return key(forKeyCode: code)
        }
    }

    private static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 28...31: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 64)))
        case 0, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    private static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_RESIZE: return .resize
        case svcwiz_key_f(1)...svcwiz_key_f(12): return .function(Int(code - svcwiz_key_f(0)))
        default: return nil
        }
    }
}
