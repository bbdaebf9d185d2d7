#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Temp files left by writers that were killed between creating their temp file and
/// renaming it (`AtomicFileWriter`): removed when a workspace opens, once older than a
/// minute, so a writer still at work in another process keeps its own.
enum StaleTemporaries {
    /// How old a temp file must be to count as abandoned: a write takes milliseconds.
    static let age = 60

    /// Removes those of `paths` that are regular files older than `age` seconds; returns
    /// the paths removed.
    @discardableResult
    static func remove(_ paths: [String], now: Int = time(nil)) -> [String] {
        paths.filter { path in
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return false }
            #if canImport(Darwin)
            let modified = Int(info.st_mtimespec.tv_sec)
            #else
            let modified = Int(info.st_mtim.tv_sec)
            #endif
            return now - modified > age && unlink(path) == 0
        }
    }

    /// The same for the writer's temp files directly inside `directory` (the index cache's).
    @discardableResult
    static func remove(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        var paths: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if AtomicFileWriter.isTemporaryName(Substring(name)) { paths.append(directory + "/" + name) }
        }
        closedir(handle)
        return remove(paths)
    }
}
