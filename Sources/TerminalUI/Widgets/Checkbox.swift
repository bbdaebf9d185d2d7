/// An on/off choice: `[x] label`. Space or Enter toggles it.
public struct Checkbox: Hashable, Sendable {
    public var label: String
    public var isOn: Bool

    public init(_ label: String, isOn: Bool = false) {
        self.label = label
        self.isOn = isOn
    }

    public mutating func handle(_ key: Key) -> Bool {
        guard key == .character(" ") || key == .enter else { return false }
        isOn.toggle()
        return true
    }

    public func draw(on surface: some Surface, in rect: Rect, focused: Bool) {
        surface.draw((isOn ? "[x] " : "[ ] ") + label, at: rect.origin, maxWidth: rect.width,
                     style: focused ? .focused : .normal)
    }
}
