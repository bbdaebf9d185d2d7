/// Terminal cells per character, measured the way a surface draws it (escapes such as
/// `\t` included), so the cursor always lands where the character was drawn.
extension Character {
    var cellWidth: Int {
        // Printable ASCII is nearly all of a manifest: skip the wcwidth lookup.
        if let ascii = asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return VisibleText.clusters(String(self)).reduce(0) { $0 + $1.width }
    }

    /// Letters, digits and `_`: what word jumps skip over as one word.
    var isWordCharacter: Bool {
        isLetter || isNumber || self == "_"
    }
}

extension StringProtocol {
    /// The cells taken by the first `count` characters.
    func cellWidth(ofPrefix count: Int) -> Int {
        var width = 0
        for character in prefix(count) { width += character.cellWidth }
        return width
    }

    /// The character that covers cell `cell` (the start of a wide character when the
    /// cell is its right half), or the character count when the line is shorter.
    func characterIndex(atCell cell: Int) -> Int {
        var width = 0
        var index = 0
        for character in self {
            let next = width + character.cellWidth
            if next > cell { return index }
            width = next
            index += 1
        }
        return index
    }

    /// The number of leading spaces.
    var indentation: Int {
        var count = 0
        for byte in utf8 {
            guard byte == 0x20 else { break }
            count += 1
        }
        return count
    }
}
