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

    /// `load` on a Dispatch thread, for callers in Swift concurrency: its pool has one
    /// thread per core, and a long parse holding one makes every other task wait.
    static func loadOffPool(_ items: [Item]) async -> [Outcome] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: load(items)) }
        }
    }

    static func load(_ items: [Item]) -> [Outcome] {
        inParallel(items) { load($0) }
    }

    /// What a cold start's first pass learnt of a file.
    enum Scanned: Sendable {
        case outcome(Outcome)
        /// The line scan answered: the file's services and workloads, not yet parsed, and
        /// the stamp of the bytes scanned.
        case found(ManifestQuickScan.Found, FileStamp)
    }

    /// Reads each file and scans its lines (`ManifestQuickScan`); a file the scan cannot
    /// answer, or that cannot be read, is parsed (or recorded with its problem) at once.
    static func scan(_ items: [Item]) -> [Scanned] {
        inParallel(items) { item in
            let bytes: [UInt8], stamp: FileStamp
            switch read(item) {
            case .failed(let outcome): return .outcome(outcome)
            case .bytes(let read, let readStamp): (bytes, stamp) = (read, readStamp)
            }
            if let known = item.knownHash, ContentHash.of(bytes) == known { return .outcome(.unchanged) }
            if let found = ManifestQuickScan.scan(bytes, path: item.path) { return .found(found, stamp) }
            return .outcome(.record(FileRecord.read(path: item.path, bytes: bytes, stamp: stamp).record))
        }
    }

    private static func inParallel<T: Sendable>(_ items: [Item], _ body: @Sendable (Item) -> T) -> [T] {
        if items.count < 32 { return items.map(body) }
        var results: [T?] = Array(repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let shared = buffer
            let chunk = 16
            let chunks = (items.count + chunk - 1) / chunk
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min((c + 1) * chunk, items.count) {
                    shared[i] = body(items[i])
                }
            }
        }
        return results.map { $0! }
    }

    static func load(_ item: Item) -> Outcome {
        let bytes: [UInt8], stamp: FileStamp
        switch read(item) {
        case .failed(let outcome): return outcome
        case .bytes(let read, let readStamp): (bytes, stamp) = (read, readStamp)
        }
        let hash = ContentHash.of(bytes)
        if hash == item.knownHash { return .unchanged }
        return .record(FileRecord.read(path: item.path, bytes: bytes, stamp: stamp, hash: hash).record)
    }

    private enum Read {
        /// The bytes, and the stamp they were read at: the item's, or the open file's when
        /// the listing had none.
        case bytes([UInt8], FileStamp)
        /// What to record when the bytes cannot be read.
        case failed(Outcome)
    }

    private static func read(_ item: Item) -> Read {
        do throws(StoreError) {
            if item.stamp == FileStamp.unknown {
                let (bytes, stamp) = try FileSystem.readStamped(item.path, limit: InputLimits.maxFileBytes)
                return .bytes(bytes, stamp)
            }
            return .bytes(try FileSystem.read(item.path, limit: InputLimits.maxFileBytes, size: Int(item.stamp.size)), item.stamp)
        } catch {
            guard FileSystem.status(item.path) != nil else { return .failed(.gone) }
            var record = FileRecord(path: item.path, stamp: item.stamp, hash: 0)
            switch error {
            case .io(_, let message):
                record.problem = ManifestParseError(file: item.path, line: 1, column: 1, message: "cannot read: \(message)")
            case .parse(let problem):
                record.problem = problem
            default:
                break
            }
            return .failed(.record(record))
        }
    }
}
