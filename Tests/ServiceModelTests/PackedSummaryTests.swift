import Foundation
import Testing
@testable import ServiceModel

/// A summary keeps its fields packed in one buffer: every field must read back as given,
/// setters must change only their field, and the byte comparisons the index and the list
/// use must order and match rows as their strings do.
struct PackedSummaryTests {
    static let longText = String(repeating: "a-very-long-label-value-", count: 12)

    /// Rows that use every field, and every way a field can be absent or empty.
    static let samples: [ServiceSummary] = [
        ServiceSummary(namespace: "", name: "", alias: nil, kind: .virtualIP, access: .none, clusterIP: nil,
                       externalName: nil, externalIPs: [], ingress: [], ports: [], selector: [], labels: [],
                       created: nil, backends: nil),
        ServiceSummary(namespace: "shop", name: "web", alias: "", kind: .headlessSelector, access: .none, clusterIP: "",
                       externalName: "", externalIPs: [""], ingress: [""], ports: [.init(name: nil, port: nil, protocol: "",
                       targetPort: nil, nodePort: nil, appProtocol: nil)], selector: [.init(key: "", value: "")],
                       labels: [.init(key: "", value: "")], created: Date(timeIntervalSinceReferenceDate: 0), backends: .init(ready: 0, total: 0)),
        ServiceSummary(namespace: "订单-ns", name: "svc-000123-ünïcode-订单服务", alias: "订单服务12 🚀", kind: .virtualIP,
                       access: .loadBalancer, clusterIP: "fd00::10", externalName: nil, externalIPs: ["203.0.113.7", "2001:db8::1"],
                       ingress: ["lb.example.com", "198.51.100.2"],
                       ports: (0..<40).map { i in
                           .init(name: i % 3 == 0 ? nil : "port-\(i)", port: i % 5 == 0 ? nil : 80 + i * 1000,
                                 protocol: ["TCP", "UDP", "SCTP", "tcp", "QUIC-\(i)"][i % 5],
                                 targetPort: i % 2 == 0 ? "http-\(i)" : nil, nodePort: i % 4 == 0 ? 30000 + i : nil,
                                 appProtocol: i % 6 == 0 ? "kubernetes.io/h2c" : nil)
                       },
                       selector: [.init(key: "app", value: "订单"), .init(key: longText, value: longText)],
                       labels: (0..<300).map { .init(key: "example.com/label-\($0)", value: $0 % 7 == 0 ? longText : "v\($0)") },
                       created: Date(timeIntervalSince1970: 1_764_000_000.25), backends: .init(ready: 3, total: 5), version: "12345"),
        ServiceSummary(namespace: "default", name: "ext", alias: nil, kind: .headlessExternalName, access: .none, clusterIP: nil,
                       externalName: "db.example.com", externalIPs: [], ingress: [],
                       ports: [.init(name: "neg", port: -1, protocol: "TCP", targetPort: "0", nodePort: Int.min, appProtocol: nil),
                               .init(name: "max", port: Int.max, protocol: "UDP", targetPort: nil, nodePort: 0, appProtocol: "")],
                       selector: [], labels: [.init(key: "a", value: "b")], created: Date(timeIntervalSince1970: -86_400),
                       backends: .init(ready: 2_000_000, total: 2_000_001), version: "zzzzzzzzzzzzz"),
    ]

    static func fields(_ s: ServiceSummary) -> [String] {
        ["\(s.namespace)", s.name, "\(String(describing: s.alias))", "\(s.kind)", "\(s.access)", "\(String(describing: s.clusterIP))",
         "\(String(describing: s.externalName))", "\(s.externalIPs)", "\(s.ingress)", "\(s.ports)", "\(s.selector)", "\(s.labels)",
         "\(String(describing: s.created?.timeIntervalSinceReferenceDate))", "\(String(describing: s.backends))", "\(String(describing: s.version))"]
    }

    @Test func everyFieldReadsBackAsGiven() {
        let s = Self.samples[2]
        #expect(s.namespace == "订单-ns")
        #expect(s.name == "svc-000123-ünïcode-订单服务")
        #expect(s.alias == "订单服务12 🚀")
        #expect(s.kind == .virtualIP && s.access == .loadBalancer)
        #expect(s.clusterIP == "fd00::10" && s.externalName == nil)
        #expect(s.externalIPs == ["203.0.113.7", "2001:db8::1"])
        #expect(s.ingress == ["lb.example.com", "198.51.100.2"])
        #expect(s.ports.count == 40)
        #expect(s.ports[1] == .init(name: "port-1", port: 1080, protocol: "UDP", targetPort: nil, nodePort: nil, appProtocol: nil))
        #expect(s.ports[4].protocol == "QUIC-4" && s.ports[3].protocol == "tcp" && s.ports[2].protocol == "SCTP")
        #expect(s.ports[0] == .init(name: nil, port: nil, protocol: "TCP", targetPort: "http-0", nodePort: 30000, appProtocol: "kubernetes.io/h2c"))
        #expect(s.selector == [.init(key: "app", value: "订单"), .init(key: Self.longText, value: Self.longText)])
        #expect(s.labels.count == 300 && s.labels[7].value == Self.longText && s.labels[299].key == "example.com/label-299")
        #expect(s.created == Date(timeIntervalSince1970: 1_764_000_000.25))
        #expect(s.backends == .init(ready: 3, total: 5) && s.version == "12345")

        let empty = Self.samples[0]
        #expect(empty.namespace.isEmpty && empty.name.isEmpty && empty.alias == nil && empty.clusterIP == nil)
        #expect(empty.ports.isEmpty && empty.labels.isEmpty && empty.selector.isEmpty && empty.created == nil)
        #expect(empty.backends == nil && empty.version == nil)

        let blank = Self.samples[1]
        #expect(blank.alias == "" && blank.clusterIP == "" && blank.externalName == "")
        #expect(blank.externalIPs == [""] && blank.ingress == [""])
        #expect(blank.ports == [.init(name: nil, port: nil, protocol: "", targetPort: nil, nodePort: nil, appProtocol: nil)])
        #expect(blank.selector == [.init(key: "", value: "")] && blank.created == Date(timeIntervalSinceReferenceDate: 0))
        #expect(blank.backends == .init(ready: 0, total: 0))

        let extremes = Self.samples[3]
        #expect(extremes.ports.map(\.port) == [-1, Int.max] && extremes.ports.map(\.nodePort) == [Int.min, 0])
        #expect(extremes.ports[1].appProtocol == "" && extremes.kind == .headlessExternalName)
        #expect(extremes.externalName == "db.example.com" && extremes.created == Date(timeIntervalSince1970: -86_400))
        #expect(extremes.backends == .init(ready: 2_000_000, total: 2_000_001))
    }

    @Test func aManifestReadsAsItsFields() throws {
        let manifest = try ManifestReader.parse("""
            apiVersion: v1
            kind: Service
            metadata:
              name: orders
              namespace: shop
              creationTimestamp: "2026-11-20T10:00:00Z"
              annotations: {kubesphere.io/alias-name: 订单}
              labels: {app: orders, tier: backend}
            spec:
              type: NodePort
              clusterIP: 10.96.0.7
              selector: {app: orders}
              externalIPs: [203.0.113.9]
              ports:
              - {name: http, port: 80, targetPort: web, nodePort: 30080, appProtocol: http}
              - {port: 53, protocol: UDP}
            """).objects[0].node
        let s = ServiceSummary(manifest: manifest)
        let expected = ServiceSummary(namespace: "shop", name: "orders", alias: "订单", kind: .virtualIP, access: .nodePort,
                                      clusterIP: "10.96.0.7", externalName: nil, externalIPs: ["203.0.113.9"], ingress: [],
                                      ports: [.init(name: "http", port: 80, protocol: "TCP", targetPort: "web", nodePort: 30080, appProtocol: "http"),
                                              .init(name: nil, port: 53, protocol: "UDP", targetPort: nil, nodePort: nil, appProtocol: nil)],
                                      selector: [.init(key: "app", value: "orders")],
                                      labels: [.init(key: "app", value: "orders"), .init(key: "tier", value: "backend")],
                                      created: ServiceSummary.parseTimestamp("2026-11-20T10:00:00Z"), backends: nil)
        #expect(s == expected)
        #expect(Self.fields(s) == Self.fields(expected))
    }

    /// Setting one field packs the row again: that field changes, every other one stays.
    @Test func settersChangeOnlyTheirField() {
        typealias Setter = (inout ServiceSummary) -> Void
        let setters: [(Int, Setter)] = [
            (0, { $0.namespace = "新-ns" }), (1, { $0.name = "renamed" }), (2, { $0.alias = nil }), (2, { $0.alias = "别名" }),
            (3, { $0.kind = .headlessExternalName }), (4, { $0.access = .nodePort }), (5, { $0.clusterIP = nil }),
            (5, { $0.clusterIP = "10.0.0.1" }), (6, { $0.externalName = "x.example.com" }), (7, { $0.externalIPs = [] }),
            (8, { $0.ingress = ["a", "b", "c"] }), (9, { $0.ports = [] }), (9, { if !$0.ports.isEmpty { $0.ports[0].port = 8443 } }),
            (10, { $0.selector = [.init(key: "k", value: "v")] }), (11, { $0.labels.append(.init(key: "new", value: "label")) }),
            (12, { $0.created = nil }), (12, { $0.created = Date(timeIntervalSince1970: 5) }), (13, { $0.backends = nil }),
            (13, { $0.backends = .init(ready: 1, total: 9) }), (14, { $0.version = "v2" }),
        ]
        for sample in Self.samples {
            for (field, set) in setters {
                var changed = sample
                set(&changed)
                let before = Self.fields(sample), after = Self.fields(changed)
                for i in before.indices where i != field { #expect(before[i] == after[i], "field \(i) moved when \(field) was set") }
                #expect(Self.fields(sample) == before, "the original changed with its copy")
            }
        }
        var row = Self.samples[2]
        row.name = "svc-renamed"
        #expect(row.name == "svc-renamed" && row.id == ServiceID(namespace: "订单-ns", name: "svc-renamed"))
        #expect(row.ports[0].appProtocol == "kubernetes.io/h2c")
    }

    @Test func packedBytesRoundTripAndDamageIsRefused() {
        for sample in Self.samples {
            let bytes = sample.withPackedBytes { Array($0) }
            let back = bytes.withUnsafeBufferPointer { ServiceSummary(packedBytes: $0, version: sample.version) }
            var expected = sample
            expected.backends = nil
            #expect(back == expected)
            #expect(back.map(Self.fields) == Self.fields(expected))
            // Every truncation and any trailing byte is refused, never read past the end.
            for length in 0..<bytes.count {
                #expect(Array(bytes[..<length]).withUnsafeBufferPointer { ServiceSummary(packedBytes: $0) } == nil)
            }
            #expect((bytes + [0]).withUnsafeBufferPointer { ServiceSummary(packedBytes: $0) } == nil)
        }
        // A kind, an access or flags that no row writes.
        let bad: [[UInt8]] = [[0, 0, 7, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 9, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0],
                              [0, 0, 0, 0, 0, 1, 0x80, 0, 0, 0, 0], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]]
        for bytes in bad { #expect(bytes.withUnsafeBufferPointer { ServiceSummary(packedBytes: $0) } == nil) }
        #expect([UInt8]([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).withUnsafeBufferPointer { ServiceSummary(packedBytes: $0) } != nil)
    }

    @Test func equalityAndHashFollowTheFields() {
        for (i, a) in Self.samples.enumerated() {
            for (j, b) in Self.samples.enumerated() {
                #expect((a == b) == (i == j))
            }
            let copy = ServiceSummary(namespace: a.namespace, name: a.name, alias: a.alias, kind: a.kind, access: a.access,
                                      clusterIP: a.clusterIP, externalName: a.externalName, externalIPs: a.externalIPs,
                                      ingress: a.ingress, ports: a.ports, selector: a.selector, labels: a.labels,
                                      created: a.created, backends: a.backends, version: a.version)
            #expect(copy == a && copy.hashValue == a.hashValue)
            var other = copy
            other.version = "other"
            #expect(other != a)
        }
    }

    /// Names as kubectl and the list order them: the byte order of their UTF-8.
    static let names = ["", "a", "A", "a-b", "a.b", "ab", "abc", "b", "z", "ä", "ü-1", "订单", "订单服务", "🚀", "svc-000001",
                        "svc-000001-x", "svc-00001", "default", "kube-system", String(repeating: "n", count: 200)]

    @Test func byteComparisonsAgreeWithStrings() {
        func row(_ namespace: String, _ name: String) -> ServiceSummary {
            ServiceSummary(namespace: namespace, name: name, alias: nil, kind: .virtualIP, access: .none, clusterIP: nil,
                           externalName: nil, externalIPs: [], ingress: [], ports: [], selector: [], labels: [],
                           created: nil, backends: nil)
        }
        let namespaces = ["", "default", "dev", "shop", "订单"]
        let ids = namespaces.flatMap { ns in Self.names.map { ServiceID(namespace: ns, name: $0) } }
        for a in ids {
            let rowA = row(a.namespace, a.name)
            rowA.withNameBytes { #expect(Array($0) == Array(a.name.utf8)) }
            rowA.withNamespaceBytes { #expect(Array($0) == Array(a.namespace.utf8)) }
            for b in ids {
                let expected = a < b ? -1 : a == b ? 0 : 1
                let rowB = row(b.namespace, b.name)
                #expect(rowA.compareID(rowB).signum() == expected, "\(a) vs \(b)")
                #expect(rowA.compareID(b).signum() == expected, "\(a) vs \(b)")
                #expect(rowA.hasID(b) == (a == b))
                #expect((ServiceKey(rowA) == ServiceKey(b)) == (a == b))
            }
            #expect(ServiceKey(rowA).hashValue == ServiceKey(a).hashValue && ServiceKey(rowA).id == a)
        }
    }

    @Test func labelsMatchInPlace() {
        let s = Self.samples[2]
        #expect(s.hasLabel(key: "example.com/label-7", value: Self.longText))
        #expect(s.hasLabel(key: "example.com/label-8", value: "v8"))
        #expect(!s.hasLabel(key: "example.com/label-8", value: "v9"))
        #expect(!s.hasLabel(key: "app", value: "订单"), "a selector pair is no label")
        #expect(Self.samples[1].hasLabel(key: "", value: ""))
        #expect(!Self.samples[0].hasLabel(key: "", value: ""))
    }
}
