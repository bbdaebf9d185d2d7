import Testing
@testable import TerminalUI

@Suite struct EditorHighlighterTests {
    /// The style of each character of `line`, as text per token: `[("name", .syntaxKey)]`.
    private func styled(_ line: String, _ language: EditorLanguage = .yaml) -> [String: Style] {
        let characters = Array(line)
        var result: [String: Style] = [:]
        for token in SyntaxHighlighter.tokens(forLine: line, language: language) {
            result[String(characters[token.range])] = token.style
        }
        return result
    }

    @Test func yamlKeysValuesAndComments() {
        #expect(styled("  port: 8080 # the port") == ["port": .syntaxKey, "8080": .syntaxNumber, "# the port": .syntaxComment])
        #expect(styled("name: \"web # not a comment\"") == ["name": .syntaxKey, "\"web # not a comment\"": .syntaxString])
        #expect(styled("enabled: true") == ["enabled": .syntaxKey, "true": .syntaxNumber])
        #expect(styled("value: ~") == ["value": .syntaxKey, "~": .syntaxNumber])
        #expect(styled("- name: http") == ["name": .syntaxKey])
        #expect(styled("image: nginx:1.25") == ["image": .syntaxKey])
        #expect(styled("'quoted key': 'it''s'") == ["'quoted key'": .syntaxKey, "'it''s'": .syntaxString])
        #expect(styled("url: http://x#y") == ["url": .syntaxKey])
    }

    @Test func yamlDocumentMarkerAndFlowCollections() {
        #expect(styled("---") == ["---": .syntaxKey])
        #expect(styled("ports: [80, \"x\", {a: 1}]") == ["ports": .syntaxKey, "80": .syntaxNumber, "\"x\"": .syntaxString, "a": .syntaxKey, "1": .syntaxNumber])
    }

    @Test func yamlNumbers() {
        for number in ["0", "-12", "3.5", "1e3", "0x1F", "0o17", ".inf"] {
            #expect(styled("v: " + number)[number] == .syntaxNumber, "\(number)")
        }
        for text in ["1.2.3", "10Gi", "-", "e5", "v1"] {
            #expect(styled("v: " + text)[text] == nil, "\(text)")
        }
    }

    @Test func yamlBlockScalarLinesAreStrings() {
        let lines = ["data:", "  script: |", "    echo a: b", "      # not a comment", "", "    done", "  next: 1"]
        let tokens = SyntaxHighlighter.tokens(forLines: 0..<lines.count, of: lines, language: .yaml)
        #expect(tokens[2] == [SyntaxToken(range: 4..<13, style: .syntaxString)])
        #expect(tokens[3] == [SyntaxToken(range: 6..<21, style: .syntaxString)])
        #expect(tokens[5] == [SyntaxToken(range: 4..<8, style: .syntaxString)])
        #expect(tokens[6].first == SyntaxToken(range: 2..<6, style: .syntaxKey))
    }

    @Test func blockScalarIsFoundFromTheLinesAboveTheFirstDrawn() {
        let lines = ["a: >-", "  one", "    two", "  three", "b: 1"]
        let fromMiddle = SyntaxHighlighter.tokens(forLines: 2..<5, of: lines, language: .yaml)
        #expect(fromMiddle[0] == [SyntaxToken(range: 4..<7, style: .syntaxString)])
        #expect(fromMiddle[1] == [SyntaxToken(range: 2..<7, style: .syntaxString)])
        #expect(fromMiddle[2].first?.style == .syntaxKey)
    }

    @Test func jsonKeysStringsNumbersAndLiterals() {
        let line = #"  "port": 8080, "name": "web", "ok": true, "x": null, "f": -1.5e3"#
        #expect(styled(line, .json) == [
            "\"port\"": .syntaxKey, "8080": .syntaxNumber, "\"name\"": .syntaxKey, "\"web\"": .syntaxString,
            "\"ok\"": .syntaxKey, "true": .syntaxNumber, "\"x\"": .syntaxKey, "null": .syntaxNumber,
            "\"f\"": .syntaxKey, "-1.5e3": .syntaxNumber,
        ])
    }
}
