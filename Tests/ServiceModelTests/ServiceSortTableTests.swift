import Foundation
import Testing
@testable import ServiceModel

/// The sort table must order rows exactly as the column's rules say; the reference below is
/// the straightforward comparator the keys replaced (too slow at 100,000 rows).
struct ServiceSortTableTests {
    static func reference(_ column: ServiceColumn, _ a: ServiceSummary, _ b: ServiceSummary) -> Bool {
        func ipKey(_ ip: String?) -> String {
            guard let ip else { return "~" }
            let parts = ip.split(separator: ".")
            guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil && $0.count <= 3 }) else { return "~" + ip }
            return parts.map { String(repeating: "0", count: 3 - $0.count) + $0 }.joined(separator: ".")
        }
        func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
        func less(_ x: String, _ y: String) -> Bool { bytes(x).lexicographicallyPrecedes(bytes(y)) }
        switch column {
        case .namespace, .name: break
        case .type:
            let ka = a.kind.sortRank * 4 + a.access.sortRank, kb = b.kind.sortRank * 4 + b.access.sortRank
            if ka != kb { return ka < kb }
        case .clusterIP:
            let ka = ipKey(a.clusterIP), kb = ipKey(b.clusterIP)
            if ka != kb { return less(ka, kb) }
        case .external:
            let ka = ServiceRow.external(a), kb = ServiceRow.external(b)
            if ka != kb { return less(ka, kb) }
        case .ports:
            let ka = a.ports.first?.port ?? Int.max, kb = b.ports.first?.port ?? Int.max
            if ka != kb { return ka < kb }
        case .backends:
            let ka = a.backends?.ready ?? -1, kb = b.backends?.ready ?? -1
            if ka != kb { return ka < kb }
        case .selector:
            let ka = ServiceRow.selector(a), kb = ServiceRow.selector(b)
            if ka != kb { return less(ka, kb) }
        case .age:
            let ka = a.created ?? .distantPast, kb = b.created ?? .distantPast
            if ka != kb { return ka > kb }
        }
        if column != .name, a.namespace != b.namespace { return less(a.namespace, b.namespace) }
        if a.name != b.name { return less(a.name, b.name) }
        return less(a.namespace, b.namespace)
    }

    /// Rows that differ in every column, with ties on each key so the fallbacks count.
    static let rows: [ServiceSummary] = {
        let ips = ["10.0.0.2", "10.0.0.10", "9.255.0.1", "fd00::1", nil, "10.0.0.2"]
        let kinds = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName", "Headless"]
        var rows: [ServiceSummary] = []
        for i in 0..<60 {
            let kind = kinds[i % kinds.count]
            var yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-\(i % 7)-\(["b", "a", "ä", "订单", "a-b"][i % 5])\n"
            yaml += "  namespace: \(["shop", "dev", "shop-2"][i % 3])\n"
            if i % 4 != 0 { yaml += "  creationTimestamp: \"2026-11-\(10 + i % 9)T10:00:00Z\"\n" }
            yaml += "spec:\n"
            switch kind {
            case "ExternalName": yaml += "  type: ExternalName\n  externalName: db\(i % 3).example.com\n"
            case "Headless": yaml += "  clusterIP: None\n"
            default:
                yaml += "  type: \(kind)\n"
                if let ip = ips[i % ips.count] { yaml += "  clusterIP: \"\(ip)\"\n" }
            }
            if i % 6 != 1 { yaml += "  selector:\n    app: \(["web", "api", "db"][i % 3])\n" + (i % 2 == 0 ? "    tier: t\(i % 4)\n" : "") }
            if i % 5 != 2 {
                yaml += "  ports:\n  - port: \([80, 443, 8080, 80][i % 4])\n"
                if kind == "NodePort", i % 3 != 0 { yaml += "    nodePort: \(30000 + i % 4)\n" }
            }
            if i % 7 == 3 { yaml += "  externalIPs: [\"1.2.3.\(i % 2)\"]\n" }
            if kind == "LoadBalancer", i % 2 == 0 { yaml += "status:\n  loadBalancer:\n    ingress:\n    - ip: 192.168.1.\(i % 3)\n" }
            var row = ServiceSummary(manifest: try! ManifestReader.objects(yaml)[0])
            if i % 3 != 0 { row.backends = .init(ready: i % 4 - 1 < 0 ? 0 : i % 4, total: 4) }
            rows.append(row)
        }
        return rows
    }()

    @Test(arguments: ServiceColumn.allCases)
    func keysOrderRowsLikeTheColumnRules(column: ServiceColumn) {
        let rows = Self.rows
        let sorted = ServiceSortTable(rows).sortedIndices(column).map { rows[$0].id }
        let expected = rows.indices.sorted { Self.reference(column, rows[$0], rows[$1]) }.map { rows[$0].id }
        #expect(sorted == expected)
    }

    /// Watch events change the table one row at a time; it must then sort exactly like a
    /// table built from the changed rows.
    @Test(arguments: ServiceColumn.allCases)
    func changedRowsSortLikeAFreshTable(column: ServiceColumn) {
        var rows = Array(Self.rows.prefix(40))
        var table = ServiceSortTable(rows)
        for (i, extra) in Self.rows.suffix(20).enumerated() where !rows.contains(where: { $0.id == extra.id }) {
            rows.append(extra)
            table.append(extra, in: rows)
            if i % 3 == 0 {
                rows.remove(at: i * 2)
                table.remove(at: i * 2)
            }
            var changed = rows[i]
            changed.ports = extra.ports
            changed.selector = extra.selector
            changed.clusterIP = extra.clusterIP
            changed.backends = .init(ready: i, total: i)
            rows[i] = changed
            table.replace(at: i, with: changed)
        }
        #expect(table.count == rows.count)
        #expect(table.sortedIndices(column).map { rows[$0].id } == ServiceSortTable(rows).sortedIndices(column).map { rows[$0].id })
    }

    @Test func ipv4SortsNumericallyBeforeOtherAddresses() {
        let rows = Self.rows.filter { $0.kind == .virtualIP }
        let ips = ServiceSortTable(rows).sortedIndices(.clusterIP).map { rows[$0].clusterIP ?? "nil" }
        let firstOther = ips.firstIndex { !$0.contains(".") } ?? ips.endIndex
        #expect(Array(ips[..<firstOther]).uniqued() == ["9.255.0.1", "10.0.0.2", "10.0.0.10"])
        #expect(ips[firstOther...].allSatisfy { !$0.contains(".") })
    }

    @Test func ageSortsYoungestFirstAndUnknownLast() {
        let rows = Self.rows
        let dates = ServiceSortTable(rows).sortedIndices(.age).map { rows[$0].created }
        let known = dates.compactMap { $0 }
        #expect(known == known.sorted(by: >))
        #expect(dates.suffix(dates.count - known.count).allSatisfy { $0 == nil })
    }
}

private extension Array where Element: Hashable {
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
