import Foundation
@testable import KubeClient
import KubeTestServer
import NIOCore
import NIOHTTP1
import ServiceModel
import ServiceStore
import Testing

/// The server's faults (`TestFaults`) as the screen's stream of changes sees them: each is
/// reported, within `patience` at the latest, and the stream recovers with a fresh list.
@Suite struct ConnectionFaultTests {
    /// Pauses the backoff asked for, without waiting them out.
    final class RecordingClock: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [Duration] = []
        var sleeps: [Duration] { lock.withLock { recorded } }

        var clock: RetryClock {
            RetryClock(sleep: { duration in
                self.lock.withLock { self.recorded.append(duration) }
                try await Task.sleep(for: .milliseconds(5))
            }, random: { 0.5 })
        }
    }

    /// The events of a stream, read on by a task, so a test can wait for one with a deadline.
    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [(event: StoreEvent, at: Date)] = []
        private var task: Task<Void, Never>?

        init(_ stream: AsyncStream<StoreEvent>) {
            task = Task { [weak self] in
                for await event in stream { self?.lock.withLock { self?.seen.append((event, Date())) } }
            }
        }

        deinit { task?.cancel() }

        var all: [(event: StoreEvent, at: Date)] { lock.withLock { seen } }

        /// The first event after `index` that matches, waiting up to `timeout` seconds.
        func wait(after index: Int = 0, timeout: TimeInterval = 60, _ matches: (StoreEvent) -> Bool) async -> (index: Int, at: Date)? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let events = all
                if let found = events.indices.first(where: { $0 >= index && matches(events[$0].event) }) {
                    return (found, events[found].at)
                }
                try? await Task.sleep(for: .milliseconds(20))
            }
            return nil
        }
    }

    static func isReset(_ event: StoreEvent) -> Bool { if case .reset = event { return true } else { return false } }

    static func failure(_ event: StoreEvent) -> String? {
        guard case .failed(let error) = event else { return nil }
        return error.message(in: .en)
    }

    static func waitForOpenWatch(_ cluster: TestCluster) async throws {
        let deadline = Date().addingTimeInterval(20)
        while cluster.server.faults.openWatchConnections == 0, Date() < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(cluster.server.faults.openWatchConnections > 0, "the watch never opened")
    }

    // MARK: Backoff and Retry-After

    @Test func backoffGrowsToItsCapWithJitterAndNeverUndercutsRetryAfter() {
        let backoff = Backoff(base: .milliseconds(300), cap: .seconds(30))
        #expect(backoff.delay(retry: 1, random: 0) == .milliseconds(150))
        #expect(backoff.delay(retry: 1, random: 1) == .milliseconds(300))
        #expect(backoff.delay(retry: 3, random: 1) == .milliseconds(1200))
        #expect(backoff.delay(retry: 20, random: 0) == .seconds(15), "half the cap at least")
        #expect(backoff.delay(retry: 20, random: 1) == .seconds(30), "the cap at most")
        #expect(backoff.delay(retry: 1, retryAfter: .seconds(7), random: 0.5) == .seconds(7))
        #expect(backoff.delay(retry: 1, retryAfter: .seconds(9999), random: 0.5) == .seconds(300), "an absurd Retry-After is bounded")
    }

    @Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
        func response(_ value: String) -> APIResponse {
            APIResponse(status: 503, headers: HTTPHeaders([("Retry-After", value)]), body: [])
        }
        #expect(response("5").retryAfter() == .seconds(5))
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(response("Tue, 14 Nov 2023 22:13:40 GMT").retryAfter(now: now) == .seconds(20))
        #expect(response("soon").retryAfter() == nil)
    }

    // MARK: Faults

    @Test func aListCutOffMidBodyIsReadAgain() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        _ = try await backend.create(Manifests.service("web"), dryRun: false)
        cluster.server.faults.resetLists(times: 1)
        #expect(try await backend.services(in: .named("demo")).map(\.name) == ["web"])
        #expect(cluster.store.requests.filter { $0 == "GET /api/v1/namespaces/demo/services" }.count == 2, "cut off, then read again")

        var options = TestCluster.fastOptions
        options.readAttempts = 2
        let impatient = try cluster.adminBackend(options: options)
        cluster.server.faults.resetLists(times: 2)
        await #expect {
            try await impatient.services(in: .named("demo"))
        } throws: { error in
            guard case StoreError.unreachable(let message) = error else { return false }
            return message.hasPrefix("127.0.0.1:\(cluster.server.port): ")
        }
        await cluster.stop()
    }

    @Test func aWatchResetMidStreamResumesAndMissesNothing() async throws {
        let cluster = try await TestCluster.start()
        // Patience longer than any wait here: only a real failure would be reported.
        var options = TestCluster.fastOptions
        options.patience = .seconds(60)
        let backend = try cluster.adminBackend(options: options)
        let events = Events(backend.changes(in: .named("demo")))
        #expect(await events.wait(Self.isReset) != nil)
        try await Self.waitForOpenWatch(cluster)
        cluster.server.faults.resetWatches()
        _ = try await cluster.adminBackend().create(Manifests.service("after-reset"), dryRun: false)
        let upserted = await events.wait { if case .upserted(let row) = $0 { return row.name == "after-reset" } else { return false } }
        #expect(upserted != nil, "the change made while the watch was down arrives")
        #expect(!events.all.contains { Self.failure($0.event) != nil }, "a reset that heals at once is no failure to show")
        await cluster.stop()
    }

    @Test func aStalledServerIsReportedWithinPatienceAndTheListComesBack() async throws {
        let cluster = try await TestCluster.start()
        var options = TestCluster.fastOptions
        options.patience = .seconds(1)
        let backend = try cluster.adminBackend(options: options)
        let events = Events(backend.changes(in: .named("demo")))
        let first = try #require(await events.wait(Self.isReset))
        try await Self.waitForOpenWatch(cluster)

        let stalled = Date()
        // A stall long enough that "reported while it lasts" holds on a loaded machine too.
        cluster.server.faults.stall(for: .seconds(15))
        cluster.server.faults.resetWatches()
        let failed = try #require(await events.wait(after: first.index) { Self.failure($0)?.contains("no answer for 1 s") == true })
        #expect(failed.at.timeIntervalSince(stalled) < 14, "reported while the server still stalls")
        let back = try #require(await events.wait(after: failed.index, timeout: 60, Self.isReset), "a fresh list once it answers again")
        #expect(back.at.timeIntervalSince(stalled) >= 14.5, "not before the stall ends")
        await cluster.stop()
    }

    @Test func throttlingIsReportedAtOnceAndRetryAfterIsHonouredWithoutRealWaits() async throws {
        let cluster = try await TestCluster.start()
        let recorder = RecordingClock()
        var options = TestCluster.fastOptions
        options.clock = recorder.clock
        let backend = try cluster.adminBackend(options: options)
        cluster.store.failNext(429, times: 4, retryAfter: 7)
        let events = Events(backend.changes(in: .named("demo")))
        let throttled = try #require(await events.wait { Self.failure($0)?.contains("429") == true })
        _ = try #require(await events.wait(after: throttled.index, Self.isReset), "recovers once the server lets it")
        // Pauses go through the injected clock only: these were recorded, not waited out.
        #expect(recorder.sleeps.filter { $0 >= .seconds(7) }.count >= 2, "each retry waited the server's Retry-After")

        try await Self.waitForOpenWatch(cluster)
        let before = events.all.count
        cluster.store.failNext(503, times: 5, retryAfter: 2)
        cluster.server.faults.resetWatches()
        let unavailable = try #require(await events.wait(after: before) { Self.failure($0)?.contains("503") == true })
        _ = try #require(await events.wait(after: unavailable.index, Self.isReset))
        #expect(recorder.sleeps.contains { $0 >= .seconds(2) && $0 < .seconds(7) })
        await cluster.stop()
    }

    @Test func aFailedTLSHandshakeIsReportedAndTheStreamRecoversWhenItHeals() async throws {
        let cluster = try await TestCluster.start()
        let backend = try cluster.adminBackend()
        let events = Events(backend.changes(in: .named("demo")))
        let first = try #require(await events.wait(Self.isReset))
        try await Self.waitForOpenWatch(cluster)

        let broken = Date()
        cluster.server.faults.failHandshakes(true)
        let failed = try #require(await events.wait(after: first.index) { Self.failure($0)?.contains("TLS") == true },
                                  "the TLS failure is named: \(events.all.compactMap { Self.failure($0.event) })")
        // Reported at the failed handshake itself, not after the watch's patience (60 s
        // with these options): half a minute tells the two apart even on a machine slowed
        // to a crawl, where a fixed 5 s would measure the machine, not the code.
        #expect(failed.at.timeIntervalSince(broken) < 30)
        cluster.server.faults.failHandshakes(false)
        _ = try #require(await events.wait(after: failed.index, Self.isReset))
        _ = try await cluster.adminBackend().create(Manifests.service("healed"), dryRun: false)
        #expect(await events.wait { if case .upserted(let row) = $0 { return row.name == "healed" } else { return false } } != nil)
        await cluster.stop()
    }
}
