/// One terminal cell.
package struct Cell: Hashable, Sendable {
    /// What is shown: a grapheme, or "" for the right half of a wide character.
    package internal(set) var text: String
    /// 1, 2 for a wide character, 0 for the cell a wide character spills into.
    package internal(set) var width: Int
    package internal(set) var style: Style

    init(_ cluster: DisplayCluster, style: Style) {
        self.text = cluster.text
        self.width = cluster.width
        self.style = style
    }

    init(continuationWith style: Style) {
        self.text = ""
        self.width = 0
        self.style = style
    }

    /// An empty cell in the `normal` style.
    package static let blank = Cell(.space, style: .normal)

    package var isContinuation: Bool { width == 0 }
}
