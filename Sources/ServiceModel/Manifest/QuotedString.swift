/// A double-quoted string as the writers write one: `"`, `\`, line feed, tab and carriage
/// return escaped the way JSON and YAML both spell them, and every other scalar the
/// format's own `escape` names written as that escape.
enum QuotedString {
    static func quoted(_ text: String, escape: (UInt32) -> String?) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if let escaped = sharedEscape(scalar.value) ?? escape(scalar.value) {
                out += escaped
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func sharedEscape(_ value: UInt32) -> String? {
        switch value {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        default: return nil
        }
    }
}
