import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The detail's access and backends sections for every kind of access, as an operator
/// reads them in English and Chinese, and the cursor with `Y`.
struct AccessScreenTests {
    static let nodes = NodeAddresses.known([
        ClusterNode(name: "node-1", addresses: [.init(type: "InternalIP", address: "192.168.0.11")], ready: true),
        ClusterNode(name: "node-2", addresses: [.init(type: "InternalIP", address: "192.168.0.12"),
                                                .init(type: "ExternalIP", address: "203.0.113.12")], ready: true),
    ])

    /// A detail screen on `yaml` (one Service) with what a cluster answered.
    static func detail(_ yaml: String, nodes: NodeAddresses = nodes, backends: BackendStatus? = nil, language: Language = .en,
                       columns: Int = 120, rows: Int = 60, clipboard: Bool = true) throws -> AppState {
        let manifest = try ManifestReader.objects(yaml)[0]
        let stored = StoredService(manifest: manifest, version: "1", location: "/api/v1/namespaces/shop/services/x")
        var state = AppState(text: UIText(language), backend: BackendInfo(kind: .cluster, location: "test"), readOnly: false,
                             size: TerminalSize(columns: columns, rows: rows), scope: .named("shop"), exportFolder: ".")
        state.choices.clipboard = clipboard
        state.screen = .detail(DetailScreen(stored.id))
        _ = state.update(.detailLoaded(stored.id, .success(DetailData(stored: stored, backends: backends, events: [], nodes: nodes))))
        return state
    }

    static func text(_ state: AppState) -> String { ShopScreens.render(state).text }

    static let nodePort = """
    apiVersion: v1
    kind: Service
    metadata: {name: frontend, namespace: shop}
    spec:
      type: NodePort
      clusterIP: 10.96.101.7
      selector: {app: frontend}
      ports: [{name: http, port: 80, targetPort: 8080, nodePort: 30080}]
    """

    @Test(arguments: [Language.en, .zh])
    func testNodePortListsEachNodeWithACurlLine(language: Language) throws {
        let screen = Self.text(try Self.detail(Self.nodePort, language: language))
        let (inCluster, fromNode, fromOutside) = language == .en ? ("In cluster", "From a node", "From outside") : ("集群内", "节点上", "集群外")
        for expected in [
            "\(inCluster)", "frontend.shop.svc.cluster.local:80",
            "curl http://frontend.shop.svc.cluster.local:80/",
            "10.96.101.7:80", "curl http://10.96.101.7:80/",
            "\(fromNode)", "192.168.0.11:30080", "curl http://192.168.0.11:30080/",
            "\(fromOutside)", "203.0.113.12:30080", "curl http://203.0.113.12:30080/",
        ] {
            #expect(screen.contains(expected), "\(expected)")
        }
        #expect(!screen.contains(language == .en ? "<node IP>" : "<节点 IP>"))
    }

    @Test(arguments: [Language.en, .zh])
    func testWithoutNodesThePlaceholderStaysWithTheReason(language: Language) throws {
        let denied = Self.text(try Self.detail(Self.nodePort, nodes: .unknown(.notAllowed), language: language))
        #expect(denied.contains(language == .en ? "<node IP>:30080" : "<节点 IP>:30080"))
        #expect(denied.contains(language == .en ? "you may not list nodes (RBAC)" : "无权列出节点（RBAC）"))
        let failed = Self.text(try Self.detail(Self.nodePort, nodes: .unknown(.failed("connection refused")), language: language))
        #expect(failed.contains("connection refused"))
    }

    @Test(arguments: [Language.en, .zh])
    func testLoadBalancerLinesPerIngressAndPort(language: Language) throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: gateway, namespace: shop}
        spec:
          type: LoadBalancer
          clusterIP: 10.96.5.5
          selector: {app: frontend}
          ports: [{name: https, port: 443, targetPort: 8443, nodePort: 30443}]
        status:
          loadBalancer: {ingress: [{ip: 198.51.100.7}, {hostname: lb.example.com}]}
        """
        let screen = Self.text(try Self.detail(yaml, language: language))
        for expected in ["198.51.100.7:443", "curl https://198.51.100.7:443/", "lb.example.com:443", "curl https://lb.example.com:443/",
                         "curl https://192.168.0.11:30443/", language == .en ? "Load balancer" : "负载均衡器"] {
            #expect(screen.contains(expected), "\(expected)")
        }
        let pending = Self.text(try Self.detail(yaml.replacingOccurrences(of: "{ingress: [{ip: 198.51.100.7}, {hostname: lb.example.com}]}", with: "{}"),
                                                language: language))
        #expect(pending.contains(language == .en ? "Load balancer  pending" : "负载均衡器  等待分配"))
    }

    @Test(arguments: [Language.en, .zh])
    func testUDPPortsAreSaidAndTriedWithNcU(language: Language) throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: dns, namespace: shop}
        spec:
          clusterIP: 10.96.0.10
          externalIPs: [203.0.113.53]
          selector: {app: dns}
          ports: [{name: dns, port: 53, protocol: UDP}, {name: dns-tcp, port: 53, protocol: TCP}]
        """
        let screen = Self.text(try Self.detail(yaml, language: language))
        for expected in ["10.96.0.10:53/UDP", "nc -vzu 10.96.0.10 53", "nc -vz 10.96.0.10 53", "203.0.113.53:53/UDP",
                         "nc -vzu 203.0.113.53 53", language == .en ? "External IP" : "外部 IP"] {
            #expect(screen.contains(expected), "\(expected)")
        }
    }

    @Test(arguments: [Language.en, .zh])
    func testExternalNameShowsItsTarget(language: Language) throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: pay, namespace: shop}
        spec: {type: ExternalName, externalName: pay.example.com, ports: [{port: 443}]}
        """
        let screen = Self.text(try Self.detail(yaml, nodes: .unknown(.workspace), language: language))
        #expect(screen.contains("pay.shop.svc.cluster.local → pay.example.com"))
        #expect(screen.contains("curl https://pay.shop.svc.cluster.local:443/"))
    }

    @Test(arguments: [Language.en, .zh])
    func testHeadlessListsPodNamesAndAddressesAndEveryBackendsState(language: Language) throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: shop}
        spec:
          clusterIP: None
          selector: {app: db}
          ports: [{name: pg, port: 5432, targetPort: pg}]
        """
        let backends = BackendStatus(workloads: [], endpoints: [
            BackendPod(podName: "db-0", address: "10.244.1.5", nodeName: "node-1", hostname: "db-0", ready: true),
            BackendPod(podName: "db-1", address: "10.244.1.6", nodeName: "node-2", ready: false, serving: true, terminating: true),
            BackendPod(podName: "db-2", address: nil, nodeName: nil, ready: false, phase: "Pending", isEndpoint: false),
        ], targetPorts: ["pg": 15432])
        let screen = Self.text(try Self.detail(yaml, backends: backends, language: language))
        let en = language == .en
        for expected in [
            "db.shop.svc.cluster.local:15432", "nc -vz db-0.db.shop.svc.cluster.local 15432",
            en ? "1/3 pods ready" : "1/3 个容器组就绪",
            "db-0  10.244.1.5  node-1", en ? "node-1  ✓ ready" : "node-1  ✓ 就绪",
            en ? "node-2  ✗ not ready, serving, terminating" : "node-2  ✗ 未就绪, 可服务, 正在终止",
            en ? "db-2  no IP  ✗ not ready, Pending" : "db-2  无 IP  ✗ 未就绪, Pending",
        ] {
            #expect(screen.contains(expected), "\(expected)")
        }
        #expect(!screen.contains("10.244.1.6:15432"), "a pod that is not ready gets no DNS answer")
    }

    @Test func testPendingPodsSayZeroOfTwoLikeTheList() throws {
        let backends = BackendStatus(workloads: [Workload(kind: .deployment, name: "frontend", namespace: "shop",
                                                          podLabels: [("app", "frontend")], replicas: 2, containerPorts: [])],
                                     endpoints: [
                                        BackendPod(podName: "frontend-a", address: nil, nodeName: nil, ready: false, phase: "Pending", isEndpoint: false),
                                        BackendPod(podName: "frontend-b", address: nil, nodeName: nil, ready: false, phase: "Pending", isEndpoint: false),
                                     ])
        let state = try Self.detail(Self.nodePort, backends: backends)
        let screen = ShopScreens.render(state)
        #expect(screen.text.contains("Deployment frontend  2 pods"))
        let row = try #require(screen.lines.firstIndex { $0.contains("0/2 pods ready") })
        #expect(screen.style(atColumn: try #require(screen.lines[row].displayColumn(of: "0/2")), row: row) == .warning)
    }

    @Test func testTheCursorMovesOverLinesAndYCopiesTheCommand() throws {
        var state = try Self.detail(Self.nodePort, columns: 120, rows: 30)
        // Attributes first: Namespace, Type, Cluster IP, affinity, selector; then Access.
        ShopScreens.press(Array(repeating: .down, count: 5), on: &state)
        var effects = state.update(.key(.character("Y")))
        #expect(effects == [.copyToClipboard("curl http://frontend.shop.svc.cluster.local:80/")])
        #expect(state.status?.text == "Copied to the clipboard: curl http://frontend.shop.svc.cluster.local:80/")
        let row = try #require(ShopScreens.render(state).lines.firstIndex { $0.contains("frontend.shop.svc.cluster.local:80") })
        #expect(ShopScreens.render(state).style(atColumn: 3, row: row) == .selected)
        ShopScreens.press([.down], on: &state)
        effects = state.update(.key(.character("Y")))
        #expect(effects == [.copyToClipboard("curl http://10.96.101.7:80/")])
        // Up at the top stays there; a value without a command is copied as it is.
        ShopScreens.press([.character("g"), .up], on: &state)
        guard case .detail(let detail) = state.screen else { Issue.record("not on the detail"); return }
        #expect(detail.cursor == 0 && detail.scroll == 0)
        #expect(state.update(.key(.character("Y"))) == [.copyToClipboard("shop")])
    }

    @Test func testALineWithoutACommandCopiesItsAddressAndAPodWithoutIPItsName() throws {
        let yaml = """
        apiVersion: v1
        kind: Service
        metadata: {name: sig, namespace: shop}
        spec:
          clusterIP: 10.96.7.7
          selector: {app: sig}
          ports: [{name: sctp, port: 3868, protocol: SCTP}]
        """
        let backends = BackendStatus(workloads: [], endpoints: [
            BackendPod(podName: "sig-0", address: nil, nodeName: nil, ready: false, phase: "Pending", isEndpoint: false),
        ])
        var state = try Self.detail(yaml, backends: backends, rows: 40)
        guard case .detail(let detail) = state.screen, let data = detail.data else { Issue.record("not on the detail"); return }
        let items = DetailView.items(ServiceDetailContent.sections(for: data, text: state.text, now: Date()))
        // SCTP has no command to try it: the address is what an operator copies.
        let vip = try #require(items.firstIndex { $0.value.contains("10.96.7.7:3868/SCTP") })
        ShopScreens.press(Array(repeating: .down, count: vip), on: &state)
        #expect(state.update(.key(.character("Y"))) == [.copyToClipboard("10.96.7.7:3868")])
        let pod = try #require(items.firstIndex { $0.value.contains("sig-0") })
        ShopScreens.press(Array(repeating: .down, count: pod - vip), on: &state)
        #expect(state.update(.key(.character("Y"))) == [.copyToClipboard("sig-0")])
    }

    @Test func testTheCursorKeepsItsLineOnScreen() throws {
        var state = try Self.detail(Self.nodePort, columns: 100, rows: 16)
        ShopScreens.press(Array(repeating: .down, count: 12), on: &state)
        guard case .detail(let detail) = state.screen else { Issue.record("not on the detail"); return }
        let screen = ShopScreens.render(state)
        #expect((1..<(screen.lines.count - 2)).contains { screen.style(atColumn: 1, row: $0) == .selected },
                "cursor \(detail.cursor) scrolled \(detail.scroll):\n\(screen.text)")
        ShopScreens.press([.character("G")], on: &state)
        ShopScreens.press([.character("g")], on: &state)
        guard case .detail(let top) = state.screen else { return }
        #expect(top.cursor == 0 && top.scroll == 0)
    }

    @Test func testARefreshWithFewerLinesKeepsTheCursorOnALine() throws {
        // Events (a cluster) end the first load; the refresh has none, so one line less.
        var state = try Self.detail(Self.nodePort, nodes: .unknown(.notAllowed))
        ShopScreens.press([.character("G")], on: &state)
        let manifest = try ManifestReader.objects(Self.nodePort)[0]
        let stored = StoredService(manifest: manifest, version: "2", location: "x")
        _ = state.update(.detailLoaded(stored.id, .success(DetailData(stored: stored, backends: nil, events: nil, nodes: .known([])))))
        guard case .detail(let detail) = state.screen else { Issue.record("not on the detail"); return }
        let items = DetailView.items(ServiceDetailContent.sections(for: try #require(detail.data), text: state.text, now: Date()))
        #expect(detail.cursor == items.count - 1)
        // The last line is the note that there are no annotations: nothing to copy.
        #expect(state.update(.key(.character("Y"))) == [])
        #expect(state.status?.text == "Nothing to copy on this line.")
    }

    @Test func testWithTheClipboardOffTheTextIsShownToCopyByHand() throws {
        var state = try Self.detail(Self.nodePort, clipboard: false)
        ShopScreens.press(Array(repeating: .down, count: 5), on: &state)
        #expect(state.update(.key(.character("Y"))) == [])
        #expect(state.status?.text == "Clipboard off; copy by hand: curl http://frontend.shop.svc.cluster.local:80/")
        #expect(state.overlay == .messages)
        #expect(ShopScreens.render(state).text.contains("curl http://frontend.shop.svc.cluster.local:80/"))
    }

    @Test func testANoteHoldsNothingToCopy() throws {
        var state = try Self.detail(Self.nodePort, nodes: .unknown(.notAllowed))
        // Attributes (5), access: DNS, cluster IP, node port, then the note.
        ShopScreens.press(Array(repeating: .down, count: 8), on: &state)
        #expect(state.update(.key(.character("Y"))) == [])
        #expect(state.status?.text == "Nothing to copy on this line.")
        #expect(state.status?.severity == .warning)
    }

    @Test(arguments: [
        (false, [String: String](), true),
        (true, [:], false),
        (false, ["SVCWIZ_CLIPBOARD": "off"], false),
        (false, ["SVCWIZ_CLIPBOARD": "OFF"], false),
        (false, ["SVCWIZ_CLIPBOARD": "0"], false),
        (false, ["SVCWIZ_CLIPBOARD": "on"], true),
    ])
    func testClipboardSetting(flag: Bool, environment: [String: String], enabled: Bool) {
        #expect(AppOptions.clipboardEnabled(noClipboardFlag: flag, environment: environment) == enabled)
    }
}
