/// Path arithmetic on strings, as `NSString`'s path methods do it (trailing slashes
/// ignored, `/` its own parent), without linking Foundation's `NSString`.
package enum PathText {
    /// The path without its last component: `/a/b` and `/a/b/` give `/a`, `/a` gives `/`,
    /// `b` gives the empty string.
    package static func parent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return trimmed == "/" ? "/" : "" }
        let parent = withoutTrailingSlashes(String(trimmed[..<slash]))
        return parent.isEmpty ? "/" : parent
    }

    /// The last component: `/a/b` and `/a/b/` give `b`, `/` gives `/`.
    package static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    private static func withoutTrailingSlashes(_ path: String) -> String {
        var result = Substring(path)
        while result.count > 1, result.hasSuffix("/") { result = result.dropLast() }
        return String(result)
    }
}
