import Testing
@testable import ServiceModel

struct AccessPathTests {
    static func port(_ port: Int, name: String? = nil, proto: String = "TCP", appProtocol: String? = nil,
                     nodePort: Int? = nil, target: String? = nil) -> ServiceSummary.Port {
        ServiceSummary.Port(name: name, port: port, protocol: proto, targetPort: target, nodePort: nodePort, appProtocol: appProtocol)
    }

    static func service(_ name: String = "web", kind: ServiceKind = .virtualIP, access: ExternalAccess = .none,
                        clusterIP: String? = "10.96.0.10", externalName: String? = nil, externalIPs: [String] = [],
                        ingress: [String] = [], ports: [ServiceSummary.Port]) -> ServiceSummary {
        ServiceSummary(namespace: "shop", name: name, alias: nil, kind: kind, access: access, clusterIP: clusterIP,
                       externalName: externalName, externalIPs: externalIPs, ingress: ingress, ports: ports,
                       selector: [.init(key: "app", value: name)], labels: [], created: nil, backends: nil)
    }

    static func node(_ name: String, ready: Bool = true, _ addresses: [(String, String)]) -> ClusterNode {
        ClusterNode(name: name, addresses: addresses.map { ClusterNode.Address(type: $0.0, address: $0.1) }, ready: ready)
    }

    /// The lines as `origin via value | command`, as an operator reads them.
    static func render(_ lines: [AccessLine]) -> [String] {
        lines.map { line in
            switch line {
            case .path(let path):
                let host: String
                switch path.host {
                case .known(let name): host = name
                case .assignedByCluster: host = "<assigned>"
                case .nodeIP: host = "<node IP>"
                }
                let value = path.portAssigned ? (path.port.map { "\(host):\($0)" } ?? host) : "\(host):<assigned>"
                return "\(path.origin) \(path.via) \(value) | \(path.command ?? "-")"
            case let .more(count, via, origin): return "\(origin) \(via) +\(count)"
            case .nodesUnknown(let why): return "nodes unknown: \(why)"
            case .noNodes: return "no nodes"
            case .loadBalancerPending: return "lb pending"
            case .noReadyEndpoints: return "no ready endpoints"
            }
        }
    }

    @Test(arguments: [
        (port(80), AccessPath.Transport.http),
        (port(8080), .http),
        (port(443), .https),
        (port(8443), .https),
        (port(3306), .tcp),
        (port(9000, name: "http-api"), .http),
        (port(9000, name: "https"), .https),
        (port(9000, name: "grpc"), .tcp),
        (port(443, appProtocol: "http"), .http),
        (port(80, appProtocol: "https"), .https),
        (port(9000, appProtocol: "kubernetes.io/h2c"), .http),
        (port(9000, appProtocol: "kubernetes.io/wss"), .https),
        (port(80, appProtocol: "mysql"), .tcp),
        (port(53, name: "dns", proto: "UDP"), .udp),
        (port(80, proto: "UDP"), .udp),
        (port(9000, proto: "SCTP"), .sctp),
    ])
    func testTransportComesFromProtocolThenAppProtocolThenNameThenNumber(_ port: ServiceSummary.Port, _ expected: AccessPath.Transport) {
        #expect(AccessPath.transport(of: port) == expected)
    }

    @Test func testCommandsPerTransportAndIPv6InBrackets() {
        func command(_ host: String, _ port: Int, _ transport: AccessPath.Transport) -> String? {
            AccessPath(origin: .inCluster, via: .clusterIP, host: .known(host), port: port, transport: transport).command
        }
        #expect(command("10.96.0.10", 80, .http) == "curl http://10.96.0.10:80/")
        #expect(command("10.96.0.10", 443, .https) == "curl https://10.96.0.10:443/")
        #expect(command("10.96.0.10", 3306, .tcp) == "nc -vz 10.96.0.10 3306")
        #expect(command("10.96.0.10", 53, .udp) == "nc -vzu 10.96.0.10 53")
        #expect(command("10.96.0.10", 9000, .sctp) == nil)
        #expect(command("fd00::10", 80, .http) == "curl http://[fd00::10]:80/")
        #expect(command("fd00::10", 3306, .tcp) == "nc -vz fd00::10 3306")
        let unknown = AccessPath(origin: .inCluster, via: .clusterIP, host: .assignedByCluster, port: 80, transport: .http)
        #expect(unknown.command == nil && unknown.address == nil)
    }

    @Test func testWorkspaceClusterIPServiceShowsInClusterLinesWithAssignedValues() {
        let lines = AccessLines.lines(for: Self.service(clusterIP: nil, ports: [Self.port(80, name: "http")]), nodes: .unknown(.workspace))
        #expect(Self.render(lines) == [
            "inCluster dns web.shop.svc.cluster.local:80 | curl http://web.shop.svc.cluster.local:80/",
            "inCluster clusterIP <assigned>:80 | -",
        ])
    }

    @Test func testNodePortWithoutNodesKeepsThePlaceholderAndSaysWhy() {
        let service = Self.service(access: .nodePort, ports: [Self.port(80, nodePort: 30080), Self.port(81)])
        for why in [NodeAddresses.Unknown.workspace, .notAllowed, .failed("boom"), .loading] {
            let lines = Self.render(AccessLines.lines(for: service, nodes: .unknown(why)))
            #expect(lines.suffix(3) == [
                "fromNode nodePort <node IP>:30080 | -",
                "fromNode nodePort <node IP>:<assigned> | -",
                "nodes unknown: \(why)",
            ])
        }
    }

    @Test func testNodePortsListReadyNodesFirstExternalBeforeInternalThenHowManyMore() {
        let nodes: [ClusterNode] = [
            Self.node("a-down", ready: false, [("InternalIP", "192.168.0.10")]),
            Self.node("b", [("InternalIP", "192.168.0.11"), ("Hostname", "b")]),
            Self.node("c", [("InternalIP", "192.168.0.12"), ("ExternalIP", "203.0.113.12")]),
            Self.node("d", [("InternalIP", "192.168.0.13")]),
            Self.node("e-nameonly", [("Hostname", "e")]),
            Self.node("f", [("InternalIP", "192.168.0.15")]),
        ]
        let service = Self.service(access: .nodePort, ports: [Self.port(80, nodePort: 30080)])
        let lines = Self.render(AccessLines.lines(for: service, nodes: .known(nodes)))
        #expect(Array(lines.suffix(4)) == [
            "fromNode nodePort 192.168.0.11:30080 | curl http://192.168.0.11:30080/",
            "fromOutside nodePort 203.0.113.12:30080 | curl http://203.0.113.12:30080/",
            "fromNode nodePort 192.168.0.13:30080 | curl http://192.168.0.13:30080/",
            "fromNode nodePort +2",
        ])
    }

    @Test func testAClusterWithoutAddressedNodesSaysSo() {
        let service = Self.service(access: .nodePort, ports: [Self.port(80, nodePort: 30080)])
        let lines = Self.render(AccessLines.lines(for: service, nodes: .known([Self.node("x", [("Hostname", "x")])])))
        #expect(Array(lines.suffix(2)) == ["fromNode nodePort <node IP>:30080 | -", "no nodes"])
    }

    @Test func testLoadBalancerListsEachIngressWithEachPortOrSaysPending() {
        let ports = [Self.port(80, nodePort: 30080), Self.port(443, nodePort: 30443)]
        let pending = Self.render(AccessLines.lines(for: Self.service(access: .loadBalancer, ports: ports), nodes: .known([])))
        #expect(pending.last == "lb pending")
        let ready = Self.render(AccessLines.lines(for: Self.service(access: .loadBalancer, ingress: ["198.51.100.7", "lb.example.com"], ports: ports),
                                                  nodes: .known([Self.node("n", [("InternalIP", "192.168.0.11")])])))
        #expect(Array(ready.suffix(4)) == [
            "fromOutside loadBalancer 198.51.100.7:80 | curl http://198.51.100.7:80/",
            "fromOutside loadBalancer 198.51.100.7:443 | curl https://198.51.100.7:443/",
            "fromOutside loadBalancer lb.example.com:80 | curl http://lb.example.com:80/",
            "fromOutside loadBalancer lb.example.com:443 | curl https://lb.example.com:443/",
        ])
        #expect(ready.contains("fromNode nodePort 192.168.0.11:30443 | curl https://192.168.0.11:30443/"))
    }

    @Test func testExternalIPsAreReachedFromOutsideAndUDPIsSaid() {
        let service = Self.service(externalIPs: ["203.0.113.9"], ports: [Self.port(53, name: "dns", proto: "UDP")])
        #expect(Self.render(AccessLines.lines(for: service, nodes: .known([]))) == [
            "inCluster dns web.shop.svc.cluster.local:53 | nc -vzu web.shop.svc.cluster.local 53",
            "inCluster clusterIP 10.96.0.10:53 | nc -vzu 10.96.0.10 53",
            "fromOutside externalIP 203.0.113.9:53 | nc -vzu 203.0.113.9 53",
        ])
    }

    @Test func testExternalNameShowsTheCNAMETarget() {
        let service = Self.service("pay", kind: .headlessExternalName, clusterIP: nil, externalName: "pay.example.com", ports: [])
        #expect(Self.render(AccessLines.lines(for: service, nodes: .unknown(.workspace))) == [
            "inCluster dns pay.shop.svc.cluster.local | -",
            "inCluster externalName pay.example.com | -",
        ])
    }

    @Test func testHeadlessListsPodDNSNamesWhereHostnamesApplyElseAddressesOnTheTargetPort() {
        let service = Self.service("db", kind: .headlessSelector, clusterIP: "None", ports: [Self.port(5432, name: "pg", target: "pg")])
        let pods = [
            BackendPod(podName: "db-0", address: "10.244.1.5", nodeName: "n", hostname: "db-0", ready: true),
            BackendPod(podName: "db-1", address: "10.244.1.6", nodeName: "n", ready: true),
            BackendPod(podName: "db-2", address: "10.244.1.7", nodeName: "n", ready: false),
            BackendPod(podName: "db-3", address: nil, nodeName: nil, ready: false, phase: "Pending", isEndpoint: false),
        ]
        let lines = Self.render(AccessLines.lines(for: service, nodes: .unknown(.workspace), pods: pods, targetPorts: ["pg": 15432]))
        #expect(lines == [
            "inCluster dns db.shop.svc.cluster.local:15432 | nc -vz db.shop.svc.cluster.local 15432",
            "inCluster pod db-0.db.shop.svc.cluster.local:15432 | nc -vz db-0.db.shop.svc.cluster.local 15432",
            "inCluster pod 10.244.1.6:15432 | nc -vz 10.244.1.6 15432",
        ])
        let none = Self.render(AccessLines.lines(for: service, nodes: .unknown(.workspace), pods: [pods[2], pods[3]]))
        #expect(none == ["inCluster dns db.shop.svc.cluster.local:5432 | nc -vz db.shop.svc.cluster.local 5432", "no ready endpoints"])
    }

    @Test func testNodeReadsAddressesAndTheReadyCondition() throws {
        let yaml = """
        metadata: {name: node-1}
        status:
          conditions: [{type: MemoryPressure, status: "False"}, {type: Ready, status: "True"}]
          addresses: [{type: InternalIP, address: 192.168.0.11}, {type: Hostname, address: node-1}]
        """
        let node = ClusterNode(manifest: try ManifestReader.objects(yaml)[0])
        #expect(node.name == "node-1" && node.ready)
        #expect(node.nodePortAddress?.address == "192.168.0.11")
        let notReady = ClusterNode(manifest: try ManifestReader.objects("metadata: {name: n}\nstatus: {conditions: [{type: Ready, status: Unknown}]}")[0])
        #expect(!notReady.ready && notReady.nodePortAddress == nil)
    }
}
