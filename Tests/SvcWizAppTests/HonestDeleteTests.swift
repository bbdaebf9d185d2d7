import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// A delete carries the version the user saw; a service changed since is never deleted
/// silently: the dialog says so and shows what changed.
struct HonestDeleteTests {
    static func service(_ name: String, port: Int) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: {name: \(name), namespace: shop}
        spec:
          selector: {app: \(name)}
          ports: [{name: http, port: \(port)}]

        """
    }

    /// A workspace folder holding `web` and `api`, removed afterwards.
    final class Folder {
        let root = NSTemporaryDirectory() + "svcwiz-delete-" + UUID().uuidString

        init() throws {
            try FileManager.default.createDirectory(atPath: root + "/shop", withIntermediateDirectories: true)
            try write("web", port: 80)
            try write("api", port: 8080)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ name: String, port: Int) throws {
            try HonestDeleteTests.service(name, port: port).write(toFile: path(name), atomically: true, encoding: .utf8)
        }

        func path(_ name: String) -> String { root + "/shop/\(name).service.yaml" }
        func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }
    }

    static func listState(_ backend: any Backend, language: Language = .en) async throws -> AppState {
        var state = AppState(text: UIText(language), backend: backend.info, readOnly: false,
                             size: TerminalSize(columns: 100, rows: 30), scope: .named("shop"), exportFolder: ".")
        _ = state.update(.servicesLoaded(.named("shop"), .success(try await backend.services(in: .named("shop")))))
        return state
    }

    /// Ctrl-D twice on what is selected or marked: the targets the delete effect gets.
    static func confirmDelete(_ state: inout AppState) throws -> [DeletionTarget] {
        _ = state.update(.key(.ctrl("d")))
        let effects = state.update(.key(.ctrl("d")))
        guard case .delete(let targets)? = effects.first else { throw Failure.noDelete(effects) }
        return targets
    }

    enum Failure: Error { case noDelete([AppEffect]) }

    static func run(_ targets: [DeletionTarget], on backend: any Backend, into state: inout AppState) async {
        for event in await DeleteEffect.run(targets, on: backend) { _ = state.update(event) }
    }

    @Test func aRowChangedOnDiskSinceItWasListedIsNotDeletedAndTheDialogShowsWhatChanged() async throws {
        let folder = try Folder()
        let backend = try WorkspaceBackend(root: folder.root)
        var state = try await Self.listState(backend)
        #expect(state.list.services.selected?.name == "api")
        let targets = try Self.confirmDelete(&state)
        #expect(targets.map(\.version) == [state.list.services.selected?.version], "the delete expects the row's version")

        try folder.write("api", port: 9090)
        await Self.run(targets, on: backend, into: &state)

        #expect(folder.exists("api"), "never deleted silently")
        guard case .deleteRefused(let refusal)? = state.overlay else {
            Issue.record("no refusal dialog: \(String(describing: state.overlay))")
            return
        }
        #expect(refusal.items.map(\.service.name) == ["api"])
        #expect(refusal.items[0].changes.contains(.removed("PORTS: http:8080/TCP")))
        #expect(refusal.items[0].changes.contains(.added("PORTS: http:9090/TCP")))
        let screen = ShopScreens.render(state).text
        #expect(screen.contains("Not deleted: changed since you looked"))
        #expect(screen.contains("api changed since you looked at it and was not deleted."))
        #expect(screen.contains("- PORTS: http:8080/TCP"))
        #expect(screen.contains("+ PORTS: http:9090/TCP"))
        #expect(screen.contains("Enter look again"))
        #expect(state.status?.text == "Not deleted: api changed since you looked at it.")

        // Look again: the service's detail, as it is now; a second Ctrl-D there deletes it.
        let effects = state.update(.key(.enter))
        #expect(effects == [.loadDetail(ServiceID(namespace: "shop", name: "api"))])
        let now = try await backend.service(ServiceID(namespace: "shop", name: "api"))
        _ = state.update(.detailLoaded(ServiceID(namespace: "shop", name: "api"), .success(DetailData(stored: now, backends: nil))))
        await Self.run(try Self.confirmDelete(&state), on: backend, into: &state)
        #expect(!folder.exists("api"))
        #expect(state.overlay == nil)
    }

    @Test func markedServicesGoOnlyWhereTheyAreUnchanged() async throws {
        let folder = try Folder()
        let backend = try WorkspaceBackend(root: folder.root)
        var state = try await Self.listState(backend)
        ShopScreens.press([.character(" "), .character(" ")], on: &state)
        #expect(state.list.services.marks.count == 2)
        let targets = try Self.confirmDelete(&state)
        #expect(Set(targets.map(\.service.name)) == ["api", "web"])

        try folder.write("web", port: 81)
        await Self.run(targets, on: backend, into: &state)
        #expect(!folder.exists("api"), "unchanged: deleted")
        #expect(folder.exists("web"), "changed: kept")
        guard case .deleteRefused(let refusal)? = state.overlay else {
            Issue.record("no refusal dialog")
            return
        }
        #expect(refusal.items.map(\.service.name) == ["web"])
        #expect(state.messages.contains { $0.text == "Deleted api." })
        _ = state.update(.key(.escape))
        #expect(state.overlay == nil)
        guard case .list = state.screen else {
            Issue.record("cancel left the list")
            return
        }
    }

    @Test func aDeleteFromTheDetailShowsTheChangedManifest() async throws {
        let folder = try Folder()
        let backend = try WorkspaceBackend(root: folder.root)
        var state = try await Self.listState(backend)
        _ = state.update(.key(.enter))
        let seen = try await backend.service(ServiceID(namespace: "shop", name: "api"))
        _ = state.update(.detailLoaded(ServiceID(namespace: "shop", name: "api"), .success(DetailData(stored: seen, backends: nil))))
        let targets = try Self.confirmDelete(&state)
        #expect(targets == [DeletionTarget(ServiceID(namespace: "shop", name: "api"), version: seen.version, seen: .stored(seen))])

        try folder.write("api", port: 8081)
        await Self.run(targets, on: backend, into: &state)
        #expect(folder.exists("api"))
        guard case .deleteRefused(let refusal)? = state.overlay else {
            Issue.record("no refusal dialog")
            return
        }
        #expect(refusal.items[0].changes.contains { if case .removed(let line) = $0 { return line.contains("8080") } else { return false } })
        #expect(refusal.items[0].changes.contains { if case .added(let line) = $0 { return line.contains("8081") } else { return false } })
    }

    @Test func theDialogSpeaksChinese() async throws {
        let folder = try Folder()
        let backend = try WorkspaceBackend(root: folder.root)
        var state = try await Self.listState(backend, language: .zh)
        let targets = try Self.confirmDelete(&state)
        try folder.write("api", port: 9090)
        await Self.run(targets, on: backend, into: &state)
        let screen = ShopScreens.render(state).text
        #expect(screen.contains("未删除：查看后已被修改"))
        #expect(screen.contains("api 在您查看后已被修改，未删除。"))
        #expect(screen.contains("Enter 重新查看"))
        #expect(screen.contains("- 端口: http:8080/TCP"), "in the list's own words")
    }

    /// A backend whose rows carry no version: what the user saw is compared with the service
    /// as it is read just before the delete.
    @Test func withoutARowVersionWhatWasSeenIsComparedBeforeDeleting() async throws {
        let folder = try Folder()
        let backend = try WorkspaceBackend(root: folder.root)
        var state = try await Self.listState(backend)
        var rows = state.list.services.rows
        for i in rows.indices { rows[i].version = nil }
        let unversioned = rows.map { DeletionTarget($0.id, seen: .row($0)) }

        try folder.write("web", port: 81)
        await Self.run(unversioned, on: backend, into: &state)
        #expect(!folder.exists("api"), "as seen: deleted")
        #expect(folder.exists("web"), "changed: kept")
        guard case .deleteRefused(let refusal)? = state.overlay else {
            Issue.record("no refusal dialog")
            return
        }
        #expect(refusal.items.map(\.service.name) == ["web"])
    }
}
