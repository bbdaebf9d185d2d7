import Foundation

extension ManifestReader {
    /// The bytes of the file at `path`, or nil when it cannot be read. A file larger than
    /// `InputLimits.maxFileBytes` is refused with the limit named, after reading at most
    /// that many bytes of it, so a huge file costs no more memory than the limit.
    package static func contents(ofFile path: String) throws(ManifestParseError) -> [UInt8]? {
        let limit = InputLimits.maxFileBytes
        func refuse(_ size: Int) -> ManifestParseError {
            ManifestParseError(file: path, line: 1, column: 1, limit: .tooLarge(bytes: size, limit: limit))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > limit {
            throw refuse(size)
        }
        let data: Data?
        do { data = try handle.read(upToCount: limit + 1) } catch { return nil }
        guard let data else { return [] }
        if data.count > limit { throw refuse(data.count) }
        return Array(data)
    }
}
