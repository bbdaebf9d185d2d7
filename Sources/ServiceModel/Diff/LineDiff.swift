/// A line diff in unified form, for showing what a save will change. Myers' algorithm,
/// linear in the size of the change for the small manifests svcwiz edits.
package enum LineDiff {
    package enum Line: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Every line of both texts, marked as kept, removed or added.
    package static func lines(from old: String, to new: String) -> [Line] {
        let a = split(old), b = split(new)
        let n = a.count, m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n, y >= m {
                    found = true
                    break
                }
            }
            if found { break }
        }
        // Walk the trace back from the end to recover the edit script.
        var result: [Line] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? k + 1 : k - 1
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                result.append(.same(a[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    result.append(.added(b[y - 1]))
                } else {
                    result.append(.removed(a[x - 1]))
                }
            }
            x = previousX
            y = previousY
        }
        return result.reversed()
    }

    /// The changed lines with `context` kept lines around each change, `@@` hunk headers
    /// between groups, as `diff -u` prints them.
    package static func unified(from old: String, to new: String, context: Int = 3) -> [Line] {
        let all = lines(from: old, to: new)
        let changed = all.indices.filter { if case .same = all[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var keep = Set<Int>()
        for index in changed {
            for i in max(0, index - context)...min(all.count - 1, index + context) { keep.insert(i) }
        }
        var result: [Line] = []
        var last = -2
        for index in keep.sorted() {
            if index != last + 1 { result.append(.same("@@")) }
            result.append(all[index])
            last = index
        }
        return result
    }

    private static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
