#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a summary keeps its fields: packed into one `PackedRow`, decoded on access, compared
/// by bytes where the list and the index compare rows by the thousand.
extension ServiceSummary {
    /// The packed fields, whole: what a setter changes and packs again, and what packing
    /// starts from.
    struct Fields: Equatable {
        static let hasAlias: UInt8 = 1, hasClusterIP: UInt8 = 2, hasExternalName: UInt8 = 4, hasCreated: UInt8 = 8

        var namespace: String
        var name: String
        var alias: String?
        var kind: ServiceKind
        var access: ExternalAccess
        var clusterIP: String?
        var externalName: String?
        var externalIPs: [String]
        var ingress: [String]
        var ports: [Port]
        var selector: [Pair]
        var labels: [Pair]
        var created: Date?

        func packed() -> PackedRow {
            var writer = BinaryWriter(capacity: 64 + name.utf8.count + namespace.utf8.count + 48 * labels.count
                                      + 32 * (ports.count + selector.count))
            writer.string(namespace)
            writer.string(name)
            writer.byte(UInt8(ServiceKind.allCases.firstIndex(of: kind) ?? 0))
            writer.byte(UInt8(ExternalAccess.allCases.firstIndex(of: access) ?? 0))
            var flags: UInt8 = 0
            if alias != nil { flags |= Self.hasAlias }
            if clusterIP != nil { flags |= Self.hasClusterIP }
            if externalName != nil { flags |= Self.hasExternalName }
            if created != nil { flags |= Self.hasCreated }
            writer.byte(flags)
            if let created { writer.uint64(created.timeIntervalSinceReferenceDate.bitPattern) }
            for text in [alias, clusterIP, externalName] { if let text { writer.string(text) } }
            writer.int(ports.count)
            for port in ports { Self.write(port, to: &writer) }
            for pairs in [selector, labels] {
                writer.int(pairs.count)
                for pair in pairs {
                    writer.string(pair.key)
                    writer.string(pair.value)
                }
            }
            writer.strings(externalIPs)
            writer.strings(ingress)
            return PackedRow.make(writer.bytes)
        }

        private static let protocols = ["TCP", "UDP", "SCTP"]

        private static func write(_ port: Port, to writer: inout BinaryWriter) {
            let known = protocols.firstIndex(of: port.protocol)
            var flags = UInt8(known ?? 3) << 5
            if port.name != nil { flags |= 1 }
            if port.port != nil { flags |= 2 }
            if port.targetPort != nil { flags |= 4 }
            if port.nodePort != nil { flags |= 8 }
            if port.appProtocol != nil { flags |= 16 }
            writer.byte(flags)
            if let name = port.name { writer.string(name) }
            if let number = port.port { writer.int(number) }
            if known == nil { writer.string(port.protocol) }
            if let target = port.targetPort { writer.string(target) }
            if let nodePort = port.nodePort { writer.int(nodePort) }
            if let appProtocol = port.appProtocol { writer.string(appProtocol) }
        }

        /// Reads every field; `reader.failed` says whether the bytes held a whole row.
        init(_ reader: inout PackedReader) {
            namespace = reader.string()
            name = reader.string()
            let kindIndex = Int(reader.byte()), accessIndex = Int(reader.byte())
            if kindIndex >= ServiceKind.allCases.count || accessIndex >= ExternalAccess.allCases.count { reader.fail() }
            kind = ServiceKind.allCases[min(kindIndex, ServiceKind.allCases.count - 1)]
            access = ExternalAccess.allCases[min(accessIndex, ExternalAccess.allCases.count - 1)]
            let flags = reader.byte()
            if flags & ~(Self.hasAlias | Self.hasClusterIP | Self.hasExternalName | Self.hasCreated) != 0 { reader.fail() }
            created = flags & Self.hasCreated != 0 ? Date(timeIntervalSinceReferenceDate: Double(bitPattern: reader.uint64())) : nil
            alias = flags & Self.hasAlias != 0 ? reader.string() : nil
            clusterIP = flags & Self.hasClusterIP != 0 ? reader.string() : nil
            externalName = flags & Self.hasExternalName != 0 ? reader.string() : nil
            ports = reader.ports()
            selector = reader.pairs()
            labels = reader.pairs()
            externalIPs = reader.strings()
            ingress = reader.strings()
        }

        init(namespace: String, name: String, alias: String?, kind: ServiceKind, access: ExternalAccess,
             clusterIP: String?, externalName: String?, externalIPs: [String], ingress: [String], ports: [Port],
             selector: [Pair], labels: [Pair], created: Date?) {
            self.namespace = namespace
            self.name = name
            self.alias = alias
            self.kind = kind
            self.access = access
            self.clusterIP = clusterIP
            self.externalName = externalName
            self.externalIPs = externalIPs
            self.ingress = ingress
            self.ports = ports
            self.selector = selector
            self.labels = labels
            self.created = created
        }
    }

    var fields: Fields { read { Fields(&$0) } }

    func read<R>(_ body: (inout PackedReader) -> R) -> R {
        packed.withBytes { bytes in
            var reader = PackedReader(bytes)
            return body(&reader)
        }
    }

    /// alias, clusterIP or externalName: after the created date, each present when flagged.
    func optional(_ flag: UInt8) -> String? {
        read { reader in
            reader.skipNames()
            reader.skip(2)
            let flags = reader.byte()
            guard flags & flag != 0 else { return nil }
            if flags & Fields.hasCreated != 0 { reader.skip(8) }
            for earlier in [Fields.hasAlias, Fields.hasClusterIP] where earlier < flag && flags & earlier != 0 {
                reader.skipString()
            }
            return reader.string()
        }
    }

    mutating func repack(_ change: (inout Fields) -> Void) {
        var fields = fields
        change(&fields)
        packed = fields.packed()
    }

    // MARK: Bytes

    /// Calls `body` with the name's UTF-8, in place.
    package func withNameBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        read { reader in
            reader.skipString()
            return body(reader.stringBytes())
        }
    }

    /// Calls `body` with the namespace's UTF-8, in place.
    package func withNamespaceBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        read { reader in body(reader.stringBytes()) }
    }

    /// Byte order (code point order) of namespace, then name: the index's row order.
    /// Negative, zero or positive.
    package func compareID(_ other: ServiceSummary) -> Int {
        read { a in
            other.read { b in
                let namespaces = compareBytes(a.stringBytes(), b.stringBytes())
                return namespaces != 0 ? namespaces : compareBytes(a.stringBytes(), b.stringBytes())
            }
        }
    }

    /// The same against an id.
    package func compareID(_ id: ServiceID) -> Int {
        var namespace = id.namespace, name = id.name
        return namespace.withUTF8 { namespace in
            name.withUTF8 { name in
                read { a in
                    let namespaces = compareBytes(a.stringBytes(), namespace)
                    return namespaces != 0 ? namespaces : compareBytes(a.stringBytes(), name)
                }
            }
        }
    }

    /// Whether this is the row of `id`, without making strings.
    package func hasID(_ id: ServiceID) -> Bool { compareID(id) == 0 }

    /// Whether a label is `key=value`, compared in place (a label filter asks every row).
    package func hasLabel(key: String, value: String) -> Bool {
        var key = key, value = value
        return key.withUTF8 { key in
            value.withUTF8 { value in
                read { reader in
                    reader.skipToLists()
                    reader.skipPorts()
                    reader.skipPairs()
                    for _ in 0..<reader.count() {
                        let labelKey = reader.stringBytes(), labelValue = reader.stringBytes()
                        if compareBytes(labelKey, key) == 0, compareBytes(labelValue, value) == 0 { return true }
                    }
                    return false
                }
            }
        }
    }

    /// The packed bytes, as the workspace's index cache stores them.
    package func withPackedBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { packed.withBytes(body) }

    /// A summary from packed bytes (the index cache's), nil unless they hold one whole row.
    package init?(packedBytes bytes: UnsafeBufferPointer<UInt8>, version: String? = nil) {
        var reader = PackedReader(bytes)
        reader.skipRow()
        guard !reader.failed, reader.isAtEnd else { return nil }
        packed = PackedRow.make(bytes)
        self.version = version
    }

    package static func == (a: ServiceSummary, b: ServiceSummary) -> Bool {
        guard a.backendBits == b.backendBits, a.version == b.version else { return false }
        return a.packed.isSame(b.packed) || a.packed.withBytes { x in b.packed.withBytes { y in compareBytes(x, y) == 0 } }
    }

    package func hash(into hasher: inout Hasher) {
        packed.withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(backendBits)
        hasher.combine(version)
    }
}

extension PackedReader {
    /// Walks a whole row without making its strings, failing where `Fields` would: a code
    /// no row writes, or bytes that end early (a cache is checked this way as it loads).
    mutating func skipRow() {
        skipNames()
        let kind = Int(byte()), access = Int(byte())
        if kind >= ServiceKind.allCases.count || access >= ExternalAccess.allCases.count { fail() }
        let flags = byte()
        typealias Flags = ServiceSummary.Fields
        if flags & ~(Flags.hasAlias | Flags.hasClusterIP | Flags.hasExternalName | Flags.hasCreated) != 0 { fail() }
        if flags & Flags.hasCreated != 0 { skip(8) }
        for flag in [Flags.hasAlias, Flags.hasClusterIP, Flags.hasExternalName] where flags & flag != 0 { skipString() }
        skipPorts()
        skipPairs()
        skipPairs()
        skipStrings()
        skipStrings()
    }

    mutating func skipNames() {
        skipString()
        skipString()
    }

    /// Past the fixed fields and the optional strings, to the ports.
    mutating func skipToLists() {
        skipNames()
        skip(2)
        let flags = byte()
        if flags & ServiceSummary.Fields.hasCreated != 0 { skip(8) }
        for flag in [ServiceSummary.Fields.hasAlias, ServiceSummary.Fields.hasClusterIP, ServiceSummary.Fields.hasExternalName]
        where flags & flag != 0 {
            skipString()
        }
    }

    mutating func ports() -> [ServiceSummary.Port] {
        let count = count()
        var ports: [ServiceSummary.Port] = []
        ports.reserveCapacity(count)
        for _ in 0..<count {
            let flags = byte()
            if flags & 0x80 != 0 { fail() }
            let name = flags & 1 != 0 ? string() : nil
            let number = flags & 2 != 0 ? int() : nil
            let code = Int(flags >> 5)
            let proto = code < 3 ? ["TCP", "UDP", "SCTP"][code] : string()
            let target = flags & 4 != 0 ? string() : nil
            let nodePort = flags & 8 != 0 ? int() : nil
            let appProtocol = flags & 16 != 0 ? string() : nil
            ports.append(ServiceSummary.Port(name: name, port: number, protocol: proto, targetPort: target,
                                             nodePort: nodePort, appProtocol: appProtocol))
        }
        return ports
    }

    mutating func skipPorts() {
        for _ in 0..<count() {
            let flags = byte()
            if flags & 0x80 != 0 { fail() }
            if flags & 1 != 0 { skipString() }
            if flags & 2 != 0 { _ = int() }
            if flags >> 5 == 3 { skipString() }
            if flags & 4 != 0 { skipString() }
            if flags & 8 != 0 { _ = int() }
            if flags & 16 != 0 { skipString() }
        }
    }

    mutating func pairs() -> [ServiceSummary.Pair] {
        let count = count()
        var pairs: [ServiceSummary.Pair] = []
        pairs.reserveCapacity(count)
        for _ in 0..<count { pairs.append(ServiceSummary.Pair(key: string(), value: string())) }
        return pairs
    }

    mutating func skipPairs() {
        for _ in 0..<count() {
            skipString()
            skipString()
        }
    }
}
