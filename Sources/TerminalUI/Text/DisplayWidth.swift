/// Widths and truncation in terminal cells, measured on the visible (sanitised) form of
/// the text: what these functions return is exactly what a surface draws.
extension String {
    /// The number of terminal cells this text takes once drawn (CJK and most emoji count
    /// 2, escapes count their escaped length).
    package var displayWidth: Int {
        VisibleText.clusters(self).reduce(0) { $0 + $1.width }
    }

    /// The visible form of this text cut to at most `width` cells. A wide character that
    /// would straddle the edge is replaced by a space, so the result is exactly `width`
    /// cells whenever the text was wider.
    package func truncated(toWidth width: Int) -> String {
        Self.fit(VisibleText.clusters(self), width: width).map(\.text).joined()
    }

    /// Like `truncated(toWidth:)`, but ends with `…` when something was cut.
    package func truncatedWithEllipsis(toWidth width: Int) -> String {
        let clusters = VisibleText.clusters(self)
        guard width > 0 else { return "" }
        if clusters.reduce(0, { $0 + $1.width }) <= width {
            return clusters.map(\.text).joined()
        }
        return Self.fit(clusters, width: width - 1).map(\.text).joined() + "…"
    }

    /// The visible form of this text cut or padded with spaces to exactly `width` cells.
    package func padded(toWidth width: Int) -> String {
        let fitted = Self.fit(VisibleText.clusters(self), width: width)
        let used = fitted.reduce(0) { $0 + $1.width }
        return fitted.map(\.text).joined() + String(repeating: " ", count: max(0, width - used))
    }

    /// The longest prefix of `clusters` that fits in `width`, plus a space when a wide
    /// character had to be left out with one cell to spare.
    static func fit(_ clusters: [DisplayCluster], width: Int) -> [DisplayCluster] {
        var result: [DisplayCluster] = []
        var used = 0
        for cluster in clusters {
            if used + cluster.width > width {
                if used < width { result.append(.space) }
                break
            }
            result.append(cluster)
            used += cluster.width
        }
        return result
    }
}
