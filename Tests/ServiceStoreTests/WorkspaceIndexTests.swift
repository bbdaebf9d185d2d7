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
        var index = WorkspaceIndex(root: "/w")
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

    /// Records move inside the index when others are removed (the last takes the removed
    /// one's place): after any sequence of puts and removals, every service must be found in
    /// the first file (in path order) that defines it, and the rows must be those of a
    /// fresh index. Services here live in one to three files, some files name one twice.
    @Test func locationsFollowPutsAndRemovalsInAnyOrder() {
        var generator = SystemRandomNumberGenerator()
        var index = WorkspaceIndex()
        var model: [String: [String]] = [:]  // path -> service names
        for step in 0..<600 {
            let path = "/w/f\(Int.random(in: 0..<40, using: &generator)).yaml"
            if Int.random(in: 0..<3, using: &generator) == 0 {
                index.remove(path)
                model[path] = nil
            } else {
                let names = (0..<Int.random(in: 1...3, using: &generator)).map { _ in "s\(Int.random(in: 0..<25, using: &generator))" }
                let text = names.map { Self.service($0, "ns", app: "a\(step % 4)") }.joined(separator: "---\n")
                _ = index.put(Self.record(path, text))
                model[path] = names
            }
            if step % 50 == 0 { _ = index.rows() }
            for name in Set(model.values.flatMap { $0 }) {
                let expected = model.keys.filter { model[$0]!.contains(name) }.min()
                #expect(index.location(of: ServiceID(namespace: "ns", name: name))?.path == expected, "\(name) at step \(step)")
            }
        }
        for name in (0..<25).map({ "s\($0)" }) where !model.values.contains(where: { $0.contains(name) }) {
            #expect(index.location(of: ServiceID(namespace: "ns", name: name)) == nil)
        }
        var fresh = WorkspaceIndex()
        for path in index.files.keys.sorted() { _ = fresh.put(index.files[path]!) }
        #expect(index.rows() == fresh.rows())
        #expect(index.rows().map(\.name) == Set(model.values.flatMap { $0 }).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }
}
