import Foundation
import Testing
import ServiceModel
import ServiceStore
@testable import SvcWizApp

/// The effects run against a real workspace backend, without a terminal: the events they
/// post are what the app would see.
@MainActor
struct EffectRunnerTests {
    /// A workspace with two services in `shop`, a draft folder, and a runner whose events
    /// are collected.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var posted: [AppEvent] = []

        func append(_ event: AppEvent) { lock.withLock { posted.append(event) } }
        var events: [AppEvent] { lock.withLock { posted } }
    }

    final class Fixture {
        let root: String
        let runner: EffectRunner
        let log = EventLog()
        static let now = Date(timeIntervalSince1970: 1_795_000_000)

        @MainActor
        init() throws {
            root = NSTemporaryDirectory() + "svcwiz-effects-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root + "/ws", withIntermediateDirectories: true)
            for name in ["web", "db"] {
                try Self.service(name).write(toFile: root + "/ws/\(name).yaml", atomically: true, encoding: .utf8)
            }
            let backend = try WorkspaceBackend(root: root + "/ws")
            let log = self.log
            runner = EffectRunner(backend: backend, draftDirectory: root + "/drafts", clock: { Self.now }) { log.append($0) }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        static func service(_ name: String, port: String = "80") -> String {
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(name)\n  namespace: shop\nspec:\n  selector: {app: \(name)}\n  ports:\n  - port: \(port)\n"
        }

        /// Runs an effect and waits for the work it started.
        @MainActor
        func run(_ effect: AppEffect) async -> [AppEvent] {
            let before = log.events.count
            await runner.run(effect)?.value
            return Array(log.events.dropFirst(before))
        }
    }

    static let web = ServiceID(namespace: "shop", name: "web")

    @Test func exportWritesTheFileThenAsksBeforeReplacingIt() async throws {
        let fixture = try Fixture()
        let folder = fixture.root + "/out"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let first = await fixture.run(.export(Self.web, target: folder, overwrite: false))
        guard case .exported(.success(let path))? = first.first else { Issue.record("\(first)"); return }
        #expect(path == folder + "/web.shop.service.yaml")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("name: web"))

        let again = await fixture.run(.export(Self.web, target: folder, overwrite: false))
        guard case .exportExists(path, Self.web)? = again.first else { Issue.record("\(again)"); return }
        let replaced = await fixture.run(.export(Self.web, target: folder, overwrite: true))
        guard case .exported(.success)? = replaced.first else { Issue.record("\(replaced)"); return }
    }

    @Test func importReadsTheServicesOfAFileAndSaysWhyItCannot() async throws {
        let fixture = try Fixture()
        let file = fixture.root + "/two.yaml"
        let other = "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n---\n"
        try (Fixture.service("a") + other + Fixture.service("b")).write(toFile: file, atomically: true, encoding: .utf8)
        let read = await fixture.run(.importFile(file))
        guard case .imported(file, .success(let services))? = read.first else { Issue.record("\(read)"); return }
        #expect(services.map { ServiceID(manifest: $0).name } == ["a", "b"])

        let missing = await fixture.run(.importFile(fixture.root + "/none.yaml"))
        guard case .imported(_, .failure(.unreadable))? = missing.first else { Issue.record("\(missing)"); return }
        try "kind: Service\n  bad: [".write(toFile: file, atomically: true, encoding: .utf8)
        let broken = await fixture.run(.importFile(file))
        guard case .imported(_, .failure(.parse))? = broken.first else { Issue.record("\(broken)"); return }
    }

    @Test func deleteRemovesWhatItCanAndReportsTheRest() async throws {
        let fixture = try Fixture()
        let gone = ServiceID(namespace: "shop", name: "gone")
        // The row as the list shows it: the delete expects its version.
        let web = try #require(try await fixture.runner.backend.services(in: .named("shop")).first { $0.id == Self.web })
        let events = await fixture.run(.delete([DeletionTarget(row: web), DeletionTarget(gone)]))
        guard case let .deleted(deleted, failures)? = events.first else { Issue.record("\(events)"); return }
        #expect(deleted == [Self.web])
        #expect(failures.map(\.service) == [gone])
        guard case .notFound? = failures.first?.error else { Issue.record("\(failures)"); return }
        let left = try await fixture.runner.backend.services(in: .named("shop")).map(\.name)
        #expect(left == ["db"])
    }

    @Test func createRunsADryRunFirstSoARefusedCreateWritesNothing() async throws {
        let fixture = try Fixture()
        let created = await fixture.run(.create(try ManifestReader.objects(Fixture.service("cache"))[0]))
        guard case .created(.success(let stored))? = created.first else { Issue.record("\(created)"); return }
        #expect(stored.id == ServiceID(namespace: "shop", name: "cache"))

        let taken = await fixture.run(.create(try ManifestReader.objects(Fixture.service("db"))[0]))
        guard case .created(.failure(.alreadyExists))? = taken.first else { Issue.record("\(taken)"); return }
        let invalid = await fixture.run(.create(try ManifestReader.objects(Fixture.service("bad", port: "99999"))[0]))
        guard case .created(.failure(.invalid))? = invalid.first else { Issue.record("\(invalid)"); return }
        let names = try await fixture.runner.backend.services(in: .named("shop")).map(\.name).sorted()
        #expect(names == ["cache", "db", "web"])
    }

    @Test func draftsAreStampedWithTheClockAndReadBack() async throws {
        let fixture = try Fixture()
        let draft = SavedDraft(draft: .empty(namespace: "shop"), step: .labels, savedAt: .distantPast)
        #expect(await fixture.run(.saveDraft(draft)).isEmpty)
        let checked = await fixture.run(.checkDraft)
        guard case .draftChecked(let saved?)? = checked.first else { Issue.record("\(checked)"); return }
        #expect(saved.savedAt == Fixture.now)
        #expect(saved.step == .labels)
        _ = await fixture.run(.deleteDraft)
        guard case .draftChecked(nil)? = await fixture.run(.checkDraft).first else { Issue.record("draft left"); return }
    }

    @Test func loadingADetailBringsItsBackendsAndNoEventsInAWorkspace() async throws {
        let fixture = try Fixture()
        let events = await fixture.run(.loadDetail(Self.web))
        guard case .detailLoaded(Self.web, .success(let data))? = events.first else { Issue.record("\(events)"); return }
        #expect(data.stored.name == "web")
        #expect(data.events == nil)
    }
}
