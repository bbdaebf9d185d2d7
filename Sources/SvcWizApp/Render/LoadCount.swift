import ServiceModel

/// How a list that is still arriving shows its size: counts with thousands grouped, and a
/// bar of how much of it is in.
enum LoadCount {
    /// `10000` as `10,000`: read at a glance next to a count that keeps changing.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value.magnitude))
        var out = value < 0 ? "-" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }

    /// `[###-------]`: the share loaded, in ASCII so every terminal gives it one cell a mark.
    static func bar(_ progress: ListScreen.LoadProgress, width: Int) -> String {
        let share = progress.expected > 0 ? Double(progress.loaded) / Double(progress.expected) : 0
        let filled = min(width, max(0, Int((share * Double(width)).rounded(.down))))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }
}
