#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One row of the port editor, every field kept as the user's text so that nothing typed is
/// lost: a port of `80x` stays `80x` in the draft until it is fixed (the manifest cannot hold
/// it, so `apply(to:)` leaves that key out and `validate(base:rules:)` reports it).
package struct PortRow: Sendable, Hashable, Codable {
    package var name: String
    /// `TCP`, `UDP` or `SCTP`; empty when the manifest does not say (Kubernetes reads TCP).
    package var `protocol`: String
    package var appProtocol: String
    package var port: String
    /// A number or a port name; empty means "the same as port".
    package var targetPort: String
    /// Empty lets the cluster assign one.
    package var nodePort: String
    /// The index of `spec.ports` this row was read from, so that `apply(to:)` edits that
    /// port in place (its unknown fields and scalar kinds survive) even after rows above it
    /// were removed or moved. Nil for a row the user added.
    package internal(set) var sourceIndex: Int?

    package init(name: String = "", protocol: String = "TCP", appProtocol: String = "", port: String = "",
                targetPort: String = "", nodePort: String = "") {
        self.name = name
        self.protocol = `protocol`
        self.appProtocol = appProtocol
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
        self.sourceIndex = nil
    }

    /// Reads `spec.ports[index]`; every absent field reads as empty text.
    init(node: ManifestNode, index: Int) {
        func text(_ field: Field) -> String { node[field.rawValue]?.scalarText ?? "" }
        self.init(name: text(.name), protocol: text(.protocol), appProtocol: text(.appProtocol),
                  port: text(.port), targetPort: text(.targetPort), nodePort: text(.nodePort))
        sourceIndex = index
    }

    /// The protocol Kubernetes uses for this row: TCP when none is given.
    package var effectiveProtocol: String { `protocol`.isEmpty ? "TCP" : `protocol` }

    /// True when nothing but the default protocol has been typed.
    package var isBlank: Bool {
        name.isEmpty && appProtocol.isEmpty && port.isEmpty && targetPort.isEmpty && nodePort.isEmpty
    }

    /// The fields of a port, in kubectl's (alphabetical) key order.
    enum Field: String, CaseIterable {
        case appProtocol, name, nodePort, port, `protocol`, targetPort
    }

    func text(_ field: Field) -> String {
        switch field {
        case .appProtocol: return appProtocol
        case .name: return name
        case .nodePort: return nodePort
        case .port: return port
        case .protocol: return `protocol`
        case .targetPort: return targetPort
        }
    }

    /// The node a field's text becomes, or nil when the manifest cannot hold it (then the key
    /// is left out): numbers become integers, a target port of digits an integer and any other
    /// target port a name.
    static func encode(_ text: String, as field: Field) -> ManifestNode? {
        guard !text.isEmpty else { return nil }
        switch field {
        case .port, .nodePort:
            return DraftNumber.parse(text).map(ManifestNode.int)
        case .targetPort:
            return DraftNumber.parse(text).map(ManifestNode.int) ?? .string(text)
        case .appProtocol, .name, .protocol:
            return .string(text)
        }
    }
}

/// How the draft reads a number the user typed: decimal digits, surrounding spaces ignored.
enum DraftNumber {
    static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(trimmed)
    }
}
