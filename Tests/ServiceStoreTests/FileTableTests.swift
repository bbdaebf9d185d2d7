import Testing
@testable import ServiceModel
@testable import ServiceStore

struct FileTableTests {
    static func record(_ path: String, hash: UInt64 = 0) -> FileRecord {
        FileRecord(path: path, stamp: FileStamp.unknown, hash: hash)
    }

    /// Puts and removes paths in a table and in a dictionary alike; they must agree after
    /// every step, whatever the hash lets collide and whether a path is under the root.
    static func checkAgainstDictionary(_ table: inout FileTable) {
        var expected: [String: UInt64] = [:]
        let paths = (0..<300).map { i in
            switch i % 4 {
            case 0: "/w/ns\(i % 7)/svc-\(i).yaml"
            case 1: "/other/svc-\(i).yaml" // outside the root
            case 2: "/w/名前-\(i).yaml"
            default: "/w-\(i).yaml" // starts like the root, is not under it
            }
        }
        for (step, path) in paths.enumerated() {
            table.insert(record(path, hash: UInt64(step)))
            expected[path] = UInt64(step)
            if step % 3 == 2 {
                let gone = paths[step / 2]
                let removed = table.remove(gone)
                #expect((removed != nil) == (expected[gone] != nil))
                #expect(removed?.record.path == (expected[gone] != nil ? gone : nil))
                expected[gone] = nil
            }
            if step % 5 == 0 { table.insert(record(paths[step / 3], hash: 1000 + UInt64(step))); expected[paths[step / 3]] = 1000 + UInt64(step) }
        }
        #expect(table.count == expected.count)
        #expect(Set(table.keys) == Set(expected.keys))
        for (path, hash) in expected {
            #expect(table[path]?.path == path)
            #expect(table[path]?.hash == hash)
            #expect(table.withoutPath(path)?.hash == hash && table.withoutPath(path)?.path == "")
            #expect(table.position(of: path).map { table[$0].path } == path)
        }
        #expect(Set(table.values.map(\.path)) == Set(expected.keys))
        #expect(table.withoutPaths.allSatisfy { $0.path.isEmpty })
        #expect(table["/w/absent.yaml"] == nil && table.remove("/w/absent.yaml") == nil)
        // Removing everything leaves an empty table that takes paths again.
        for path in expected.keys { #expect(table.remove(path) != nil) }
        #expect(table.isEmpty)
        table.insert(record("/w/again.yaml", hash: 7))
        #expect(table["/w/again.yaml"]?.hash == 7)
    }

    @Test func keepsEveryPathUnderAndOutsideTheRoot() {
        var table = FileTable(root: "/w")
        Self.checkAgainstDictionary(&table)
    }

    @Test func pathsOfOneHashAreToldApartByTheirBytes() {
        var everyPathCollides = FileTable(root: "/w", hashMask: 0)
        Self.checkAgainstDictionary(&everyPathCollides)
        var someCollide = FileTable(root: "/w", hashMask: 0b111)
        Self.checkAgainstDictionary(&someCollide)
    }

    @Test func withoutARootPathsAreKeptWhole() {
        var table = FileTable()
        Self.checkAgainstDictionary(&table)
    }

    @Test func manyRemovalsCompactTheBytesAndKeepThePaths() {
        var table = FileTable(root: "/workspace")
        let paths = (0..<5000).map { "/workspace/namespace-\($0 % 10)/service-\($0).yaml" }
        for path in paths { table.insert(Self.record(path)) }
        // Removing from the front leaves holes, until the bytes are written again.
        for path in paths[..<4000] { #expect(table.remove(path) != nil) }
        #expect(table.count == 1000)
        for path in paths[4000...] { #expect(table[path]?.path == path) }
        #expect(Set(table.keys) == Set(paths[4000...]))
    }
}
