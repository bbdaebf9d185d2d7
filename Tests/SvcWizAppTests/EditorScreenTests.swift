import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The editor screen's model alone: which keys ask for a check, and what a check's
/// outcome does, including the outcomes that come too late to be true.
struct EditorScreenTests {
    static let rules = RuleSet(wizardRules: true, profile: RulesProfile(.newest), serviceIPFamilies: ["IPv4"])

    static func screen(_ text: String? = nil) throws -> EditorScreen {
        let wizard = WizardState.edit(try EditorModeTests.stored(EditorModeTests.webYAML), step: .basicInfo, usedNodePorts: [:])
        return EditorScreen(wizard: wizard, text: text)
    }

    /// The check a command list asks for.
    static func check(in commands: [EditorScreenCommand]) -> EditorCheck? {
        for case .check(let check) in commands { return check }
        return nil
    }

    @Test func leavingSavingAndConvertingAskForACheckOfTheTextOnScreen() throws {
        for (key, purpose) in [(Key.function(2), EditorCheck.Purpose.leave), (.escape, .leave), (.ctrl("s"), .save), (.function(3), .convert)] {
            var screen = try Self.screen()
            let commands = screen.handle(key, rules: Self.rules)
            let check = try #require(Self.check(in: commands), "\(key)")
            #expect(check.purpose == purpose)
            #expect(check.text == screen.editor.text)
            #expect(check.generation == screen.editor.buffer.revision)
            #expect(check.base == screen.wizard.base)
            #expect(screen.isChecking)
            #expect(screen.wizard.draft.name == "web", "nothing leaves before the outcome")
        }
    }

    @Test func movingTheCursorKeepsTheCheckButTypingMakesItStale() throws {
        var screen = try Self.screen()
        let check = try #require(Self.check(in: screen.handle(.ctrl("s"), rules: Self.rules)))
        _ = screen.handle(.down, rules: Self.rules)
        _ = screen.handle(.end, rules: Self.rules)
        #expect(screen.isChecking, "a move does not change the text")
        _ = screen.handle(.character("x"), rules: Self.rules)
        #expect(!screen.isChecking)
        let markersBefore = screen.editor.markers
        #expect(screen.apply(check.run(), language: .en).isEmpty, "an outcome for older text does nothing")
        #expect(screen.editor.markers == markersBefore)
    }

    @Test func aNewerCheckReplacesTheOneInFlight() throws {
        var screen = try Self.screen()
        let first = try #require(Self.check(in: screen.handle(.ctrl("s"), rules: Self.rules)))
        let second = try #require(Self.check(in: screen.handle(.function(2), rules: Self.rules)))
        #expect(screen.apply(first.run(), language: .en).isEmpty)
        #expect(screen.isChecking)
        let commands = screen.apply(second.run(), language: .en)
        guard case .toForm(let wizard, invalid: 0)? = commands.first else {
            Issue.record("\(commands)")
            return
        }
        #expect(wizard.draft.name == "web")
        #expect(!screen.isChecking)
    }

    @Test func aParseErrorIsMarkedAndTheCursorPutOnIt() throws {
        var screen = try Self.screen("apiVersion: v1\nkind: Service\nmetadata:\n  name: [web\n")
        let check = try #require(Self.check(in: screen.handle(.escape, rules: Self.rules)))
        let commands = screen.apply(check.run(), language: .en)
        guard case .show(.problem(.parse(let error)), .error)? = commands.first else {
            Issue.record("\(commands)")
            return
        }
        #expect(screen.editor.markers[error.line] != nil)
        #expect(screen.editor.cursorLineNumber == error.line)
    }

    @Test func aSaveWithFieldErrorsStaysWithTheErrorsMarked() throws {
        var screen = try Self.screen(EditorScreen.text(of: try EditorModeTests.stored(EditorModeTests.webYAML).manifest, language: .yaml)
            .replacingOccurrences(of: "port: 80", with: "port: 80000"))
        let check = try #require(Self.check(in: screen.handle(.ctrl("s"), rules: Self.rules)))
        let outcome = check.run()
        #expect(outcome.errorCount > 0)
        let commands = screen.apply(outcome, language: .en)
        guard case .show(.invalid(outcome.errorCount), .error)? = commands.first else {
            Issue.record("\(commands)")
            return
        }
        let line = try #require(screen.editor.text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("80000") }) + 1
        #expect(screen.editor.markers[line]?.contains("65535") == true, "\(screen.editor.markers)")
    }

    @Test func aValidSaveGoesToTheFormItBecomes() throws {
        var screen = try Self.screen()
        let check = try #require(Self.check(in: screen.handle(.ctrl("s"), rules: Self.rules)))
        guard case .save(let wizard)? = screen.apply(check.run(), language: .en).first else {
            Issue.record("no save")
            return
        }
        #expect(wizard.source?.text == screen.editor.text, "the text as typed is the document to write")
    }

    @Test func convertingCommentedYAMLAsksFirstThenConvertsWhenTheCheckComesBack() throws {
        var screen = try Self.screen("# note\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n")
        let asked = screen.handle(.function(3), rules: Self.rules)
        guard case .show(.commentsLost, .warning)? = asked.first else {
            Issue.record("\(asked)")
            return
        }
        #expect(screen.confirmingJSON)
        let check = try #require(Self.check(in: screen.handle(.character("y"), rules: Self.rules)))
        #expect(screen.editor.language == .yaml, "converted only when the text is read")
        #expect(screen.apply(check.run(), language: .en).isEmpty)
        #expect(screen.editor.language == .json)
        #expect(screen.editor.text.hasPrefix("{"))
    }

    @Test func openingMarksWarningsAndErrorsButSaysNothingOfAParseError() throws {
        var broken = try Self.screen("kind: [")
        let check = broken.check(.mark, rules: Self.rules)
        #expect(broken.apply(check.run(), language: .en).isEmpty)
        #expect(broken.editor.markers.isEmpty)
        #expect(!broken.isChecking)
    }

    @Test func typingInCreateModeSavesTheDraftWithTheText() {
        var screen = EditorScreen(wizard: WizardState.create(namespace: "shop", usedNodePorts: [:]), text: "")
        let commands = screen.handle(.character("a"), rules: Self.rules)
        guard case .saveDraft(let saved)? = commands.last else {
            Issue.record("\(commands)")
            return
        }
        #expect(saved.editorText == "a")
    }

    @Test(arguments: [Language.en, .zh])
    func everyMessageHasWords(_ language: Language) {
        let text = UIText(language)
        let messages: [EditorMessage] = [
            .notice(.tabRefusedInYAML), .notice(.nothingToUndo), .notice(.nothingToRedo), .notice(.searchWrapped),
            .notice(.notFound("x")), .problem(.notOneObject(2)), .problem(.notAService("Pod")), .commentsLost, .invalid(3),
            .problem(.parse(ManifestParseError(file: nil, line: 2, column: 3, message: "bad"))),
        ]
        for message in messages { #expect(!message.text(text).isEmpty && !message.text(text).contains("{")) }
    }
}
