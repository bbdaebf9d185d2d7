#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's home folder and folder checks, straight from the C library.
package enum LocalPaths {
    /// The home folder as Foundation's `NSHomeDirectory()` finds it: `$HOME`, else the
    /// password database's entry for the user, else `/`.
    package static var home: String {
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir { return String(cString: directory) }
        return "/"
    }

    /// Whether `path` is a folder, or a link to one.
    package static func isFolder(_ path: String) -> Bool {
        FileSystem.status(path)?.kind == .directory
    }
}
