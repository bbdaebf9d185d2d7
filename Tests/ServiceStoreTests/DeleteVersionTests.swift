import Foundation
import Testing
@testable import ServiceModel
@testable import ServiceStore

/// A list row says which version of its service it shows, and a delete that expects that
/// version is refused once the service changed.
struct DeleteVersionTests {
    static func web(port: Int) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports: [{port: \(port)}]\n"
    }

    @Test func aRowCarriesTheVersionADeleteExpectsAndAChangeSinceIsRefused() async throws {
        let workspace = try TemporaryWorkspace()
        try workspace.write("shop/web.yaml", Self.web(port: 80))
        let backend = try workspace.backend()
        let row = try #require(try await backend.services(in: .named("shop")).first)
        let stored = try await backend.service(ServiceID(namespace: "shop", name: "web"))
        #expect(row.version != nil && row.version == stored.version)
        #expect((row.version?.utf8.count ?? 99) <= 15, "short enough to be stored inline")

        try workspace.write("shop/web.yaml", Self.web(port: 81))
        await #expect {
            try await backend.delete(ServiceID(namespace: "shop", name: "web"), expecting: row.version)
        } throws: { error in
            guard case StoreError.conflict(ServiceID(namespace: "shop", name: "web"), let current?) = error else { return false }
            return current.manifest["spec"]?["ports"]?[0]?["port"]?.int == 81
        }
        #expect(workspace.exists("shop/web.yaml"), "not deleted")

        let fresh = try #require(try await backend.services(in: .named("shop")).first)
        #expect(fresh.version != row.version)
        try await backend.delete(ServiceID(namespace: "shop", name: "web"), expecting: fresh.version)
        #expect(!workspace.exists("shop/web.yaml"))
    }

    @Test func rowsFromTheDiskCacheCarryTheSameVersions() async throws {
        let workspace = try TemporaryWorkspace()
        let cache = NSTemporaryDirectory() + "svcwiz-cache-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: cache) }
        try workspace.write("shop/web.yaml", Self.web(port: 80))
        let first = try await WorkspaceBackend(root: workspace.root, cacheDirectory: cache).services(in: .all)
        let cached = try await WorkspaceBackend(root: workspace.root, cacheDirectory: cache).services(in: .all)
        #expect(first.map(\.version) == cached.map(\.version))
        #expect(first.first?.version != nil)
    }
}
