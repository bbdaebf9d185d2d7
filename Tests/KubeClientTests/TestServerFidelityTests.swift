import AsyncHTTPClient
import Foundation
import KubeTestServer
import NIOCore
import NIOHTTP1
import NIOSSL
import ServiceModel
import Testing

/// The test API server replays recorded kube-apiserver requests and must answer as the real
/// server did: status code, Status reason/details/causes (fields and reasons in order), and
/// objects equal field for field once what the server makes up (uid, resourceVersion,
/// timestamps, managedFields, random clusterIPs and nodePorts) is masked.
@Suite struct TestServerFidelityTests {
    /// How to prepare the store before a fixture's request: the objects that existed then,
    /// as stored by earlier fixtures (their response bodies).
    static let previous: [String: [String]] = [
        "021": [], "022": [], "028": [],
        "063": ["040"], "064": ["045"], "070": ["040"], "075": ["045"], "079": ["052"],
        "101": ["040"], "102": ["040"], "103": ["040"], "104": ["040"], "105": ["040"], "106": ["040"], "108": ["040"],
        "130": ["044"], "132": ["130"], "133": ["047"],
    ]

    /// Fixtures whose Status message the test server reproduces word for word.
    static let exactMessages: Set<String> = [
        "013", "029", "070", "074", "075", "076", "078", "079", "087", "088", "092", "096", "097", "098", "102", "108", "143", "144",
    ]

    static let replayed = [
        "013", "020", "021", "028", "029", "032",
        "040", "041", "042", "043", "044", "045", "046", "047", "048", "049", "050", "051", "052", "053", "054",
        "060", "062", "063", "064", "070", "071", "072", "073", "074", "075", "076", "077", "078", "079",
        "080", "081", "082", "083", "084", "085", "086", "087", "088", "090", "091", "092",
        "096", "097", "098",
        "101", "102", "103", "104", "105", "106", "107", "108", "130", "132", "133",
        "140", "142", "143", "144",
    ]

    @Test(arguments: replayed)
    func testStoreAnswersLikeTheRecordedServer(_ number: String) throws {
        let fixture = try Fixtures.load(number)
        let store = APIStore(namespaces: ["default", "demo", "paging", "kube-system"])
        try prepare(store, for: number, fixture: fixture)
        var body = fixture.rawRequestBody
        if var request = fixture.requestBody, fixture.method == "PUT", number != "102",
           request["metadata"]?["resourceVersion"] != nil, let name = request["metadata"]?["name"]?.scalarText,
           let stored = store.object("services", namespace: "demo", name: name) {
            request.set("metadata.resourceVersion", to: stored["metadata"]?["resourceVersion"])
            body = Array(JSONWriter.compact(request).utf8)
        }
        let user: String? = switch fixture.auth {
        case "Bearer <ADMIN_TOKEN>": "admin"
        case "Bearer <VIEWER_TOKEN>": "viewer"
        default: nil
        }
        let answer = store.handle(APICall(method: fixture.method, path: fixture.path, query: fixture.query, body: body,
                                          user: user, userAgent: "fixture-recorder/1.0"))
        guard case let .json(status, actual) = answer else {
            Issue.record("\(number): expected a JSON answer")
            return
        }
        #expect(status == fixture.status, "\(fixture.name)")
        let expected = fixture.body
        if expected["kind"]?.string == "Status" {
            for field in ["kind", "apiVersion", "status", "reason", "code"] {
                #expect(actual[field] == expected[field], "\(fixture.name): \(field)")
            }
            #expect(actual.keys == expected.keys, "\(fixture.name): Status keys")
            #expect(actual["details"]?["name"] == expected["details"]?["name"], "\(fixture.name): details.name")
            #expect(actual["details"]?["kind"] == expected["details"]?["kind"], "\(fixture.name): details.kind")
            let causes = { (node: ManifestNode) in (node["details"]?["causes"]?.items ?? []).map { "\($0["field"]?.scalarText ?? "") \($0["reason"]?.scalarText ?? "")" } }
            #expect(causes(actual) == causes(expected), "\(fixture.name): causes")
            if Self.exactMessages.contains(number) {
                #expect(actual["message"] == expected["message"], "\(fixture.name): message")
            }
        } else if expected["kind"]?.string?.hasSuffix("List") == true {
            #expect(actual["kind"] == expected["kind"])
            #expect(actual["metadata"]?["resourceVersion"] != nil)
            let names = { (node: ManifestNode) in (node["items"]?.items ?? []).map { $0["metadata"]?["name"]?.scalarText ?? "" } }
            #expect(names(actual) == names(expected), "\(fixture.name): items")
            #expect((actual["items"]?.items ?? []).allSatisfy { $0["kind"] == nil }, "list items carry no kind")
        } else {
            let request = fixture.requestBody
            #expect(JSONWriter.compact(Self.masked(actual, request: request, dryRun: fixture.query["dryRun"] != nil))
                    == JSONWriter.compact(Self.masked(expected, request: request, dryRun: fixture.query["dryRun"] != nil)),
                    "\(fixture.name): object")
        }
    }

    private func prepare(_ store: APIStore, for number: String, fixture: Fixtures.Fixture) throws {
        switch number {
        case "021", "022", "028":
            for item in try Fixtures.load("021").body["items"]?.items ?? [] {
                var service = item
                service["kind"] = .string("Service")
                store.seed(service, namespace: "paging")
            }
        case "140", "142":
            store.seed(fixture.body, namespace: "demo")
        case "144":
            store.seed(try Fixtures.load("043").body, namespace: "demo")
        default:
            for earlier in Self.previous[number] ?? [] {
                store.seed(try Fixtures.load(earlier).body, namespace: "demo")
            }
        }
    }

    /// Masks what a server makes up; allocations the request asked for stay visible, and
    /// dry-run placeholders are compared as they are.
    static func masked(_ object: ManifestNode, request: ManifestNode?, dryRun: Bool) -> ManifestNode {
        var copy = object
        for field in ["uid", "resourceVersion", "creationTimestamp", "managedFields"] where copy["metadata"]?[field] != nil {
            copy.set(FieldPath("metadata.\(field)"), to: .string("*"))
        }
        if request?["metadata"]?["generateName"] != nil { copy.set("metadata.name", to: .string("*")) }
        let requestSpec = request?["spec"]
        if !dryRun {
            if requestSpec?["clusterIP"] == nil, let ip = copy["spec"]?["clusterIP"], ip.string != "None" {
                copy.set("spec.clusterIP", to: .string("*"))
                copy.set("spec.clusterIPs", to: .sequence([.string("*")]))
            }
            if copy["spec"]?["healthCheckNodePort"] != nil { copy.set("spec.healthCheckNodePort", to: .int(0)) }
            if var ports = copy["spec"]?["ports"]?.items {
                for index in ports.indices where ports[index]["nodePort"] != nil && requestSpec?["ports"]?[index]?["nodePort"] == nil {
                    ports[index]["nodePort"] = .int(0)
                }
                copy.set("spec.ports", to: .sequence(ports))
            }
        }
        return copy
    }

    @Test func testPagesFollowTheContinueTokenWithTheFirstPagesVersion() throws {
        let store = APIStore(namespaces: ["paging"])
        for item in try Fixtures.load("021").body["items"]?.items ?? [] {
            var service = item
            service["kind"] = .string("Service")
            store.seed(service, namespace: "paging")
        }
        let first = try Fixtures.load("022")
        guard case let .json(_, page1) = store.handle(APICall(method: "GET", path: first.path, query: first.query, user: "admin")) else { return }
        #expect(page1["metadata"]?.keys == first.body["metadata"]?.keys)
        #expect(page1["metadata"]?["remainingItemCount"]?.int == 1)
        let token = try #require(page1["metadata"]?["continue"]?.string)
        store.seed(Manifests.service("svc-z", namespace: "paging"), namespace: "paging")
        guard case let .json(_, page2) = store.handle(APICall(method: "GET", path: first.path, query: ["limit": "2", "continue": token], user: "admin")) else { return }
        #expect(page2["metadata"]?.keys == (try Fixtures.load("023")).body["metadata"]?.keys)
        #expect(page2["metadata"]?["resourceVersion"] == page1["metadata"]?["resourceVersion"])
        #expect((page2["items"]?.items ?? []).compactMap { $0["metadata"]?["name"]?.string } == ["svc-c", "svc-z"])
        // After compaction the token is too old: 410 Expired, as in 034.
        store.compact()
        guard case let .json(status, expired) = store.handle(APICall(method: "GET", path: first.path, query: ["limit": "2", "continue": token], user: "admin")) else { return }
        let recorded = try Fixtures.load("034")
        #expect(status == 410)
        #expect(expired["reason"] == recorded.body["reason"] && expired["message"] == recorded.body["message"])
    }

    @Test func testUnchangedPutKeepsTheResourceVersion() throws {
        let store = APIStore(namespaces: ["demo"])
        store.seed(try Fixtures.load("040").body, namespace: "demo")
        let stored = try #require(store.object("services", namespace: "demo", name: "web"))
        var body = stored
        body["kind"] = .string("Service")
        body["apiVersion"] = .string("v1")
        guard case let .json(status, answer) = store.handle(APICall(method: "PUT", path: "/api/v1/namespaces/demo/services/web",
                                                                    body: Array(JSONWriter.compact(body).utf8), user: "admin")) else { return }
        #expect(status == 200)
        #expect(answer["metadata"]?["resourceVersion"] == stored["metadata"]?["resourceVersion"])
    }

    // MARK: Over HTTPS: authentication and watch framing

    @Test func testBadTokenIs401AndNoCredentialsIsAnonymous() async throws {
        let cluster = try await TestCluster.start()
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: try clientTLS()))
        defer { _ = client.shutdown() }
        for (number, header) in [("094", "Bearer wrong"), ("098", nil)] {
            let fixture = try Fixtures.load(number)
            var request = HTTPClientRequest(url: cluster.server.url + fixture.path)
            if let header { request.headers.add(name: "Authorization", value: header) }
            let response = try await client.execute(request, timeout: .seconds(10))
            let body = Manifests.json(String(buffer: try await response.body.collect(upTo: 1 << 20)))
            #expect(Int(response.status.code) == fixture.status)
            #expect(body["message"] == fixture.body["message"], "\(number)")
            #expect(response.headers.first(name: "Content-Type") == "application/json")
        }
        await cluster.stop()
    }

    @Test func testWatchIsChunkedJSONLinesInOrderThenBookmarksAnd410() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "watch"])
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: try clientTLS()))
        defer { _ = client.shutdown() }
        let recorded = try Fixtures.load("401")
        let version = cluster.store.resourceVersion
        var request = HTTPClientRequest(url: cluster.server.url + recorded.path + "?watch=1&resourceVersion=\(version)&allowWatchBookmarks=true")
        request.headers.add(name: "Authorization", value: "Bearer \(TestCluster.adminToken)")
        let response = try await client.execute(request, timeout: .seconds(20))
        #expect(response.status == .ok)
        #expect(response.headers.first(name: "Transfer-Encoding") == "chunked")
        #expect(response.headers.first(name: "Content-Type") == "application/json")

        // Replay the recorded operations: create, modify, delete.
        let events = recorded.body.items ?? []
        let writer = try cluster.adminBackend()
        var watched = Manifests.service("watched", namespace: "watch")
        watched.set("metadata.labels", to: .mapping(["app": .string("watched")]))
        let created = try await writer.create(watched, dryRun: false)
        var changed = created.manifest
        changed.set("metadata.labels.stage", to: .string("patched"))
        let modified = try await writer.update(changed, expecting: created.version)
        try await writer.delete(ServiceID(namespace: "watch", name: "watched"), expecting: modified.version)
        cluster.store.sendBookmarks()

        var lines: [ManifestNode] = []
        var chunks = 0
        for try await chunk in response.body {
            chunks += 1
            let text = String(buffer: chunk)
            #expect(text.hasSuffix("\n") && text.dropLast().firstIndex(of: "\n") == nil, "one event per chunk")
            lines.append(Manifests.json(text))
            if lines.count == 4 { break }
        }
        #expect(lines.map { $0["type"]?.string ?? "" } == ["ADDED", "MODIFIED", "DELETED", "BOOKMARK"])
        #expect(Set(events.map { $0["type"]?.string ?? "" }) == ["ADDED", "MODIFIED", "DELETED", "BOOKMARK"])
        for line in lines.prefix(3) {
            #expect(line["object"]?["kind"]?.string == "Service" && line["object"]?["apiVersion"]?.string == "v1")
        }
        let versions = lines.prefix(3).compactMap { $0["object"]?["metadata"]?["resourceVersion"]?.string.flatMap(Int.init) }
        #expect(versions.count == 3 && versions == versions.sorted() && Set(versions).count == 3, "versions only grow")
        #expect(lines[3]["object"]?.keys == events.last?["object"]?.keys, "bookmark shape")

        // A version older than the compaction: 200, one ERROR event (410 Expired), closed.
        cluster.store.compact()
        var stale = HTTPClientRequest(url: cluster.server.url + recorded.path + "?watch=1&resourceVersion=\(version)")
        stale.headers.add(name: "Authorization", value: "Bearer \(TestCluster.adminToken)")
        let expired = try await client.execute(stale, timeout: .seconds(10))
        #expect(expired.status == .ok)
        let text = String(buffer: try await expired.body.collect(upTo: 1 << 20))
        let errorLines = text.split(separator: "\n").map { Manifests.json(String($0)) }
        let expected = try Fixtures.load("403").body[0]
        #expect(errorLines.count == 1)
        #expect(errorLines.first?["type"] == expected?["type"])
        #expect(errorLines.first?["object"]?["code"] == expected?["object"]?["code"])
        #expect(errorLines.first?["object"]?["reason"] == expected?["object"]?["reason"])
        #expect(errorLines.first?["object"]?.keys == expected?["object"]?.keys)
        await cluster.stop()
    }

    @Test func testWatchWithoutVersionStartsWithTheCurrentObjects() async throws {
        let cluster = try await TestCluster.start(namespaces: ["default", "paging"])
        for item in try Fixtures.load("021").body["items"]?.items ?? [] {
            var service = item
            service["kind"] = .string("Service")
            cluster.store.seed(service, namespace: "paging")
        }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: try clientTLS()))
        defer { _ = client.shutdown() }
        let recorded = try Fixtures.load("402")
        var request = HTTPClientRequest(url: cluster.server.url + recorded.path + "?watch=1&timeoutSeconds=1")
        request.headers.add(name: "Authorization", value: "Bearer \(TestCluster.adminToken)")
        let response = try await client.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        let events = text.split(separator: "\n").map { Manifests.json(String($0)) }
        #expect(events.map { $0["type"]?.string ?? "" } == (recorded.body.items ?? []).map { $0["type"]?.string ?? "" })
        // The watch cache sends them in no particular order.
        #expect(Set(events.map { $0["object"]?["metadata"]?["name"]?.string ?? "" })
                == Set((recorded.body.items ?? []).map { $0["object"]?["metadata"]?["name"]?.string ?? "" }))
        await cluster.stop()
    }

    private func clientTLS() throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(SharedPKI.pki.caCertificate))
        return tls
    }
}
