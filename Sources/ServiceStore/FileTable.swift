/// The index's file records in one array, found by path through a map to their position.
///
/// Why not a dictionary of records: a dictionary keeps a slot of the record's size for every
/// bucket, and at 100,000 files it has 262,144 buckets; here the map's buckets hold only a
/// position, and the records sit in an array sized to them. Positions move only when a
/// record is removed (the last one takes its place), and `remove` says so.
///
/// Paths are kept once, as bytes in one arena, without the workspace root they nearly all
/// start with: a `String` per file was a heap allocation per file. The stored records hold
/// an empty path, and a record read from the table gets its path back. The map is keyed by
/// a 64-bit hash of the path's bytes; two paths of one hash are told apart by their bytes.
struct FileTable: Sendable {
    private var records: [FileRecord] = []
    private var paths: PathArena
    /// The position of a path by its hash: the first path of each hash.
    private var positions: [UInt64: Int32] = [:]
    /// The other paths of a hash that two or more paths share (rare).
    private var collided: [UInt64: [Int32]] = [:]
    /// Bits of the hash kept: fewer make paths collide, for tests of that rare case.
    private let hashMask: UInt64

    init(root: String = "", hashMask: UInt64 = .max) {
        paths = PathArena(root: root)
        self.hashMask = hashMask
    }

    private func key(_ path: String) -> UInt64 { PathArena.hash(path) & hashMask }

    var isEmpty: Bool { records.isEmpty }
    var count: Int { records.count }

    /// Every record, at its position, each with its path.
    var values: LazyMapSequence<Range<Int32>, FileRecord> {
        (0..<Int32(records.count)).lazy.map { self[$0] }
    }
    /// Every record, at its position, with an empty path: for looks at every record that
    /// need no path (no string made per file).
    var withoutPaths: [FileRecord] { records }
    /// Every path, in no particular order, each made when it is read.
    var keys: LazyMapSequence<Range<Int>, String> {
        (0..<records.count).lazy.map { [paths] in paths.path(at: $0) }
    }

    mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
        positions.reserveCapacity(count)
        paths.reserveCapacity(count)
    }

    func position(of path: String) -> Int32? {
        let hash = key(path)
        guard let first = positions[hash] else { return nil }
        if paths.matches(path, at: Int(first)) { return first }
        return collided[hash]?.first { paths.matches(path, at: Int($0)) }
    }

    subscript(position: Int32) -> FileRecord {
        var record = records[Int(position)]
        record.path = paths.path(at: Int(position))
        return record
    }

    /// The record of a path with an empty path, for its other fields: no string is made.
    func withoutPath(_ path: String) -> FileRecord? {
        position(of: path).map { records[Int($0)] }
    }

    subscript(path: String) -> FileRecord? {
        get { position(of: path).map { self[$0] } }
        set {
            guard let newValue else { return _ = remove(path) }
            insert(newValue)
        }
    }

    /// Adds or replaces the record of its path; its position.
    @discardableResult
    mutating func insert(_ record: FileRecord) -> Int32 {
        var stored = record
        stored.path = ""
        if let position = position(of: record.path) {
            records[Int(position)] = stored
            return position
        }
        let position = Int32(records.count)
        let hash = key(record.path)
        if positions[hash] == nil { positions[hash] = position } else { collided[hash, default: []].append(position) }
        paths.append(record.path)
        records.append(stored)
        return position
    }

    /// Removes a record: the last one takes its place. Returns the record, its position, and
    /// the position the last record had when it moved into it.
    mutating func remove(_ path: String) -> (record: FileRecord, position: Int32, moved: Int32?)? {
        guard let position = position(of: path) else { return nil }
        let removed = self[position]
        forget(key(path), position)
        let lastPosition = Int32(records.count - 1)
        let last = records.removeLast()
        guard position < lastPosition else {
            paths.removeLast()
            return (removed, position, nil)
        }
        let lastHash = paths.hash(at: Int(lastPosition)) & hashMask
        records[Int(position)] = last
        paths.moveLast(to: Int(position))
        forget(lastHash, lastPosition)
        if positions[lastHash] == nil { positions[lastHash] = position } else { collided[lastHash, default: []].append(position) }
        return (removed, position, lastPosition)
    }

    /// Takes `position` out of the map entry of `hash`.
    private mutating func forget(_ hash: UInt64, _ position: Int32) {
        if positions[hash] == position {
            if var others = collided[hash], !others.isEmpty {
                positions[hash] = others.removeFirst()
                collided[hash] = others.isEmpty ? nil : others
            } else {
                positions[hash] = nil
            }
        } else if var others = collided[hash] {
            others.removeAll { $0 == position }
            collided[hash] = others.isEmpty ? nil : others
        }
    }
}

/// The paths of a `FileTable`, by position: their bytes one after the other in one buffer,
/// those under the root without it. Removed paths leave their bytes behind until they are
/// more than half of the buffer, then the buffer is written again without them.
struct PathArena: Sendable {
    private struct Span: Sendable {
        var start: UInt32
        /// The byte count, with the top bit set when the root and a "/" come first.
        var count: UInt32
    }

    private static let underRoot: UInt32 = 1 << 31
    private let root: [UInt8]
    private var bytes: [UInt8] = []
    private var spans: [Span] = []
    private var unused = 0

    init(root: String) {
        self.root = root.isEmpty ? [] : Array(root.utf8) + [UInt8(ascii: "/")]
    }

    static func hash(_ path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { ContentHash.of($0) }
    }

    mutating func reserveCapacity(_ count: Int) {
        spans.reserveCapacity(count)
    }

    /// The hash of the path at `position`, as `hash(_:)` makes it.
    func hash(at position: Int) -> UInt64 {
        var hash = ContentHash()
        let span = spans[position]
        if span.count & Self.underRoot != 0 { hash.combine(root) }
        bytes.withUnsafeBufferPointer { hash.combine($0[stored(span)]) }
        return hash.value
    }

    func path(at position: Int) -> String {
        let span = spans[position]
        return bytes.withUnsafeBufferPointer { buffer in
            let rest = buffer[stored(span)]
            guard span.count & Self.underRoot != 0 else { return String(decoding: rest, as: UTF8.self) }
            return String(unsafeUninitializedCapacity: root.count + rest.count) { target in
                _ = target.initialize(from: root)
                _ = UnsafeMutableBufferPointer(rebasing: target[root.count...]).initialize(from: rest)
                return root.count + rest.count
            }
        }
    }

    func matches(_ path: String, at position: Int) -> Bool {
        var path = path
        let span = spans[position]
        return path.withUTF8 { text in
            bytes.withUnsafeBufferPointer { buffer in
                let rest = buffer[stored(span)]
                guard span.count & Self.underRoot != 0 else { return text.elementsEqual(rest) }
                return text.count == root.count + rest.count && text.starts(with: root)
                    && text[root.count...].elementsEqual(rest)
            }
        }
    }

    mutating func append(_ path: String) {
        var path = path
        path.withUTF8 { text in
            let under = !root.isEmpty && text.count > root.count && text.starts(with: root)
            let rest = under ? UnsafeBufferPointer(rebasing: text[root.count...]) : text
            spans.append(Span(start: UInt32(bytes.count), count: UInt32(rest.count) | (under ? Self.underRoot : 0)))
            bytes.append(contentsOf: rest)
        }
    }

    mutating func removeLast() {
        let span = spans.removeLast()
        forgetBytes(of: span)
    }

    /// The last path takes the place of the one at `position`.
    mutating func moveLast(to position: Int) {
        forgetBytes(of: spans[position])
        spans[position] = spans.removeLast()
    }

    private func stored(_ span: Span) -> Range<Int> {
        Int(span.start)..<Int(span.start) + Int(span.count & ~Self.underRoot)
    }

    private mutating func forgetBytes(of span: Span) {
        let range = stored(span)
        if range.upperBound == bytes.count {
            bytes.removeLast(range.count)
        } else {
            unused += range.count
        }
        if unused > 4096, unused > bytes.count / 2 { compact() }
    }

    private mutating func compact() {
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count - unused)
        for i in spans.indices {
            let range = stored(spans[i])
            spans[i].start = UInt32(kept.count)
            kept.append(contentsOf: bytes[range])
        }
        bytes = kept
        unused = 0
    }
}
