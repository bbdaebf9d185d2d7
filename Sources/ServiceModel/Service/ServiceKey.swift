/// A service's identity as a dictionary key, read in place from its row's packed bytes:
/// an index of 100,000 services keys its lookups by these without a string per service.
package struct ServiceKey: Hashable, Sendable {
    private let row: PackedRow

    /// The key of a row: shares the row's bytes.
    package init(_ summary: ServiceSummary) { row = summary.packed }

    /// The key of an id, for a lookup.
    package init(_ id: ServiceID) {
        var writer = BinaryWriter(capacity: id.namespace.utf8.count + id.name.utf8.count + 4)
        writer.string(id.namespace)
        writer.string(id.name)
        row = PackedRow.make(writer.bytes)
    }

    package var id: ServiceID {
        row.withBytes { bytes in
            var reader = PackedReader(bytes)
            return ServiceID(namespace: reader.string(), name: reader.string())
        }
    }

    /// Namespace and name as packed: their lengths make them one unambiguous byte string.
    private func withIDBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        row.withBytes { bytes in
            var reader = PackedReader(bytes)
            reader.skipNames()
            return body(UnsafeBufferPointer(rebasing: bytes[0..<reader.offset]))
        }
    }

    package static func == (a: ServiceKey, b: ServiceKey) -> Bool {
        a.row.isSame(b.row) || a.withIDBytes { x in b.withIDBytes { y in compareBytes(x, y) == 0 } }
    }

    package func hash(into hasher: inout Hasher) {
        withIDBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
