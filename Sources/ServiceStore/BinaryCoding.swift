/// Reads what `BinaryWriter` wrote; every read throws on truncated or malformed input, so a
/// damaged cache is dropped instead of trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: ArraySlice<UInt8>
    private var offset: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        offset = bytes.startIndex
    }

    init(_ bytes: [UInt8]) { self.init(bytes[...]) }

    var isAtEnd: Bool { offset == bytes.endIndex }

    mutating func raw(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.endIndex - offset >= count else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.endIndex, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let decoded = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        return Int(decoded)
    }

    mutating func uint64() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        for (i, byte) in try raw(8).enumerated() { value |= UInt64(byte) << UInt64(i * 8) }
        return value
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try raw(1).first {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws(Malformed) -> String {
        let count = try int()
        return String(decoding: try raw(count), as: UTF8.self)
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    mutating func optionalInt() throws(Malformed) -> Int? {
        try bool() ? try int() : nil
    }

    mutating func count() throws(Malformed) -> Int {
        let count = try int()
        // A count can never exceed the bytes left: each element takes at least one.
        guard count >= 0, count <= bytes.endIndex - offset else { throw Malformed() }
        return count
    }

    mutating func strings() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }
}
