import Foundation
import Testing

/// The keymap documents are `svcwiz keys --format markdown`, committed: regenerate them with
/// `docs/make.sh` whenever a key table or its words change.
@Suite(.serialized)
struct DocsKeymapTests {
    @Test(arguments: [("en", "docs/en/keymap.md"), ("zh", "docs/zh/keymap.md")])
    func keymapDocumentIsTheKeysCommandsOutput(language: String, path: String) async throws {
        let result = try await SvcWizBinary.run(["keys", "--lang", language, "--format", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: ProjectPaths.root.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == result.stdout, "\(path) is out of date: run docs/make.sh")
    }

    @Test func keysCoversEveryTableInBothFormats() async throws {
        let text = try await SvcWizBinary.run(["keys", "--lang", "en"])
        #expect(text.status == 0)
        for heading in ["Everywhere", "Service list", "Service detail", "Create wizard", "Editor pane"] {
            #expect(text.stdout.contains(heading), "\(heading)")
        }
        for keys in ["^C", "Enter", "^W", "F2/^E", "F3/^T", "^D ¹"] {
            #expect(text.stdout.contains(keys), "\(keys)")
        }
        let chinese = try await SvcWizBinary.run(["keys", "--lang", "zh", "--format", "markdown"])
        #expect(chinese.stdout.contains("## 服务列表"))
        #expect(chinese.stdout.contains("| `^W` | 指定工作负载 |"))
        let bad = try await SvcWizBinary.run(["keys", "--lang", "fr"])
        #expect(bad.status != 0)
    }
}

/// The shell completion scripts in docs/completions are the binary's own.
@Suite(.serialized)
struct DocsCompletionTests {
    @Test(arguments: [("bash", "docs/completions/svcwiz.bash"), ("zsh", "docs/completions/_svcwiz"),
                      ("fish", "docs/completions/svcwiz.fish")])
    func completionScriptIsUpToDate(shell: String, path: String) async throws {
        let result = try await SvcWizBinary.run(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        let committed = try String(contentsOf: ProjectPaths.root.appendingPathComponent(path), encoding: .utf8)
        #expect(committed == result.stdout, "\(path) is out of date: run docs/make.sh")
        #expect(result.stdout.contains("keys"))
    }

    @Test func versionPrints() async throws {
        let result = try await SvcWizBinary.run(["--version"])
        #expect(result.status == 0)
        // "0.1.0 (commit 3f2a9c1b7d4e)"; a test build is not stamped by scripts/dist.sh.
        let words = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
        #expect(words.first?.split(separator: ".").count == 3)
        #expect(words.dropFirst().joined(separator: " ") == "(commit unknown)")
    }
}
