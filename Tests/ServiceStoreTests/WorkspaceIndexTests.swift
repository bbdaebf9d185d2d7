import Testing
@testable import ServiceModel
@testable import ServiceStore

struct WorkspaceIndexTests {
    static func record(_ path: String, _ text: String) -> FileRecord {
        FileRecord.read(path: path, bytes: Array(text.utf8), stamp: FileStamp.unknown).record
    }

    static func service(_ name: String, _ namespace: String, app: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: \(name), namespace: \(namespace)}\nspec: {selector: {app: \(app)}}\n"
    }

    static func deployment(_ name: String, _ namespace: String, app: String) -> String {
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: \(name), namespace: \(namespace)}\n"
            + "spec: {template: {metadata: {labels: {app: \(app)}}}}\n"
    }

    @Test func patchedRowsEqualRowsBuiltFromScratch() {
        var index = WorkspaceIndex()
        for i in 0..<200 {
            _ = index.put(Self.record("/w/s\(i).yaml", Self.service("s\(i)", "ns\(i % 3)", app: "a\(i % 5)")))
        }
        _ = index.put(Self.record("/w/d.yaml", Self.deployment("d", "ns1", app: "a1")))
        _ = index.rows()
        _ = index.put(Self.record("/w/s7.yaml", Self.service("renamed", "ns0", app: "a1")))
        index.remove("/w/s8.yaml")
        _ = index.put(Self.record("/w/new.yaml", Self.service("new", "ns2", app: "a2")))
        _ = index.put(Self.record("/w/d.yaml", Self.deployment("d", "ns1", app: "a2")))
        let patched = index.rows()

        var fresh = WorkspaceIndex()
        for path in index.files.keys.sorted() { _ = fresh.put(index.files[path]!) }
        #expect(patched == fresh.rows())
        #expect(patched.contains { $0.name == "renamed" } && !patched.contains { $0.name == "s7" || $0.name == "s8" })
        #expect(patched.first { $0.name == "s1" }?.backends?.total == 0)
        #expect(patched.first { $0.name == "s22" }?.backends?.total == 1)
    }

    @Test func aServiceDefinedTwiceIsListedOnceFromTheFirstPath() {
        var index = WorkspaceIndex()
        _ = index.put(Self.record("/w/b.yaml", Self.service("x", "ns", app: "b")))
        _ = index.put(Self.record("/w/a.yaml", Self.service("x", "ns", app: "a")))
        #expect(index.rows().count == 1)
        #expect(index.location(of: ServiceID(namespace: "ns", name: "x"))?.path == "/w/a.yaml")
        index.remove("/w/a.yaml")
        #expect(index.location(of: ServiceID(namespace: "ns", name: "x"))?.path == "/w/b.yaml")
    }
}
