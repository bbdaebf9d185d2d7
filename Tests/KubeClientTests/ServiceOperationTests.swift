import Foundation
import KubeClient
import KubeTestServer
import ServiceModel
import ServiceStore
import Testing

/// The Backend operations against the test server, as an admin.
@Suite struct ServiceOperationTests {
    @Test func testDryRunCreateChecksWithoutStoringThenCreateAllocates() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let dry = try await backend.create(Manifests.service("web", type: "NodePort"), dryRun: true)
        #expect(dry.version == "")
        #expect(dry.manifest["spec"]?["clusterIP"]?.string == "10.96.0.0")
        #expect(dry.manifest["kind"]?.string == "Service")
        #expect(cluster.store.object("services", namespace: "demo", name: "web") == nil)
        #expect(cluster.store.requests.last == "POST /api/v1/namespaces/demo/services")

        let created = try await backend.create(Manifests.service("web", type: "NodePort"), dryRun: false)
        #expect(Int(created.version) != nil)
        #expect(created.location == "/api/v1/namespaces/demo/services/web")
        let ip = try #require(created.manifest["spec"]?["clusterIP"]?.string)
        #expect(ip.hasPrefix("10.96.") && ip != "10.96.0.0")
        let nodePort = try #require(created.manifest["spec"]?["ports"]?[0]?["nodePort"]?.int)
        #expect((30000...32767).contains(nodePort))
        #expect(created.manifest["metadata"]?["managedFields"]?[0]?["manager"]?.string == "svcwiz")

        await #expect(throws: StoreError.alreadyExists(ServiceID(namespace: "demo", name: "web"))) {
            try await backend.create(Manifests.service("web"), dryRun: true)
        }
        await cluster.stop()
    }

    @Test func testInvalidCreateGivesTheServersCausesInOrder() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let fixture = try Fixtures.load("071")
        var manifest = try #require(fixture.requestBody)
        manifest.set("metadata.namespace", to: .string("demo"))
        do {
            _ = try await backend.create(manifest, dryRun: true)
            Issue.record("071 must be refused")
        } catch {
            guard case let .invalid(id, errors) = error else {
                Issue.record("expected .invalid, got \(error)")
                return
            }
            #expect(id == ServiceID(namespace: "demo", name: "Bad_Name"))
            let expected = (fixture.body["details"]?["causes"]?.items ?? []).map { $0["field"]?.string ?? "" }
            #expect(errors.map(\.path.description) == expected)
            #expect(errors.map(\.kind.apiReason) == (fixture.body["details"]?["causes"]?.items ?? []).map { $0["reason"]?.string ?? "" })
            // The server's words are shown as they came.
            #expect(errors[1].key == .serverMessage)
            #expect(errors[1].message(in: .en).hasPrefix("Invalid value: 70000"))
            #expect(errors[1].message(in: .zh).hasPrefix("Invalid value: 70000"))
            #expect(errors[1].badValue == "70000")
        }
        await cluster.stop()
    }

    @Test func testUpdateSendsTheVersionReadAndAStaleOneIsAConflictWithTheCurrentObject() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        _ = try await backend.create(Manifests.service("web"), dryRun: false)
        let read = try await backend.service(ServiceID(namespace: "demo", name: "web"))
        var edited = read.manifest
        edited.set("metadata.labels", to: .mapping(["tier": .string("front")]))
        let updated = try await backend.update(edited, expecting: read.version)
        #expect(Int(updated.version)! > Int(read.version)!)
        #expect(updated.manifest["spec"]?["clusterIP"] == read.manifest["spec"]?["clusterIP"])

        // Someone else's copy, read before that update.
        edited.set("metadata.labels", to: .mapping(["tier": .string("back")]))
        do {
            _ = try await backend.update(edited, expecting: read.version)
            Issue.record("a stale update must be refused")
        } catch {
            guard case let .conflict(id, current) = error else {
                Issue.record("expected .conflict, got \(error)")
                return
            }
            #expect(id == ServiceID(namespace: "demo", name: "web"))
            #expect(current?.version == updated.version)
            #expect(current?.manifest["metadata"]?["labels"]?["tier"]?.string == "front")
        }
        // An update of a service deleted meanwhile does not bring it back.
        try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: updated.version)
        await #expect(throws: StoreError.notFound(ServiceID(namespace: "demo", name: "web"))) {
            try await backend.update(edited, expecting: updated.version)
        }
        #expect(cluster.store.object("services", namespace: "demo", name: "web") == nil)
        await cluster.stop()
    }

    @Test func testUpdateThatBreaksARuleIsInvalidAtTheServersPath() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let created = try await backend.create(Manifests.service("web"), dryRun: false)
        var edited = created.manifest
        edited.set("spec.clusterIP", to: .string("10.96.1.1"))
        edited.set("spec.clusterIPs", to: .sequence([.string("10.96.1.1")]))
        await #expect {
            try await backend.update(edited, expecting: created.version)
        } throws: { error in
            guard case let StoreError.invalid(_, errors) = error else { return false }
            return errors.first?.path == "spec.clusterIPs[0]"
        }
        await cluster.stop()
    }

    @Test func testDeleteCarriesTheVersionPrecondition() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let created = try await backend.create(Manifests.service("web"), dryRun: false)
        var edited = created.manifest
        edited.set("metadata.labels", to: .mapping(["x": .string("y")]))
        let updated = try await backend.update(edited, expecting: created.version)
        await #expect {
            try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: created.version)
        } throws: { error in
            guard case let StoreError.conflict(_, current) = error else { return false }
            return current?.version == updated.version
        }
        #expect(cluster.store.object("services", namespace: "demo", name: "web") != nil)
        try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: updated.version)
        #expect(cluster.store.object("services", namespace: "demo", name: "web") == nil)
        await #expect(throws: StoreError.notFound(ServiceID(namespace: "demo", name: "web"))) {
            try await backend.delete(ServiceID(namespace: "demo", name: "web"), expecting: nil)
        }
        await #expect(throws: StoreError.notFound(ServiceID(namespace: "demo", name: "web"))) {
            try await backend.service(ServiceID(namespace: "demo", name: "web"))
        }
        await cluster.stop()
    }

    @Test func testListsArePaginatedAndItemsSayTheirKind() async throws {
        let cluster = try await TestCluster.start()
        for index in 0..<7 { cluster.store.seed(Manifests.service("svc-\(index)", port: 80 + index), namespace: "demo") }
        var options = TestCluster.fastOptions
        options.pageSize = 3
        let backend = try cluster.adminBackend(options: options)
        let before = cluster.store.requests.count
        let rows = try await backend.services(in: .named("demo"))
        #expect(rows.map(\.name) == (0..<7).map { "svc-\($0)" })
        let serviceLists = cluster.store.requests[before...].filter { $0 == "GET /api/v1/namespaces/demo/services" }
        #expect(serviceLists.count == 3)
        let all = try await backend.services(in: .all)
        #expect(all.count == 8)
        #expect(all.first?.id.description == "default/kubernetes")
        let one = try await backend.service(ServiceID(namespace: "demo", name: "svc-3"))
        #expect(one.manifest["kind"]?.string == "Service" && one.manifest["apiVersion"]?.string == "v1")
        await cluster.stop()
    }

    @Test func testRowsCountEndpointsFromOneSliceListPerNamespace() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.seed(try Fixtures.load("300").body, namespace: "apps")
        cluster.store.seed(Manifests.service("idle", namespace: "apps", selector: "nothing"), namespace: "apps")
        for item in try Fixtures.load("321").body["items"]?.items ?? [] {
            var slice = item
            slice["kind"] = .string("EndpointSlice")
            cluster.store.seed(slice, namespace: "apps")
        }
        let backend = try cluster.adminBackend()
        let before = cluster.store.requests.count
        let rows = try await backend.services(in: .named("apps"))
        let web = try #require(rows.first { $0.name == "web" })
        #expect(web.backends == ServiceSummary.BackendCount(ready: 1, total: 2))
        #expect(rows.first { $0.name == "idle" }?.backends == ServiceSummary.BackendCount(ready: 0, total: 0))
        #expect(cluster.store.requests[before...].filter { $0.contains("endpointslices") }.count == 1)

        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "web")))
        #expect(status.endpoints.map(\.podName) == ["web-ready", "web-notready"])
        #expect(status.endpoints.map(\.ready) == [true, false])
        #expect(status.endpoints.first?.nodeName == "node-1")
        #expect(status.endpoints.first?.port == 8080)
        #expect(status.count == ServiceSummary.BackendCount(ready: 1, total: 2))
        await cluster.stop()
    }

    @Test func testEndpointsAreTheFallbackWithoutEndpointSlices() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        cluster.store.disable("endpointslices")
        let service = try Fixtures.load("300").body
        cluster.store.seed(service, namespace: "apps")
        cluster.store.seed(try Fixtures.load("320").body, namespace: "apps")
        let backend = try cluster.adminBackend()
        let rows = try await backend.services(in: .named("apps"))
        #expect(rows.first { $0.name == "web" }?.backends == ServiceSummary.BackendCount(ready: 1, total: 2))
        let status = try await backend.backends(of: try await backend.service(ServiceID(namespace: "apps", name: "web")))
        #expect(Set(status.endpoints.compactMap(\.podName)) == ["web-ready", "web-notready"])
        #expect(status.endpoints.filter(\.ready).map(\.address) == ["10.244.1.10"])
        await cluster.stop()
    }

    @Test func testWorkloadsAndEventsAndNamespaces() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "apps"])
        for (fixture, kind) in [("210", "Deployment"), ("211", "StatefulSet"), ("212", "DaemonSet")] {
            for item in try Fixtures.load(fixture).body["items"]?.items ?? [] {
                var object = item
                object["kind"] = .string(kind)
                cluster.store.seed(object, namespace: "apps")
            }
        }
        let service = Manifests.service("frontend", namespace: "apps", selector: "frontend")
        cluster.store.seed(service, namespace: "apps")
        let event = Manifests.json("""
            {"kind":"Event","metadata":{"name":"frontend.1"},"involvedObject":{"kind":"Service","name":"frontend","namespace":"apps"},
             "reason":"EnsuringLoadBalancer","message":"Ensuring load balancer","source":{"component":"service-controller"},
             "firstTimestamp":"2026-11-26T05:57:51Z","lastTimestamp":"2026-11-26T05:58:51Z","count":2,"type":"Normal"}
            """)
        cluster.store.seed(event, namespace: "apps")
        for item in try Fixtures.load("330").body["items"]?.items ?? [] {
            var object = item
            object["kind"] = .string("Event")
            cluster.store.seed(object, namespace: "apps")
        }
        let backend = try cluster.adminBackend()
        let workloads = try await backend.workloads(in: "apps")
        #expect(Set(workloads.map(\.kind)) == [.deployment, .statefulSet, .daemonSet])
        #expect(workloads.contains { $0.name == "frontend" && $0.kind == .deployment && $0.replicas == 2 })

        let stored = try await backend.service(ServiceID(namespace: "apps", name: "frontend"))
        let events = try await backend.events(for: stored)
        #expect(events.map(\.reason) == ["EnsuringLoadBalancer"])
        #expect(events.first?.count == 2 && events.first?.source == "service-controller")
        let status = try await backend.backends(of: stored)
        #expect(status.workloads.map(\.name) == ["frontend"])
        #expect(try await backend.namespaces() == ["apps", "default"])
        await cluster.stop()
    }

    @Test func testAnotherContextOfTheSameKubeconfig() async throws {
        let cluster = try await TestCluster.start()
        let text = cluster.kubeconfig(user: ["token: \(TestCluster.adminToken)"], namespace: "demo") + """

            - name: viewer
              context: {cluster: test-cluster, user: viewer-user, namespace: kube-system}
            """
        let withViewer = text.replacingOccurrences(of: "contexts:", with: """
            - name: viewer-user
              user: {token: \(TestCluster.viewerToken)}
            contexts:
            """)
        let backend = try cluster.backend(withViewer)
        #expect(backend.defaultNamespace == "demo")
        let other = try backend.backend(forContext: "viewer")
        #expect(other.defaultNamespace == "kube-system")
        #expect(other.info.location.hasPrefix("viewer ("))
        #expect(await other.can("create", resource: "services", namespace: "demo") == false)
        #expect(throws: KubeconfigError.self) { try backend.backend(forContext: "missing") }
        await cluster.stop()
    }
}
