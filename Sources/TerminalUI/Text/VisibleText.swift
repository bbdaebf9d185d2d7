/// Turns untrusted text into what is safe to show: every control character, escape
/// sequence introducer and invisible formatting character becomes a visible escape, so
/// text from files or the cluster can never move the cursor, change colours or reorder
/// the line on the user's terminal.
///
/// - newline (and CR LF) shows as `↵`
/// - ESC as `\e`, tab as `\t`, carriage return as `\r`
/// - other C0 controls and DEL as `\xHH`
/// - C1 controls and other unprintable characters (bidi overrides, zero-width spaces)
///   as `\u{HHHH}`
package enum VisibleText {
    /// The clusters `text` is drawn as, escapes included.
    package static func clusters(_ text: String) -> [DisplayCluster] {
        var result: [DisplayCluster] = []
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let cluster = DisplayCluster.printable(character) {
                result.append(cluster)
            } else {
                for shown in escape(character) {
                    result.append(DisplayCluster.printable(shown) ?? .space)
                }
            }
        }
        return result
    }

    /// `text` with every unsafe character replaced by its visible escape.
    package static func sanitized(_ text: String) -> String {
        clusters(text).map(\.text).joined()
    }

    private static func escape(_ character: Character) -> String {
        if character == "\n" || character == "\r\n" { return "↵" }
        return character.unicodeScalars.map(escape(scalar:)).joined()
    }

    private static func escape(scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x1B: return "\\e"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        case 0x0A: return "↵"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, digits: 2)
        default: return "\\u{" + hex(scalar.value, digits: 1) + "}"
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
