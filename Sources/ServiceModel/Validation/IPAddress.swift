/// An IPv4 or IPv6 address parsed the way Kubernetes v1.24 parses them
/// (`k8s.io/utils/net.ParseIPSloppy`, Go 1.16's `net.ParseIP`): IPv4 parts may carry leading
/// zeros (`010.1.1.1`), IPv6 may embed an IPv4 tail, zones (`%eth0`) are refused.
package struct IPAddress: Sendable, Hashable {
    /// 4 bytes for IPv4, 16 for IPv6.
    package let bytes: [UInt8]

    package init?(_ text: String) {
        guard let parsed = IPAddress.parse(Substring(text)) else { return nil }
        bytes = parsed
    }

    /// True for IPv6 addresses that are not IPv4-mapped (`::ffff:1.2.3.4` counts as IPv4).
    package var isIPv6: Bool { ipv4Bytes == nil }

    /// The four IPv4 bytes, also of an IPv4-mapped IPv6 address (Go's `To4`).
    var ipv4Bytes: [UInt8]? {
        if bytes.count == 4 { return bytes }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return Array(bytes[12...]) }
        return nil
    }

    var isUnspecified: Bool { (ipv4Bytes ?? bytes).allSatisfy { $0 == 0 } }

    var isLoopback: Bool {
        if let v4 = ipv4Bytes { return v4[0] == 127 }
        return bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
    }

    var isLinkLocalMulticast: Bool {
        if let v4 = ipv4Bytes { return v4[0] == 224 && v4[1] == 0 && v4[2] == 0 }
        return bytes[0] == 0xff && bytes[1] & 0x0f == 0x02
    }

    var isLinkLocalUnicast: Bool {
        if let v4 = ipv4Bytes { return v4[0] == 169 && v4[1] == 254 }
        return bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80
    }

    // MARK: Parsing

    static func parse(_ text: Substring) -> [UInt8]? {
        for c in text.utf8 {
            if c == UInt8(ascii: ".") { return parseIPv4(text) }
            if c == UInt8(ascii: ":") { return parseIPv6(text) }
        }
        return nil
    }

    static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var result: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.utf8.allSatisfy(NameRules.isDigit) else { return nil }
            let digits = part.drop(while: { $0 == "0" })
            guard digits.count <= 3, let value = Int(digits.isEmpty ? "0" : digits), value <= 255 else { return nil }
            result.append(UInt8(value))
        }
        return result
    }

    static func parseIPv6(_ text: Substring) -> [UInt8]? {
        var head: [UInt8] = []
        var tail: [UInt8] = []
        var sawEllipsis = false
        var rest = text
        if rest.hasPrefix("::") {
            sawEllipsis = true
            rest = rest.dropFirst(2)
            if rest.isEmpty { return [UInt8](repeating: 0, count: 16) }
        }
        while !rest.isEmpty {
            let groupEnd = rest.firstIndex(of: ":") ?? rest.endIndex
            let group = rest[rest.startIndex..<groupEnd]
            if group.contains(".") {
                // An IPv4 tail: only as the last group, with room for 4 bytes.
                guard groupEnd == rest.endIndex, let v4 = parseIPv4(group) else { return nil }
                if sawEllipsis { tail += v4 } else { head += v4 }
                rest = rest[groupEnd...]
                break
            }
            guard (1...4).contains(group.count), let value = UInt16(group, radix: 16),
                  group.utf8.allSatisfy({ NameRules.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0 | 0x20) })
            else { return nil }
            let pair = [UInt8(value >> 8), UInt8(value & 0xff)]
            if sawEllipsis { tail += pair } else { head += pair }
            rest = rest[groupEnd...]
            if rest.isEmpty { break }
            rest = rest.dropFirst()  // the ':'
            if rest.first == ":" {
                guard !sawEllipsis else { return nil }
                sawEllipsis = true
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            } else if rest.isEmpty {
                return nil  // a trailing single ':'
            }
        }
        guard rest.isEmpty else { return nil }
        let count = head.count + tail.count
        if sawEllipsis {
            guard count < 16 else { return nil }
            return head + [UInt8](repeating: 0, count: 16 - count) + tail
        }
        return count == 16 ? head : nil
    }

    /// Parses `address/prefix` as `net.ParseCIDR` (sloppy IPv4) does.
    static func isCIDR(_ text: String) -> Bool {
        guard let slash = text.firstIndex(of: "/") else { return false }
        let address = text[text.startIndex..<slash]
        let prefix = text[text.index(after: slash)...]
        var bits = 32
        var parsed = parseIPv4(address)
        if parsed == nil {
            bits = 128
            parsed = parseIPv6(address)
        }
        guard parsed != nil, !prefix.isEmpty, prefix.utf8.count <= 9, prefix.utf8.allSatisfy(NameRules.isDigit),
              let length = Int(prefix)
        else { return false }
        return length <= bits
    }
}

/// IP address and CIDR rules (apimachinery's `IsValidIP`, `IsValidCIDR`, and core's
/// `ValidateNonSpecialIP` for external IPs).
package enum NetworkRules {
    /// `IsValidIP`.
    package static func isValidIP(_ value: String) -> [RuleViolation] {
        IPAddress(value) == nil ? [RuleViolation(.ipAddress)] : []
    }

    /// `IsValidCIDR`.
    package static func isValidCIDR(_ value: String) -> [RuleViolation] {
        IPAddress.isCIDR(value) ? [] : [RuleViolation(.cidr)]
    }

    /// An IP address at `path`.
    package static func ip(_ value: String, path: FieldPath) -> [FieldError] {
        isValidIP(value).invalid(at: path, value: value)
    }

    /// A CIDR at `path` (a load balancer source range; surrounding spaces are allowed, as
    /// Kubernetes allows them there).
    package static func cidr(_ value: String, path: FieldPath, element: FieldPath.Component? = nil) -> [FieldError] {
        isValidCIDR(value.trimmingASCIISpaces).invalid(at: path, value: value, element: element)
    }

    /// An external IP: a valid address that is not unspecified, loopback or link-local.
    package static func externalIP(_ value: String, path: FieldPath) -> [FieldError] {
        guard let address = IPAddress(value) else { return ip(value, path: path) }
        var violations: [RuleViolation] = []
        if address.isUnspecified { violations.append(RuleViolation(.ipUnspecified)) }
        if address.isLoopback { violations.append(RuleViolation(.ipLoopback)) }
        if address.isLinkLocalMulticast { violations.append(RuleViolation(.ipLinkLocalMulticast)) }
        if address.isLinkLocalUnicast { violations.append(RuleViolation(.ipLinkLocal)) }
        return violations.invalid(at: path, value: value)
    }

    /// An ExternalName service's `spec.externalName`: required, a lowercase DNS-1123
    /// subdomain, one trailing dot allowed (a fully qualified name).
    package static func externalName(_ value: String, path: FieldPath = "spec.externalName") -> [FieldError] {
        let name = value.hasSuffix(".") ? String(value.dropLast()) : value
        if name.isEmpty { return [FieldError(path: path, kind: .required, key: .externalNameRequired)] }
        return NameRules.isDNS1123Subdomain(name).invalid(at: path, value: name)
    }
}

extension String {
    /// Go's `strings.TrimSpace` for the ASCII spaces YAML and forms produce.
    var trimmingASCIISpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
