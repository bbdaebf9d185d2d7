import Foundation
import Testing
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore

/// Backends that tell the truth (EndpointSlices or Endpoints plus the pods a selector
/// matches) and the nodes node ports are reached on, against recorded v1.24 shapes.
struct AccessBackendsTests {
    /// Seeds every item of a recorded list as `kind`.
    static func seedItems(_ fixture: String, kind: String, in cluster: TestCluster, namespace: String) throws {
        for item in try Fixtures.load(fixture).body["items"]?.items ?? [] {
            var object = item
            object["kind"] = .string(kind)
            cluster.store.seed(object, namespace: namespace)
        }
    }

    /// Node `name` with its addresses and a Ready condition, shaped as fixture 311 answers.
    static func node(_ name: String, ready: Bool = true, _ addresses: [(String, String)]) throws -> ManifestNode {
        var node = try Fixtures.load("311").body
        node.set("metadata.name", to: .string(name))
        node.set("status.addresses", to: .sequence(addresses.map { .mapping(["type": .string($0.0), "address": .string($0.1)]) }))
        node.set("status.conditions", to: .sequence([.mapping(["type": .string("Ready"), "status": .string(ready ? "True" : "False")])]))
        return node
    }

    /// Waits (generously: a loaded machine) until the backend's nodes satisfy `done`.
    static func nodes(of backend: ClusterBackend, until done: (NodeAddresses) -> Bool) async throws -> NodeAddresses {
        let deadline = ContinuousClock.now + .seconds(60)
        var seen = await backend.nodes()
        while !done(seen), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            seen = await backend.nodes()
        }
        return seen
    }

    @Test func testPendingPodsAreCountedAndListedBeforeTheyAreEndpoints() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.seed(Manifests.service("frontend", namespace: "apps", selector: "frontend"), namespace: "apps")
        try Self.seedItems("216", kind: "Pod", in: cluster, namespace: "apps")
        // The slice controller's empty slice for a service whose pods have no IP (302).
        for item in try Fixtures.load("302").body["items"]?.items ?? [] {
            var slice = item
            slice["kind"] = .string("EndpointSlice")
            slice.set("metadata.name", to: .string("frontend-abcde"))
            var labels = slice["metadata"]?["labels"] ?? .mapping()
            labels["kubernetes.io/service-name"] = .string("frontend")
            slice.set("metadata.labels", to: labels)
            cluster.store.seed(slice, namespace: "apps")
        }
        let backend = try cluster.adminBackend()
        let rows = try await backend.services(in: .named("apps"))
        let row = try #require(rows.first { $0.name == "frontend" })
        #expect(row.backends == ServiceSummary.BackendCount(ready: 0, total: 2))
        #expect(ServiceRow.backends(row) == "0/2")

        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "frontend")))
        #expect(status.count == ServiceSummary.BackendCount(ready: 0, total: 2))
        #expect(status.endpoints.allSatisfy { !$0.isEndpoint && !$0.ready && $0.address == nil && $0.phase == "Pending" })
        #expect(Set(status.endpoints.compactMap(\.podName)) == ["frontend-6947b7cf8b-7nmhb", "frontend-6947b7cf8b-sjmc9"])
        let podLists = cluster.store.requests.filter { $0 == "GET /api/v1/namespaces/apps/pods" }
        #expect(podLists.count == 2, "one for the list's counts, one by selector for the detail")
        await cluster.stop()
    }

    @Test func testReadyAndNotReadyEndpointsKeepTheirConditionsNodesAndResolvedPorts() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.seed(try Fixtures.load("300").body, namespace: "apps")
        try Self.seedItems("321", kind: "EndpointSlice", in: cluster, namespace: "apps")
        try Self.seedItems("324", kind: "Pod", in: cluster, namespace: "apps")
        let backend = try cluster.adminBackend()
        let rows = try await backend.services(in: .named("apps"))
        #expect(rows.first { $0.name == "web" }?.backends == ServiceSummary.BackendCount(ready: 1, total: 2))
        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "web")))
        #expect(status.endpoints.count == 2, "the running pods are endpoints already: not listed twice")
        let ready = try #require(status.endpoints.first { $0.podName == "web-ready" })
        #expect(ready.ready && ready.serving && !ready.terminating && ready.isEndpoint)
        #expect(ready.address == "10.244.1.10" && ready.nodeName == "node-1")
        let notReady = try #require(status.endpoints.first { $0.podName == "web-notready" })
        #expect(!notReady.ready && !notReady.serving && !notReady.terminating)
        #expect(status.targetPorts == ["http": 8080, "metrics": 9090])
        await cluster.stop()
    }

    @Test func testTerminatingEndpointIsServingButNotReady() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.seed(try Fixtures.load("300").body, namespace: "apps")
        for item in try Fixtures.load("321").body["items"]?.items ?? [] {
            var slice = item
            slice["kind"] = .string("EndpointSlice")
            slice.set("endpoints", to: .sequence([.mapping([
                "addresses": .sequence([.string("10.244.1.12")]),
                "conditions": .mapping(["ready": .bool(false), "serving": .bool(true), "terminating": .bool(true)]),
                "targetRef": .mapping(["kind": .string("Pod"), "namespace": .string("apps"), "name": .string("web-old")]),
                "nodeName": .string("node-1"),
            ])]))
            cluster.store.seed(slice, namespace: "apps")
        }
        let backend = try cluster.adminBackend()
        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "web")))
        let old = try #require(status.endpoints.first)
        #expect(!old.ready && old.serving && old.terminating)
        #expect(status.count == ServiceSummary.BackendCount(ready: 0, total: 1))
        await cluster.stop()
    }

    @Test func testAServiceWithoutSelectorShowsItsManualEndpoints() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.disable("endpointslices")
        var service = Manifests.service("legacy", namespace: "apps")
        service["spec"]?["selector"] = nil
        cluster.store.seed(service, namespace: "apps")
        cluster.store.seed(Manifests.json("""
        {"kind": "Endpoints", "apiVersion": "v1", "metadata": {"name": "legacy"},
         "subsets": [{"addresses": [{"ip": "192.0.2.10"}, {"ip": "192.0.2.11"}], "ports": [{"name": "http", "port": 8080}]}]}
        """), namespace: "apps")
        let backend = try cluster.adminBackend()
        let rows = try await backend.services(in: .named("apps"))
        #expect(rows.first { $0.name == "legacy" }?.backends == ServiceSummary.BackendCount(ready: 2, total: 2))
        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "legacy")))
        #expect(status.endpoints.map(\.address) == ["192.0.2.10", "192.0.2.11"])
        #expect(status.endpoints.allSatisfy { $0.podName == nil && $0.ready })
        #expect(!cluster.store.requests.contains { $0.hasSuffix("/pods") }, "no selector: no pods to match")
        await cluster.stop()
    }

    @Test func testNodesAreListedOnceThenWatched() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.seed(try Self.node("node-1", [("InternalIP", "192.168.0.11"), ("Hostname", "node-1")]), namespace: "")
        let backend = try cluster.adminBackend()
        let first = await backend.nodes()
        guard case .known(let nodes) = first else { Issue.record("nodes not known: \(first)"); return }
        #expect(nodes.map(\.name) == ["node-1"])
        #expect(nodes.first?.nodePortAddress?.address == "192.168.0.11")

        cluster.store.seed(try Self.node("node-2", [("InternalIP", "192.168.0.12"), ("ExternalIP", "203.0.113.12")]), namespace: "")
        let grown = try await Self.nodes(of: backend) { if case .known(let all) = $0 { return all.count == 2 } else { return false } }
        guard case .known(let two) = grown else { Issue.record("nodes not known: \(grown)"); return }
        #expect(two.first { $0.name == "node-2" }?.nodePortAddress?.address == "203.0.113.12")
        cluster.store.remove("nodes", name: "node-1")
        let shrunk = try await Self.nodes(of: backend) { if case .known(let all) = $0 { return all.count == 1 } else { return false } }
        #expect(shrunk == .known([ClusterNode(name: "node-2", addresses: [.init(type: "InternalIP", address: "192.168.0.12"),
                                                                         .init(type: "ExternalIP", address: "203.0.113.12")], ready: true)]))
        #expect(cluster.store.requests.filter { $0 == "GET /api/v1/nodes" }.count >= 2, "a list, then a watch")
        let reviews = cluster.store.requests.filter { $0.hasSuffix("selfsubjectaccessreviews") }.count
        _ = await backend.nodes()
        #expect(cluster.store.requests.filter { $0.hasSuffix("selfsubjectaccessreviews") }.count == reviews, "asked once")
        await cluster.stop()
    }

    @Test func testWithoutTheRightToListNodesThePlaceholderStaysAndSaysWhy() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "demo"])
        cluster.users.setTokens([TestCluster.adminToken: "admin", "operator-token-0123456789": "operator"])
        cluster.store.allow("operator", except: ["nodes"])
        cluster.store.seed(try Self.node("node-1", [("InternalIP", "192.168.0.11")]), namespace: "")
        cluster.store.seed(Manifests.service("web", type: "NodePort"), namespace: "demo")
        let backend = try cluster.backend(cluster.kubeconfig(user: ["token: operator-token-0123456789"], namespace: "demo"))
        #expect(try await backend.services(in: .named("demo")).map(\.name) == ["web"])
        #expect(await backend.nodes() == .unknown(.notAllowed))
        #expect(!cluster.store.requests.contains("GET /api/v1/nodes"), "a denied list is not even tried")
        let service = ServiceSummary(manifest: try await backend.service(ServiceID(namespace: "demo", name: "web")).manifest)
        let lines = AccessLines.lines(for: service, nodes: await backend.nodes())
        #expect(lines.contains(.nodesUnknown(.notAllowed)))
        #expect(lines.contains { if case .path(let path) = $0 { return path.via == .nodePort && path.host == .nodeIP } else { return false } })
        await cluster.stop()
    }

    @Test func testTheStoreAnswersNodePodAndSliceReadsInTheRecordedShapes() throws {
        let store = APIStore(namespaces: ["default", "apps"])
        store.seed(try Fixtures.load("311").body, namespace: "")
        for (fixture, kind) in [("215", "Pod"), ("324", "Pod"), ("321", "EndpointSlice")] {
            for item in try Fixtures.load(fixture).body["items"]?.items ?? [] {
                var object = item
                object["kind"] = .string(kind)
                store.seed(object, namespace: "apps")
            }
        }
        func get(_ path: String, _ query: [String: String] = [:], user: String? = "admin") -> (Int, ManifestNode) {
            guard case let .json(status, body) = store.handle(APICall(method: "GET", path: path, query: query, user: user)) else {
                return (0, .null)
            }
            return (status, body)
        }
        func names(_ list: ManifestNode) -> [String] { (list["items"]?.items ?? []).compactMap { $0["metadata"]?["name"]?.scalarText } }

        let (status, nodes) = get("/api/v1/nodes")
        #expect(status == 200 && nodes["kind"]?.string == "NodeList" && nodes["apiVersion"]?.string == "v1")
        #expect(names(nodes) == ["node-1"])
        #expect(nodes["items"]?[0]?["kind"] == nil, "list items carry no kind")
        #expect(nodes["items"]?[0]?["status"] == (try Fixtures.load("311").body["status"]))
        for (fixture, selector) in [("216", "app=frontend"), ("324", "app=web")] {
            let recorded = try Fixtures.load(fixture).body
            let (_, pods) = get("/api/v1/namespaces/apps/pods", ["labelSelector": selector])
            #expect(pods["kind"] == recorded["kind"] && pods["apiVersion"] == recorded["apiVersion"])
            #expect(Set(names(pods)) == Set(names(recorded)), "\(fixture)")
        }
        let recordedSlices = try Fixtures.load("321").body
        let (_, slices) = get("/apis/discovery.k8s.io/v1/namespaces/apps/endpointslices", ["labelSelector": "kubernetes.io/service-name=web"])
        #expect(slices["kind"] == recordedSlices["kind"] && slices["apiVersion"] == recordedSlices["apiVersion"])
        #expect(slices["items"]?[0]?["endpoints"] == recordedSlices["items"]?[0]?["endpoints"])

        let (denied, refusal) = get("/api/v1/nodes", user: "viewer")
        #expect(denied == 403)
        #expect(refusal["message"]?.string == "nodes is forbidden: User \"viewer\" cannot list resource \"nodes\" in API group \"\" at the cluster scope")
        guard case .watch(let start) = store.handle(APICall(method: "GET", path: "/api/v1/nodes", query: ["watch": "1"], user: "admin")) else {
            Issue.record("no watch")
            return
        }
        #expect(start.resource == "nodes")
        #expect(start.backlog.map { "\($0["type"]?.string ?? "") \($0["object"]?["kind"]?.string ?? "") \($0["object"]?["metadata"]?["name"]?.string ?? "")" }
                == ["ADDED Node node-1"])
    }
}
