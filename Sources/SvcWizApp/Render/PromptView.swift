import TerminalUI

/// A prompt on one line: its words, then the text being typed, with the cursor in it.
enum PromptView {
    static func draw(_ label: String, _ prompt: Prompt, on surface: Surface, row: Int, width: Int) {
        surface.draw(label + prompt.text, at: Point(column: 0, row: row), width: width, style: .focused)
        let placement = prompt.field.cursorPlacement(width: width - label.displayWidth)
        surface.cursor = Point(column: min(width - 1, label.displayWidth + placement.column), row: row)
    }
}
