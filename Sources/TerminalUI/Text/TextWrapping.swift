extension String {
    /// The visible form of this text broken into lines of at most `width` cells: at line
    /// breaks in the text, then between words, and inside words longer than a line.
    package func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            lines += Self.wrap(paragraph: String(paragraph), width: width)
        }
        return lines
    }

    private static func wrap(paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line: [DisplayCluster] = []
        var lineWidth = 0
        for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            var clusters = VisibleText.clusters(String(word))
            var wordWidth = clusters.reduce(0) { $0 + $1.width }
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line.append(.space)
                line += clusters
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line.map(\.text).joined())
                line = []
                lineWidth = 0
            }
            while wordWidth > width {
                let taken = Swift.max(1, countFitting(clusters, width: width))
                lines.append(clusters.prefix(taken).map(\.text).joined())
                clusters.removeFirst(taken)
                wordWidth = clusters.reduce(0) { $0 + $1.width }
            }
            line = clusters
            lineWidth = wordWidth
        }
        lines.append(line.map(\.text).joined())
        return lines
    }

    /// How many leading clusters fit in `width` cells whole.
    private static func countFitting(_ clusters: [DisplayCluster], width: Int) -> Int {
        var used = 0
        for (index, cluster) in clusters.enumerated() {
            used += cluster.width
            if used > width { return index }
        }
        return clusters.count
    }
}
