/// FNV-1a, 64 bits: a fast content hash for versions and change detection. Not a defence
/// against someone forging a collision; it only has to notice that bytes changed.
struct ContentHash: Sendable, Hashable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        value = hash
    }

    mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0))
    }

    static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.value
    }

    /// Sixteen lowercase hex digits.
    var hex: String { Self.hex(value) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A content hash as a service version: base 36, at most 13 characters, so the string
    /// is stored inline (a 16-digit one was a heap allocation per row at 100,000 services).
    static func version(_ value: UInt64) -> String { String(value, radix: 36) }

    /// The hash behind a `version(_:)` string.
    static func hash(ofVersion version: String) -> UInt64? { UInt64(version, radix: 36) }
}
