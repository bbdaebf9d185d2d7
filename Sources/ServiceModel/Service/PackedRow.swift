#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fields of one `ServiceSummary`, packed into one allocation: a list of 100,000
/// services holds one of these per row instead of a dozen strings and arrays each.
///
/// Layout (`BinaryWriter`'s encoding: integers are zigzagged LEB128 varints; a string is its
/// UTF-8 length and bytes; a list is its count and elements):
///
///     namespace, name,
///     kind, access (one byte each: the case's position),
///     flags (1 alias, 2 clusterIP, 4 externalName, 8 created),
///     created (8 bytes: the bit pattern of `timeIntervalSinceReferenceDate`), alias,
///     clusterIP, externalName (each only when its flag is set),
///     ports (flags byte: 1 name, 2 port, 4 targetPort, 8 nodePort, 16 appProtocol, the
///            protocol in bits 5-6: TCP, UDP, SCTP, or 3 with the text after it;
///            then name, port, protocol text, targetPort, nodePort, appProtocol, each only
///            when flagged),
///     selector pairs, label pairs, externalIPs, ingress.
///
/// Namespace and name come first, so that comparing two rows reads only their first bytes.
/// The workspace's index cache stores these bytes as they are (`WorkspaceCache`).
struct PackedRow: @unchecked Sendable {
    // Unchecked: the buffer is never written after `make`; every change makes a new one.
    private let buffer: Storage

    private final class Storage: ManagedBuffer<Int, UInt8> {}

    static func make(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedRow {
        let buffer = Storage.create(minimumCapacity: bytes.count) { _ in bytes.count }
        buffer.withUnsafeMutablePointerToElements { elements in
            if let base = bytes.baseAddress { elements.initialize(from: base, count: bytes.count) }
        }
        return PackedRow(buffer: unsafeDowncast(buffer, to: Storage.self))
    }

    static func make(_ bytes: [UInt8]) -> PackedRow {
        bytes.withUnsafeBufferPointer { make($0) }
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try buffer.withUnsafeMutablePointers { count, elements in
            try body(UnsafeBufferPointer(start: elements, count: count.pointee))
        }
    }

    /// The same buffer (a copy of the same row): equal without comparing bytes.
    func isSame(_ other: PackedRow) -> Bool { buffer === other.buffer }
}

/// Reads packed fields in order. Every read stays inside the bytes: past the end it
/// returns empty values and sets `failed`, so bytes from a damaged cache can be checked
/// with the same code that decodes trusted ones.
struct PackedReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0
    private(set) var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8 {
        guard offset < bytes.count else {
            failed = true
            return 0
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func unsigned() -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard shift < 64 else {
                failed = true
                return 0
            }
            let byte = byte()
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 || failed { return value }
            shift += 7
        }
    }

    mutating func int() -> Int {
        let value = unsigned()
        return Int(Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1))
    }

    /// A length or count: never more than the bytes left, each element taking one at least.
    mutating func count() -> Int {
        let value = int()
        guard value >= 0, value <= bytes.count - offset else {
            failed = true
            offset = bytes.count
            return 0
        }
        return value
    }

    /// The next string's bytes, in place.
    mutating func stringBytes() -> UnsafeBufferPointer<UInt8> {
        let length = count()
        defer { offset += length }
        return UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
    }

    mutating func string() -> String { String(decoding: stringBytes(), as: UTF8.self) }

    mutating func skipString() { offset += count() }

    /// Past `count` bytes, never past the end.
    mutating func skip(_ count: Int) {
        guard bytes.count - offset >= count else {
            failed = true
            offset = bytes.count
            return
        }
        offset += count
    }

    mutating func uint64() -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(byte()) << UInt64(i * 8) }
        return value
    }

    mutating func strings() -> [String] {
        let count = count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(string()) }
        return values
    }

    mutating func skipStrings() {
        for _ in 0..<count() { skipString() }
    }

    mutating func fail() { failed = true }
}

/// Byte order of two UTF-8 strings (negative, zero, positive): code point order, as kubectl
/// (Go) orders names.
func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let x = a.baseAddress, let y = b.baseAddress {
        let order = memcmp(x, y, common)
        if order != 0 { return Int(order) }
    }
    return a.count - b.count
}
