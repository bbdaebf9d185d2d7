/// The index's file records in one array, found by path through a map to their position.
///
/// Why not a dictionary of records: a dictionary keeps a slot of the record's size for every
/// bucket, and at 100,000 files it has 262,144 buckets; here the map's buckets hold only a
/// position, and the records sit in an array sized to them. Positions move only when a
/// record is removed (the last one takes its place), and `remove` says so.
struct FileTable: Sendable {
    private var records: [FileRecord] = []
    private var positions: [String: Int32] = [:]

    var isEmpty: Bool { records.isEmpty }
    var count: Int { records.count }

    /// Every record, at its position.
    var values: [FileRecord] { records }
    /// Every path, in no particular order.
    var keys: [String] { records.map(\.path) }

    mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
        positions.reserveCapacity(count)
    }

    func position(of path: String) -> Int32? { positions[path] }

    subscript(position: Int32) -> FileRecord { records[Int(position)] }

    subscript(path: String) -> FileRecord? {
        get { positions[path].map { records[Int($0)] } }
        set {
            guard let newValue else { return _ = remove(path) }
            insert(newValue)
        }
    }

    /// Adds or replaces the record of its path; its position.
    @discardableResult
    mutating func insert(_ record: FileRecord) -> Int32 {
        if let position = positions[record.path] {
            records[Int(position)] = record
            return position
        }
        let position = Int32(records.count)
        positions[record.path] = position
        records.append(record)
        return position
    }

    /// Removes a record: the last one takes its place. Returns the record, its position, and
    /// the position the last record had when it moved into it.
    mutating func remove(_ path: String) -> (record: FileRecord, position: Int32, moved: Int32?)? {
        guard let position = positions.removeValue(forKey: path) else { return nil }
        let removed = records[Int(position)]
        let last = records.removeLast()
        guard Int(position) < records.count else { return (removed, position, nil) }
        records[Int(position)] = last
        positions[last.path] = position
        return (removed, position, Int32(records.count))
    }
}
