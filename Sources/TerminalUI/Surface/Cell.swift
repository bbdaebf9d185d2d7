/// One terminal cell.
public struct Cell: Hashable, Sendable {
    /// What is shown: a grapheme, or "" for the right half of a wide character.
    public internal(set) var text: String
    /// 1, 2 for a wide character, 0 for the cell a wide character spills into.
    public internal(set) var width: Int
    public internal(set) var style: Style

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
    public static let blank = Cell(.space, style: .normal)

    public var isContinuation: Bool { width == 0 }
}
