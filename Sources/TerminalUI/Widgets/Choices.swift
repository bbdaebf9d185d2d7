/// Moves a highlight over `count` choices with the arrow keys. Shared by radio groups
/// and open dropdowns.
func moveHighlight(_ highlighted: inout Int, count: Int, for key: Key) -> Bool {
    switch key {
    case .up, .left: highlighted = max(0, highlighted - 1)
    case .down, .right: highlighted = min(count - 1, highlighted + 1)
    case .home: highlighted = 0
    case .end: highlighted = count - 1
    default: return false
    }
    return true
}
