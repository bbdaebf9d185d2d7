import Foundation
@testable import KubeClient
import KubeTestServer
import NIOCore
import NIOHTTP1
import ServiceModel
import ServiceStore
import Testing

/// Network faults and how each API error status reaches the caller.
@Suite struct FaultTests {
    @Test func testClosedPortIsUnreachableAfterRetryingReads() async throws {
        let cluster = try await TestCluster.start()
        let port = try TestAPIServer.closedPort()
        let backend = try cluster.backend(cluster.kubeconfig(user: ["token: \(TestCluster.adminToken)"], server: "https://127.0.0.1:\(port)"))
        let started = Date()
        await #expect {
            try await backend.services(in: .named("demo"))
        } throws: { error in
            guard case StoreError.unreachable(let message) = error else { return false }
            return message.hasPrefix("127.0.0.1:\(port): ") && message.contains("refused") && !message.contains(TestCluster.adminToken)
        }
        // Three tries with pauses of 25-50 ms and 50-100 ms (jitter) between them.
        #expect(Date().timeIntervalSince(started) >= 0.075)
        await cluster.stop()
    }

    @Test func testSlowServerTimesOutAndACreateIsSentOnce() async throws {
        let cluster = try await TestCluster.start()
        var options = TestCluster.fastOptions
        options.readTimeout = .milliseconds(300)
        options.readAttempts = 2
        let backend = try cluster.adminBackend(options: options)
        cluster.users.setDelay(.seconds(1))
        await #expect {
            try await backend.services(in: .named("demo"))
        } throws: { error in
            guard case StoreError.unreachable(let message) = error else { return false }
            return message.contains("no answer")
        }
        let before = cluster.store.requests.count
        await #expect(throws: StoreError.self) { try await backend.create(Manifests.service("slow"), dryRun: false) }
        try await Task.sleep(nanoseconds: 1_300_000_000)
        #expect(cluster.store.requests[before...].filter { $0.hasPrefix("POST") }.count == 1)
        cluster.users.setDelay(nil)
        await cluster.stop()
    }

    @Test func testThrottledReadsWaitForRetryAfterButWritesAreNotRepeated() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        cluster.store.failNext(429, times: 1, retryAfter: 1)
        let started = Date()
        #expect(try await backend.services(in: .named("demo")).isEmpty)
        #expect(Date().timeIntervalSince(started) >= 0.9)

        cluster.store.failNext(503)
        let before = cluster.store.requests.count
        await #expect {
            try await backend.create(Manifests.service("once"), dryRun: false)
        } throws: { error in
            guard case let StoreError.server(code, _, _) = error else { return false }
            return code == 503
        }
        #expect(cluster.store.requests.count == before + 1)

        var options = TestCluster.fastOptions
        options.readAttempts = 1
        let impatient = try cluster.adminBackend(options: options)
        cluster.store.failNext(429, retryAfter: 5)
        await #expect {
            try await impatient.services(in: .named("demo"))
        } throws: { error in
            guard case let StoreError.server(code, reason, message) = error else { return false }
            return code == 429 && reason == "TooManyRequests" && message.contains("try again")
        }
        await cluster.stop()
    }

    /// Each recorded error Status, mapped as the backend maps it.
    @Test(arguments: [
        ("029", "get", "services"), ("070", "create", "services"), ("088", "create", "services"),
        ("094", "list", "services"), ("096", "create", "services"), ("102", "update", "services"),
        ("076", "create", "services"), ("082", "create", "services"), ("090", "create", "services"),
        ("034", "list", "services"), ("119", "patch", "services"), ("155", "list", "services"),
    ])
    func testRecordedStatusesBecomeStoreErrors(fixture: String, verb: String, resource: String) throws {
        let recorded = try Fixtures.load(fixture)
        let response = APIResponse(status: recorded.status, headers: HTTPHeaders(), body: Array(JSONWriter.compact(recorded.body).utf8))
        let parts = recorded.path.split(separator: "/").map(String.init)
        let namespace = parts.count > 3 ? parts[3] : nil
        let name = parts.count > 5 ? parts[5] : recorded.requestBody?["metadata"]?["name"]?.scalarText
        let error = StoreError.from(response, APIOperation(verb: verb, resource: resource, name: name, namespace: namespace))
        let message = recorded.body["message"]?.string ?? ""
        switch recorded.status {
        case 404:
            let kind = recorded.body["details"]?["kind"]?.string ?? ""
            let name = recorded.body["details"]?["name"]?.string ?? ""
            #expect(error == (kind == "services" ? .notFound(ServiceID(namespace: namespace ?? "", name: name))
                                                 : .resourceNotFound(kind: kind, name: name, namespace: namespace ?? "")))
        case 409 where recorded.body["reason"]?.string == "AlreadyExists":
            #expect(error == .alreadyExists(ServiceID(namespace: "demo", name: "web")))
        case 409:
            #expect(error == .conflict(ServiceID(namespace: "demo", name: "web"), current: nil))
        case 401:
            #expect(error == .unauthorized(message: "Unauthorized"))
        case 403:
            #expect(error == .forbidden(verb: verb, resource: resource, namespace: namespace, message: message))
        case 422:
            guard case let .invalid(invalid, errors) = error else {
                Issue.record("\(fixture): expected .invalid, got \(error)")
                return
            }
            #expect(invalid.name == recorded.body["details"]?["name"]?.string ?? invalid.name)
            let causes = recorded.body["details"]?["causes"]?.items ?? []
            if causes.isEmpty {
                #expect(errors.count == 1 && errors[0].message(in: .en) == message)
            } else {
                #expect(errors.map(\.path.description) == causes.map { $0["field"]?.string ?? "" })
                #expect(errors.map { $0.message(in: .en) } == causes.map { $0["message"]?.string ?? "" })
            }
        default:
            #expect(error == .server(code: recorded.status, reason: recorded.body["reason"]?.string ?? "", message: message))
        }
        #expect(!error.message(in: .en).isEmpty)
    }

    @Test func testLabelErrorsKeepTheBadKeyAsTheBadValue() throws {
        let recorded = try Fixtures.load("082")
        let errors = APIStatus(recorded.body)?.fieldErrors ?? []
        #expect(errors.map(\.path.description) == ["metadata.labels", "metadata.labels", "spec.selector"])
        #expect(errors.map(\.badValue) == ["bad key!", "bad value!", "app/x/y"])
    }

    @Test func testWatchLinesAreSplitAcrossAndWithinChunks() {
        var decoder = WatchLineDecoder()
        #expect(decoder.append(ByteBuffer(string: "{\"type\":\"ADDED\"")).isEmpty)
        let lines = decoder.append(ByteBuffer(string: "}\n{\"a\":1}\n\n{\"b\"")).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines == ["{\"type\":\"ADDED\"}", "{\"a\":1}"])
        #expect(decoder.append(ByteBuffer(string: ":2}\n")).map { String(decoding: $0, as: UTF8.self) } == ["{\"b\":2}"])
    }
}
