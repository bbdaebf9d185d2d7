#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every row's sort key for every list column, kept in flat arrays beside the rows, so that
/// changing the sort of 100,000 services reads contiguous memory only.
///
/// Why: a comparator that rebuilds cell strings per comparison is slow, and building byte
/// keys from the summaries at each sort still spends its time in cache misses on the
/// summaries' scattered strings and arrays (docs/performance.md). Keys built once when
/// rows arrive, and name orders kept up to date, make a sort a plain array sort. Byte order of UTF-8 is code point order, which is also how
/// kubectl (Go) orders names.
///
/// Order of a column: its key, then namespace and name (NAME: name, then namespace).
package struct ServiceSortTable: Sendable {
    /// Numeric keys, one per row, for TYPE, PORTS, BACKENDS and AGE: unsigned order is the
    /// column's order.
    private var type: [UInt64] = []
    private var ports: [UInt64] = []
    private var backends: [UInt64] = []
    private var age: [UInt64] = []
    /// Text keys (bytes that compare like the column) for CLUSTER-IP, EXTERNAL, SELECTOR.
    /// Names are compared in the rows' own bytes: the name orders are sorted once and then
    /// kept, and copies of every name would cost as much memory as the other keys.
    private var clusterIP = KeyText()
    private var external = KeyText()
    private var selector = KeyText()
    /// Row indices by name then namespace, and by namespace then name.
    private var byName: [Int] = []
    private var byNamespace: [Int] = []
    /// Each row's position in `byNamespace`: the tie-break of every other column.
    private var namespaceRank: [UInt32] = []

    package var count: Int { type.count }

    package init(_ rows: [ServiceSummary]) {
        for row in rows { appendKeys(row) }
        byName = Self.sortedByNames(rows, nameFirst: true)
        byNamespace = Self.sortedByNames(rows, nameFirst: false)
        rankNamespaces()
    }

    // MARK: Changing

    /// A watch event changed a row; its name and namespace stay, so the name orders do.
    package mutating func replace(at index: Int, with row: ServiceSummary) {
        let keys = Keys(row)
        type[index] = keys.type
        ports[index] = keys.ports
        backends[index] = keys.backends
        age[index] = keys.age
        clusterIP.set(index, keys.clusterIP)
        external.set(index, keys.external)
        selector.set(index, keys.selector)
    }

    /// A row added at the end of `rows` (every row, the new one last).
    package mutating func append(_ row: ServiceSummary, in rows: [ServiceSummary]) {
        appendKeys(row)
        let index = count - 1
        byName.insert(index, at: Self.insertionPoint(of: row, in: byName, rows, nameFirst: true))
        byNamespace.insert(index, at: Self.insertionPoint(of: row, in: byNamespace, rows, nameFirst: false))
        rankNamespaces()
    }

    package mutating func remove(at index: Int) {
        for column in [\Self.type, \.ports, \.backends, \.age] as [WritableKeyPath<Self, [UInt64]>] {
            self[keyPath: column].remove(at: index)
        }
        for column in [\Self.clusterIP, \.external, \.selector] as [WritableKeyPath<Self, KeyText>] {
            self[keyPath: column].remove(at: index)
        }
        func shifted(_ order: [Int]) -> [Int] { order.compactMap { $0 == index ? nil : $0 > index ? $0 - 1 : $0 } }
        byName = shifted(byName)
        byNamespace = shifted(byNamespace)
        rankNamespaces()
    }

    // MARK: Sorting

    /// The row indices in ascending order of the column.
    package func sortedIndices(_ column: ServiceColumn) -> [Int] {
        switch column {
        case .name: return byName
        case .namespace: return byNamespace
        case .type: return sorted(by: type)
        case .ports: return sorted(by: ports)
        case .backends: return sorted(by: backends)
        case .age: return sorted(by: age)
        case .clusterIP: return sorted(by: clusterIP)
        case .external: return sorted(by: external)
        case .selector: return sorted(by: selector)
        }
    }

    private struct Entry {
        var key: UInt64
        var rank: UInt32
        var row: UInt32
    }

    private func sorted(by keys: [UInt64]) -> [Int] {
        var entries = keys.indices.map { Entry(key: keys[$0], rank: namespaceRank[$0], row: UInt32($0)) }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.rank < $1.rank }
        return entries.map { Int($0.row) }
    }

    private func sorted(by text: KeyText) -> [Int] {
        var entries = (0..<count).map { Entry(key: text.prefix(of: $0), rank: namespaceRank[$0], row: UInt32($0)) }
        text.withTails { tails in
            entries.sort { a, b in
                if a.key != b.key { return a.key < b.key }
                let order = tails(Int(a.row), Int(b.row))
                return order != 0 ? order < 0 : a.rank < b.rank
            }
        }
        return entries.map { Int($0.row) }
    }

    // MARK: Name orders

    private static func sortedByNames(_ rows: [ServiceSummary], nameFirst: Bool) -> [Int] {
        var order = Array(rows.indices)
        order.sort { compareNames(rows[$0], rows[$1], nameFirst: nameFirst) < 0 }
        return order
    }

    private static func insertionPoint(of row: ServiceSummary, in order: [Int], _ rows: [ServiceSummary], nameFirst: Bool) -> Int {
        var low = 0, high = order.count
        while low < high {
            let mid = (low + high) / 2
            if compareNames(rows[order[mid]], row, nameFirst: nameFirst) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private static func compareNames(_ a: ServiceSummary, _ b: ServiceSummary, nameFirst: Bool) -> Int {
        guard nameFirst else { return a.compareID(b) }
        let names = a.withNameBytes { x in b.withNameBytes { y in compareBytes(x, y) } }
        return names != 0 ? names : a.withNamespaceBytes { x in b.withNamespaceBytes { y in compareBytes(x, y) } }
    }

    private mutating func rankNamespaces() {
        namespaceRank = [UInt32](repeating: 0, count: count)
        for (position, row) in byNamespace.enumerated() { namespaceRank[row] = UInt32(position) }
    }

    // MARK: Keys

    private mutating func appendKeys(_ row: ServiceSummary) {
        let keys = Keys(row)
        type.append(keys.type)
        ports.append(keys.ports)
        backends.append(keys.backends)
        age.append(keys.age)
        clusterIP.append(keys.clusterIP)
        external.append(keys.external)
        selector.append(keys.selector)
    }

    /// One row's key for each column that has its own (NAME and NAMESPACE use the names).
    private struct Keys {
        var type, ports, backends, age: UInt64
        var clusterIP, external, selector: [UInt8]

        init(_ row: ServiceSummary) {
            type = UInt64(row.kind.sortRank * 4 + row.access.sortRank)
            ports = Self.signed(row.ports.first?.port ?? Int.max)
            backends = Self.signed(row.backends?.ready ?? -1)
            // Youngest first reads like kubectl's AGE going up: later dates sort first.
            let bits = (row.created ?? .distantPast).timeIntervalSinceReferenceDate.bitPattern
            age = ~(bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63))
            // IPv4 (as the API server reads it) numerically first, then anything else by text.
            if let ip = row.clusterIP {
                clusterIP = IPAddress.parseIPv4(Substring(ip)).map { [0] + $0 } ?? [1] + Array(ip.utf8)
            } else {
                clusterIP = [1]
            }
            external = []
            ServiceRow.appendExternal(kind: row.kind, access: row.access, externalName: row.externalName, ports: row.ports,
                                      ingress: row.ingress, externalIPs: row.externalIPs, to: &external)
            selector = []
            ServiceRow.appendSelector(row.selector, to: &selector)
        }

        private static func signed(_ value: Int) -> UInt64 { UInt64(bitPattern: Int64(value)) ^ (1 << 63) }
    }
}

/// One text key per row in a shared byte buffer. A replaced key is appended and the old
/// bytes left behind until they are more than half of the buffer.
struct KeyText: Sendable {
    private var bytes: [UInt8] = []
    private var starts: [UInt32] = []
    private var lengths: [UInt32] = []
    private var garbage = 0

    mutating func append<Key: Collection>(_ key: Key) where Key.Element == UInt8 {
        starts.append(UInt32(bytes.count))
        lengths.append(UInt32(key.count))
        bytes.append(contentsOf: key)
    }

    mutating func set(_ row: Int, _ key: [UInt8]) {
        garbage += Int(lengths[row])
        starts[row] = UInt32(bytes.count)
        lengths[row] = UInt32(key.count)
        bytes.append(contentsOf: key)
        if garbage > bytes.count / 2 { compact() }
    }

    mutating func remove(at row: Int) {
        garbage += Int(lengths[row])
        starts.remove(at: row)
        lengths.remove(at: row)
    }

    private mutating func compact() {
        var packed: [UInt8] = []
        packed.reserveCapacity(bytes.count - garbage)
        for row in starts.indices {
            let start = Int(starts[row])
            starts[row] = UInt32(packed.count)
            packed.append(contentsOf: bytes[start..<start + Int(lengths[row])])
        }
        bytes = packed
        garbage = 0
    }

    /// The key's first 8 bytes, big-endian, zero-padded: most comparisons end here.
    func prefix(of row: Int) -> UInt64 {
        let start = Int(starts[row]), length = Int(lengths[row])
        var prefix: UInt64 = 0
        for i in 0..<8 { prefix = prefix << 8 | UInt64(i < length ? bytes[start + i] : 0) }
        return prefix
    }

    /// Calls `body` with a comparison of two keys after their first 8 bytes (then lengths),
    /// valid only inside `body`.
    func withTails<R>(from offset: Int = 8, _ body: ((Int, Int) -> Int) -> R) -> R {
        bytes.withUnsafeBufferPointer { buffer in
            starts.withUnsafeBufferPointer { starts in
                lengths.withUnsafeBufferPointer { lengths in
                    body { a, b in
                        let aCount = max(0, Int(lengths[a]) - offset), bCount = max(0, Int(lengths[b]) - offset)
                        let common = min(aCount, bCount)
                        if common > 0, let base = buffer.baseAddress {
                            let order = memcmp(base + Int(starts[a]) + offset, base + Int(starts[b]) + offset, common)
                            if order != 0 { return Int(order) }
                        }
                        return aCount - bCount
                    }
                }
            }
        }
    }
}
