import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// List rows as a cluster gives them: assigned cluster IPs, load balancer ingress, ages.
enum ClusterRows {
    static func row(_ name: String, alias: String? = nil, clusterIP: String, access: ExternalAccess = .none,
                    ingress: [String] = [], ports: [ServiceSummary.Port], selector: [String: String],
                    age: TimeInterval) -> ServiceSummary {
        ServiceSummary(namespace: "demo", name: name, alias: alias, kind: .virtualIP, access: access, clusterIP: clusterIP,
                       externalName: nil, externalIPs: [], ingress: ingress, ports: ports,
                       selector: selector.sorted { $0.key < $1.key }.map { ServiceSummary.Pair(key: $0.key, value: $0.value) },
                       labels: [], created: ShopScreens.now.addingTimeInterval(-age), backends: .init(ready: 2, total: 2))
    }

    static func port(_ name: String?, _ port: Int, target: String?, nodePort: Int? = nil) -> ServiceSummary.Port {
        ServiceSummary.Port(name: name, port: port, protocol: "TCP", targetPort: target, nodePort: nodePort, appProtocol: nil)
    }

    /// The services of the v1.24 cluster: short names, full-length cluster IPs.
    static let demo: [ServiceSummary] = [
        row("web", alias: "网站", clusterIP: "10.96.101.187", access: .nodePort,
            ports: [port("http", 80, target: "8080", nodePort: 30080)], selector: ["app": "web"], age: 3 * 86400),
        row("api", clusterIP: "10.96.200.14", ports: [port("http", 80, target: "http"), port("grpc", 9090, target: nil)],
            selector: ["app": "api", "tier": "backend"], age: 5 * 3600),
        row("cache", clusterIP: "10.104.233.150", ports: [port(nil, 6379, target: nil)], selector: ["app": "redis"], age: 90),
        row("edge", clusterIP: "10.96.0.10", access: .loadBalancer, ingress: ["192.168.0.240"],
            ports: [port("https", 443, target: "8443")], selector: ["app": "edge"], age: 42 * 60 + 30),
    ]

    /// The app showing `rows` in namespace `demo` of a cluster, at `columns` wide.
    static func listState(_ rows: [ServiceSummary] = demo, columns: Int, lines: Int = 24) -> AppState {
        var state = AppState(text: UIText(.en), backend: BackendInfo(kind: .cluster, location: "e2e (https://10.0.0.1:6443)"),
                             readOnly: false, size: TerminalSize(columns: columns, rows: lines), scope: .named("demo"),
                             exportFolder: ".")
        _ = state.update(.servicesLoaded(.named("demo"), .success(rows)))
        return state
    }

    static func render(_ state: AppState, at now: Date = ShopScreens.now) -> MemorySurface {
        let surface = MemorySurface(columns: state.size.columns, rows: state.size.rows)
        AppRenderer.render(state, on: surface, now: now)
        return surface
    }

    /// The cells that differ between two frames: what a flush sends to the terminal.
    static func changedCells(_ before: MemorySurface, _ after: MemorySurface) -> [(column: Int, row: Int)] {
        var changed: [(column: Int, row: Int)] = []
        for row in 0..<before.grid.size.rows {
            for column in 0..<before.grid.size.columns where before.grid[column, row] != after.grid[column, row] {
                changed.append((column, row))
            }
        }
        return changed
    }
}
