/// How an address is written, beside whether it is valid: the API server (from 1.27) warns
/// about spellings that other parsers read differently (CVE-2021-29923) or that controllers
/// rewrite into an apply loop. Go's `netip.ParseAddr` is the reference: it refuses IPv4
/// parts with leading zeros, and `String()` gives RFC 5952's canonical IPv6 text.
enum AddressSpelling {
    enum Problem: Equatable {
        case leadingZeros
        /// The canonical text to write instead.
        case notCanonical(String)
    }

    /// The problem of an address the validator already accepted, or nil.
    static func ip(_ text: String) -> Problem? {
        guard let address = IPAddress(text) else { return nil }
        if hasLeadingZeros(text) { return .leadingZeros }
        guard text.contains(":") else { return nil }
        let canonical = canonicalText(address)
        return canonical == text ? nil : .notCanonical(canonical)
    }

    /// The problem of a CIDR (`address/bits`) the validator already accepted, or nil.
    static func cidr(_ text: String) -> Problem? {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let address = String(text[text.startIndex..<slash])
        let bits = text[text.index(after: slash)...]
        if hasLeadingZeros(address) || (bits.count > 1 && bits.first == "0") { return .leadingZeros }
        guard address.contains(":"), let parsed = IPAddress(address) else { return nil }
        let canonical = canonicalText(parsed) + "/" + String(Int(bits) ?? 0)
        return canonical == text ? nil : .notCanonical(canonical)
    }

    /// An IPv4 part (also an IPv6 address's IPv4 tail) written with a leading zero.
    private static func hasLeadingZeros(_ text: String) -> Bool {
        let tail = text.split(separator: ":").last ?? Substring(text)
        guard tail.contains(".") else { return false }
        return tail.split(separator: ".").contains { $0.count > 1 && $0.first == "0" }
    }

    /// RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero
    /// groups (the first if tied) as `::`; an IPv4-mapped address as `::ffff:a.b.c.d`.
    static func canonicalText(_ address: IPAddress) -> String {
        let bytes = address.bytes
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
            return "::ffff:" + bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 16, by: 2).map { Int(bytes[$0]) << 8 | Int(bytes[$0 + 1]) }
        var best = (start: -1, length: 0)
        var i = 0
        while i < groups.count {
            guard groups[i] == 0 else { i += 1; continue }
            var j = i
            while j < groups.count && groups[j] == 0 { j += 1 }
            if j - i > best.length { best = (i, j - i) }
            i = j
        }
        let hex = groups.map { String($0, radix: 16) }
        guard best.length >= 2 else { return hex.joined(separator: ":") }
        let head = hex[0..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
