/// A compact binary encoding for the index cache: variable-length integers and
/// length-prefixed UTF-8. Hand-written because decoding 100,000 records through `Codable`
/// (JSON or property lists) would cost more than parsing the YAML it saves.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ data: [UInt8]) { bytes.append(contentsOf: data) }

    mutating func int(_ value: Int) {
        // Zigzag, so small negative numbers stay short too.
        var v = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        values.forEach { string($0) }
    }
}

/// Reads what `BinaryWriter` wrote; every read throws on truncated or malformed input, so a
/// damaged cache is dropped instead of trusted.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func raw(_ count: Int) throws(Malformed) -> ArraySlice<UInt8> {
        guard count >= 0, bytes.count - offset >= count else { throw Malformed() }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func int() throws(Malformed) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
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
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
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
