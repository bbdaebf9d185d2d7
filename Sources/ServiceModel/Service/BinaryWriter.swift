/// A compact binary encoding for packed list rows and the workspace's index cache:
/// variable-length integers and length-prefixed UTF-8. Hand-written because decoding
/// 100,000 records through `Codable` (JSON or property lists) would cost more than parsing
/// the YAML it saves.
package struct BinaryWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    package mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// A block: 32-bit little-endian length, then the bytes (`WorkspaceCache`'s records).
    package mutating func block(_ data: [UInt8]) {
        uint32(UInt32(data.count))
        bytes.append(contentsOf: data)
    }

    package mutating func raw<Bytes: Sequence>(_ data: Bytes) where Bytes.Element == UInt8 { bytes.append(contentsOf: data) }

    package mutating func int(_ value: Int) {
        // Zigzag, so small negative numbers stay short too.
        var v = UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63))
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    package mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    package mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    package mutating func byte(_ value: UInt8) { bytes.append(value) }

    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    package mutating func optionalInt(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    package mutating func strings(_ values: [String]) {
        int(values.count)
        values.forEach { string($0) }
    }
}

