/// Colours one line of JSON: keys (a string followed by `:`), strings, numbers and the
/// literals `true`, `false`, `null`. JSON strings cannot span lines, so no state is needed.
enum JSONLexer {
    static func tokens(for line: String) -> [SyntaxToken] {
        let characters = Array(line)
        var tokens: [SyntaxToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\"" {
                let end = ScalarKind.quotedEnd(in: characters, from: index)
                var next = end
                while next < characters.count, characters[next] == " " { next += 1 }
                let isKey = next < characters.count && characters[next] == ":"
                tokens.append(SyntaxToken(range: index..<end, style: isKey ? .syntaxKey : .syntaxString))
                index = end
            } else if character == "-" || character.isASCII && character.isNumber {
                var end = index + 1
                while end < characters.count, isNumberPart(characters[end]) { end += 1 }
                tokens.append(SyntaxToken(range: index..<end, style: .syntaxNumber))
                index = end
            } else if character.isLetter {
                var end = index + 1
                while end < characters.count, characters[end].isLetter { end += 1 }
                if literals.contains(String(characters[index..<end])) {
                    tokens.append(SyntaxToken(range: index..<end, style: .syntaxNumber))
                }
                index = end
            } else {
                index += 1
            }
        }
        return tokens
    }

    private static let literals: Set<String> = ["true", "false", "null"]

    private static func isNumberPart(_ character: Character) -> Bool {
        (character.isASCII && character.isNumber) || "+-.eE".contains(character)
    }
}
