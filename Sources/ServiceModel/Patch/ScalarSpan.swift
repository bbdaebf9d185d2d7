/// Where a scalar's bytes end, found by scanning from where the reader says it starts.
enum ScalarSpan {
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), hash = UInt8(ascii: "#")
    private static let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A

    /// The first byte of a node's content after its anchor (`&name`) and tag (`!tag`).
    static func contentStart(_ bytes: [UInt8], from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: "&") || bytes[index] == UInt8(ascii: "!") {
            while index < bytes.count, ![space, tab, lf, cr].contains(bytes[index]) { index += 1 }
            while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
        }
        return index
    }

    /// The offset just past a scalar written at `start`, or nil when its bytes are not what
    /// the reader read (a multi-line plain scalar, a block scalar): then it is not patched
    /// in place.
    static func end(of scalar: Scalar, in bytes: [UInt8], at start: Int, flow: Bool, json: Bool) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""): return quotedEnd(bytes, start, quote: UInt8(ascii: "\""), escape: UInt8(ascii: "\\"))
        case UInt8(ascii: "'") where !json: return quotedEnd(bytes, start, quote: UInt8(ascii: "'"), escape: nil)
        case UInt8(ascii: "|"), UInt8(ascii: ">"): return nil
        default: break
        }
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == lf || byte == cr { break }
            if byte == hash, end > start, bytes[end - 1] == space || bytes[end - 1] == tab { break }
            if flow || json, byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { break }
            if json, byte == space || byte == tab { break }
            end += 1
        }
        while end > start, bytes[end - 1] == space || bytes[end - 1] == tab { end -= 1 }
        guard end > start else { return nil }
        if !json, String(decoding: bytes[start..<end], as: UTF8.self) != scalar.text { return nil }
        return end
    }

    /// The end of a quoted scalar: `''` inside single quotes, `\"` inside double quotes.
    private static func quotedEnd(_ bytes: [UInt8], _ start: Int, quote: UInt8, escape: UInt8?) -> Int? {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let escape, byte == escape {
                index += 2
                continue
            }
            if byte == quote {
                if escape == nil, index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// The offset just past a flow collection (`{...}` or `[...]`) opening at `start`.
    static func flowEnd(_ bytes: [UInt8], at start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth == 0 { return index + 1 }
            case UInt8(ascii: "\""):
                guard let end = quotedEnd(bytes, index, quote: UInt8(ascii: "\""), escape: UInt8(ascii: "\\")) else { return nil }
                index = end
                continue
            case UInt8(ascii: "'"):
                // A quote inside a plain scalar (`it's`) does not start a quoted one.
                if index > start, ![UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: ","), space, tab, lf, UInt8(ascii: ":")]
                    .contains(bytes[index - 1]) { break }
                guard let end = quotedEnd(bytes, index, quote: UInt8(ascii: "'"), escape: nil) else { return nil }
                index = end
                continue
            case hash:
                if index > start, bytes[index - 1] == space || bytes[index - 1] == tab || bytes[index - 1] == lf {
                    while index < bytes.count, bytes[index] != lf { index += 1 }
                    continue
                }
            default: break
            }
            index += 1
        }
        return nil
    }
}
