import Dispatch
import ServiceModel

/// Reads and parses many files at once, on every core: the first scan of a large workspace
/// is mostly YAML parsing.
enum FileLoader {
    struct Item: Sendable {
        var path: String
        var stamp: FileStamp
        /// The hash the index holds for the file, so unchanged bytes skip the parse.
        var knownHash: UInt64?
    }

    enum Outcome: Sendable {
        /// Same bytes as indexed: only the stamp moved.
        case unchanged
        case record(FileRecord)
        /// Gone between the listing and the read.
        case gone
    }

    static func load(_ items: [Item]) -> [Outcome] {
        if items.count < 32 { return items.map(load) }
        let results = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: items.count)
        results.initialize(repeating: .gone)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        let chunk = 16
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            for i in (c * chunk)..<min((c + 1) * chunk, items.count) {
                shared[i] = load(items[i])
            }
        }
        return Array(results)
    }

    static func load(_ item: Item) -> Outcome {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(item.path, limit: InputLimits.maxFileBytes)
        } catch {
            guard FileSystem.status(item.path) != nil else { return .gone }
            var record = FileRecord(path: item.path, stamp: item.stamp, hash: 0)
            switch error {
            case .io(_, let message):
                record.problem = ManifestParseError(file: item.path, line: 1, column: 1, message: "cannot read: \(message)")
            case .parse(let problem):
                record.problem = problem
            default:
                break
            }
            return .record(record)
        }
        let hash = ContentHash.of(bytes)
        if hash == item.knownHash { return .unchanged }
        return .record(FileRecord.read(path: item.path, bytes: bytes, stamp: item.stamp, hash: hash).record)
    }
}
