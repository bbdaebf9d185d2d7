/// A modal box with a message and buttons, drawn centred over the screen.
///
/// Left/Right or Tab/Shift-Tab move between buttons, Enter presses one, Esc cancels.
/// The confirm-by-typing variant adds a field: its confirm button only works once the
/// expected text (a service name) was typed exactly.
public struct Dialog: Hashable, Sendable {
    /// What a key did to the dialog.
    public enum Response: Hashable, Sendable {
        /// Not a dialog key; the dialog still keeps the focus.
        case ignored
        case handled
        /// The button at this index was pressed.
        case pressed(Int)
        case cancelled
    }

    public var title: String
    public var message: String
    public var buttons: [String]
    public private(set) var focusedButton: Int
    /// The field of the confirm-by-typing variant.
    public private(set) var typed: TextField?
    /// What must be typed before `confirmButton` works.
    public let expectedText: String?
    public let confirmButton: Int?

    public init(title: String, message: String, buttons: [String], focusedButton: Int = 0) {
        self.init(title: title, message: message, buttons: buttons, focusedButton: focusedButton,
                  typed: nil, expectedText: nil, confirmButton: nil)
    }

    /// A dialog whose `confirm` button (the last) works only after `expected` was typed.
    /// The focus starts on `cancel`, so Enter alone never confirms.
    public static func confirmByTyping(title: String, message: String, expected: String,
                                       confirm: String, cancel: String) -> Dialog {
        Dialog(title: title, message: message, buttons: [cancel, confirm], focusedButton: 0,
               typed: TextField(), expectedText: expected, confirmButton: 1)
    }

    private init(title: String, message: String, buttons: [String], focusedButton: Int,
                 typed: TextField?, expectedText: String?, confirmButton: Int?) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = max(0, min(focusedButton, buttons.count - 1))
        self.typed = typed
        self.expectedText = expectedText
        self.confirmButton = confirmButton
    }

    /// True when nothing has to be typed or the typed text matches.
    public var isConfirmationTyped: Bool {
        guard let expectedText else { return true }
        return typed?.text == expectedText
    }

    public mutating func handle(_ key: Key) -> Response {
        switch key {
        case .escape:
            return .cancelled
        case .tab, .right where typed == nil:
            focusedButton = (focusedButton + 1) % max(1, buttons.count)
        case .backTab, .left where typed == nil:
            focusedButton = (focusedButton + max(1, buttons.count) - 1) % max(1, buttons.count)
        case .enter:
            if focusedButton == confirmButton, !isConfirmationTyped { return .handled }
            return .pressed(focusedButton)
        default:
            guard typed?.handle(key) == true else { return .ignored }
        }
        return .handled
    }

    /// Draws the dialog centred in `area` (the whole surface by default), as wide as the
    /// message needs up to 60 cells.
    public func draw(on surface: some Surface, in area: Rect? = nil) {
        let bounds = area ?? surface.bounds
        let buttonsText = buttons.map { "[ \($0) ]" }.joined(separator: "  ")
        let innerWidth = min(max(40, buttonsText.displayWidth), bounds.width - 4)
        let lines = message.wrapped(toWidth: innerWidth)
        let fieldRows = typed == nil ? 0 : 2
        let box = bounds.centered(width: innerWidth + 4, height: lines.count + fieldRows + 4)
        surface.fill(box)
        surface.drawBox(box, title: title)
        let inside = box.insetBy(dx: 2, dy: 1)
        for (index, line) in lines.enumerated() where index < inside.height - 2 - fieldRows {
            surface.draw(line, at: Point(column: inside.column, row: inside.row + index), maxWidth: inside.width)
        }
        if let typed {
            typed.draw(on: surface, in: inside.row(inside.height - 3), focused: true)
        }
        drawButtons(on: surface, row: inside.maxRow - 1, in: inside)
    }

    private func drawButtons(on surface: some Surface, row: Int, in inside: Rect) {
        let total = buttons.map { $0.displayWidth + 4 }.reduce(0, +) + 2 * max(0, buttons.count - 1)
        var x = inside.column + max(0, (inside.width - total) / 2)
        for (index, title) in buttons.enumerated() {
            let disabled = index == confirmButton && !isConfirmationTyped
            let style: Style = index == focusedButton ? .focused : (disabled ? .muted : .normal)
            x += surface.draw("[ \(title) ]", at: Point(column: x, row: row), maxWidth: inside.maxColumn - x, style: style) + 2
        }
    }
}
