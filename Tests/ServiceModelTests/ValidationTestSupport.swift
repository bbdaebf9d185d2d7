import Foundation
@testable import ServiceModel

/// Helpers for the validation tests: a small JSON reader that keeps key order and tells
/// `80` from `"80"` (the fixtures are JSON), and builders for Service manifests.
enum TestJSON {
    struct ParseError: Error { var offset: Int }

    /// Reads JSON text into a ManifestNode: objects keep key order, integers are `.int`,
    /// other numbers `.float`.
    static func parse(_ text: String) throws -> ManifestNode {
        var reader = Reader(bytes: Array(text.utf8))
        let node = try reader.value()
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw ParseError(offset: reader.index) }
        return node
    }

    /// Reads a value already decoded by JSONSerialization-free means: re-serialises nothing,
    /// just parses the text of `data`.
    static func parse(_ data: Data) throws -> ManifestNode {
        try parse(String(decoding: data, as: UTF8.self))
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() throws -> ManifestNode {
            skipSpace()
            guard index < bytes.count else { throw ParseError(offset: index) }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var entries: [ManifestEntry] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .mapping(entries) }
                while true {
                    skipSpace()
                    let key = try string()
                    skipSpace()
                    try expect(":")
                    entries.append(ManifestEntry(key: key, value: try value()))
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("}")
                    return .mapping(entries)
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [ManifestNode] = []
                skipSpace()
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .sequence(items) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    try expect("]")
                    return .sequence(items)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"):
                try word("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try word("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try word("null")
                return .null
            default:
                let start = index
                while index < bytes.count, "+-.0123456789eE".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard !text.isEmpty else { throw ParseError(offset: start) }
                if let int = Int(text) { return .int(int) }
                guard Double(text) != nil else { throw ParseError(offset: start) }
                return ManifestNode(.scalar(Scalar(text: text, kind: .float)))
            }
        }

        mutating func expect(_ c: Character) throws {
            guard index < bytes.count, bytes[index] == c.asciiValue else { throw ParseError(offset: index) }
            index += 1
        }

        mutating func word(_ w: String) throws {
            for c in w { try expect(c) }
        }

        mutating func string() throws -> String {
            try expect("\"")
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
            }
            while index < bytes.count {
                let b = bytes[index]
                index += 1
                if b == UInt8(ascii: "\"") {
                    flush()
                    return String(scalars)
                }
                guard b == UInt8(ascii: "\\") else { raw.append(b); continue }
                flush()
                let e = bytes[index]
                index += 1
                switch e {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{c}")
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code) {
                        try expect("\\")
                        try expect("u")
                        code = 0x10000 + ((code - 0xD800) << 10) + (try hex4() - 0xDC00)
                    }
                    scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default: scalars.append(Unicode.Scalar(e))
                }
            }
            throw ParseError(offset: index)
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw ParseError(offset: index) }
            index += 4
            return v
        }
    }
}

/// Service manifests for the tables.
enum TestService {
    /// The Kubernetes tests' `makeValidService()` as a v1 manifest: one named port, a
    /// selector, ClusterIP.
    static var valid: ManifestNode {
        .mapping([
            "apiVersion": .string("v1"),
            "kind": .string("Service"),
            "metadata": .mapping([
                "name": .string("valid"),
                "namespace": .string("valid"),
                "labels": .mapping(),
                "annotations": .mapping(),
            ]),
            "spec": .mapping([
                "selector": .mapping(["key": .string("val")]),
                "sessionAffinity": .string("None"),
                "type": .string("ClusterIP"),
                "ports": .sequence([port(name: "p", port: 8675, targetPort: 8675)]),
            ]),
        ])
    }

    static func port(name: String? = nil, port: Int, protocol proto: String = "TCP", nodePort: Int? = nil, targetPort: Int? = nil) -> ManifestNode {
        var node = ManifestNode.mapping()
        if let name { node["name"] = .string(name) }
        node["protocol"] = .string(proto)
        node["port"] = .int(port)
        if let targetPort { node["targetPort"] = .int(targetPort) }
        if let nodePort { node["nodePort"] = .int(nodePort) }
        return node
    }

    static func strings(_ values: [String]) -> ManifestNode { .sequence(values.map(ManifestNode.string)) }
}

extension ManifestNode {
    /// Sets a field by its path text: `m.set("spec.type", "NodePort")`.
    mutating func set(_ path: String, _ value: ManifestNode?) {
        set(FieldPath(path), to: value)
    }

    mutating func appendPort(_ port: ManifestNode) {
        var ports = self["spec"]?["ports"]?.items ?? []
        ports.append(port)
        set("spec.ports", .sequence(ports))
    }
}

/// The API server's view of an error: the cause's `field` and `reason`.
struct Cause: Hashable, CustomStringConvertible {
    var field: String
    var reason: String
    var description: String { "\(field) \(reason)" }
}

extension FieldError {
    var cause: Cause { Cause(field: path.description, reason: kind.apiReason) }
}
