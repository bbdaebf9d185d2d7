#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ManifestReader {
    /// The bytes of the file at `path`, or nil when it cannot be read. A file larger than
    /// `InputLimits.maxFileBytes` is refused with the limit named, after reading at most
    /// that many bytes of it, so a huge file costs no more memory than the limit.
    package static func contents(ofFile path: String) throws(ManifestParseError) -> [UInt8]? {
        let limit = InputLimits.maxFileBytes
        func refuse(_ size: Int) -> ManifestParseError {
            ManifestParseError(file: path, line: 1, column: 1, limit: .tooLarge(bytes: size, limit: limit))
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        var expected = 0
        if fstat(descriptor, &info) == 0 {
            expected = Int(info.st_size)
            if expected > limit { throw refuse(expected) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let wanted = min(chunk.count, limit + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes += chunk[..<count]
        }
        if bytes.count > limit { throw refuse(bytes.count) }
        return bytes
    }
}
