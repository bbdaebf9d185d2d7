/// Error markers: `!` in the gutter, the message for the status line.
extension TextEditor {
    /// Replaces the markers: messages by line number from 1 (as parsers report them).
    /// Lines past the end of the text are ignored when drawing.
    package mutating func setMarkers(_ messagesByLineNumber: [Int: String]) {
        markers = messagesByLineNumber
    }

    /// The message of the marker on the cursor's line, for the status line.
    package var markerAtCursor: String? { markers[buffer.cursor.line + 1] }

    /// Keeps markers on their lines when lines are inserted or removed above them; a
    /// marker on a line that was removed goes with it.
    mutating func shiftMarkers(for change: LineChange) {
        guard !markers.isEmpty, change.inserted != change.removed else { return }
        var shifted: [Int: String] = [:]
        for (number, message) in markers {
            let index = number - 1
            if index < change.start {
                shifted[number] = message
            } else if index >= change.start + change.removed {
                shifted[number + change.inserted - change.removed] = message
            } else if index - change.start < change.inserted {
                shifted[number] = message
            }
        }
        markers = shifted
    }
}
