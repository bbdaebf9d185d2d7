import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The overlays as models: a key in, commands out, no terminal.
struct OverlayModelTests {
    static let web = ServiceID(namespace: "shop", name: "web")

    @Test func chooserMovesWithinItsEntriesChoosesAndCancels() {
        var chooser = Chooser()
        #expect(chooser.handle(.up, count: 3) == .stay)
        #expect(chooser.selection == 0)
        _ = chooser.handle(.character("j"), count: 3)
        _ = chooser.handle(.down, count: 3)
        _ = chooser.handle(.down, count: 3)
        #expect(chooser.selection == 2)
        #expect(chooser.handle(.enter, count: 3) == .chosen(2))
        #expect(chooser.handle(.character("q"), count: 3) == .cancelled)
        #expect(chooser.handle(.escape, count: 3) == .cancelled)
        #expect(chooser.handle(.character("x"), count: 3) == .stay)
    }

    @Test func confirmAnswersYesNoOrWaits() {
        for key in [Key.character("y"), .character("Y"), .enter] { #expect(Confirm.answer(to: key) == true) }
        for key in [Key.character("n"), .character("N"), .escape] { #expect(Confirm.answer(to: key) == false) }
        #expect(Confirm.answer(to: .character("x")) == nil)
    }

    @Test func promptEditsSubmitsCancelsAndAsksForCompletion() {
        var prompt = Prompt("a")
        #expect(prompt.handle(.character("b")) == .edited)
        #expect(prompt.handle(.tab) == .complete("ab"))
        #expect(prompt.handle(.enter) == .submitted("ab"))
        #expect(prompt.handle(.escape) == .cancelled)
        #expect(prompt.handle(.ctrl("n")) == .ignored)
    }

    @Test func namespaceChooserClosesWithTheChosenEntry() {
        var overlay = Overlay.namespaces(Chooser())
        #expect(overlay.handle(.down, choices: 3, text: UIText(.en)).isEmpty)
        #expect(overlay.handle(.enter, choices: 3, text: UIText(.en)) == [.close, .chooseNamespace(1)])
    }

    @Test func deleteNeedsTheKeyAgainOrTheNameTyped() {
        let web = DeletionTarget(Self.web)
        var one = Overlay.confirmDelete(DeleteConfirmation(targets: [web], hiddenByFilter: 0))
        #expect(one.handle(.enter, choices: 0, text: UIText(.en)).isEmpty)
        for character in "web" { _ = one.handle(.character(character), choices: 0, text: UIText(.en)) }
        #expect(one.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .delete([web])])
        let db = DeletionTarget(ServiceID(namespace: "shop", name: "db"))
        var two = Overlay.confirmDelete(DeleteConfirmation(targets: [web, db], hiddenByFilter: 1))
        _ = two.handle(.character("2"), choices: 0, text: UIText(.en))
        #expect(two.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .delete([web, db])])
        var again = Overlay.confirmDelete(DeleteConfirmation(targets: [web], hiddenByFilter: 0))
        #expect(again.handle(.ctrl("d"), choices: 0, text: UIText(.en)) == [.close, .delete([web])])
        #expect(again.handle(.escape, choices: 0, text: UIText(.en)) == [.close])
    }

    @Test func exportPromptSubmitsTheFolderOrTheCurrentOne() {
        var overlay = Overlay.export(Prompt(""), Self.web)
        #expect(overlay.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .export(Self.web, folder: ".")])
        var typed = Overlay.export(Prompt("out"), Self.web)
        #expect(typed.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .export(Self.web, folder: "out")])
    }

    @Test func importPromptCompletesAndNeedsAPath() {
        var overlay = Overlay.importPrompt(Prompt("do"), candidates: [])
        #expect(overlay.handle(.tab, choices: 0, text: UIText(.en)) == [.completePath("do")])
        var empty = Overlay.importPrompt(Prompt(), candidates: [])
        #expect(empty.handle(.enter, choices: 0, text: UIText(.en)).isEmpty)
        #expect(overlay.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .importFile("do")])
    }

    @Test func editChooserOffersNoExternalAccessWhenHeadless() {
        #expect(EditChooser(service: Self.web, headless: true).steps == [.basicInfo, .serviceSettings, .labels])
        var overlay = Overlay.editChooser(EditChooser(service: Self.web, headless: false))
        _ = overlay.handle(.down, choices: 0, text: UIText(.en))
        #expect(overlay.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .edit(Self.web, .serviceSettings)])
    }

    @Test func importChooserImportsTheChosenService() throws {
        let services = try ManifestReader.objects("kind: Service\nmetadata: {name: a}\n---\nkind: Service\nmetadata: {name: b}\n")
        var overlay = Overlay.importChooser(ImportChooser(services: services, path: "f.yaml"))
        _ = overlay.handle(.character("j"), choices: 0, text: UIText(.en))
        #expect(overlay.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .importService(services[1])])
    }

    @Test func diffScrollsWithinItsLinesAndSaves() {
        var overlay = Overlay.diff(DiffPanel([.same("a"), .added("b")]))
        for _ in 0..<5 { _ = overlay.handle(.down, choices: 0, text: UIText(.en)) }
        guard case .diff(let panel) = overlay else { Issue.record("not a diff"); return }
        #expect(panel.scroll == 1)
        #expect(overlay.handle(.ctrl("s"), choices: 0, text: UIText(.en)) == [.close, .saveEdit])
        #expect(overlay.handle(.escape, choices: 0, text: UIText(.en)) == [.close])
    }

    @Test func questionsAndPanelsClose() throws {
        var leave = Overlay.leaveWizard
        #expect(leave.handle(.character("y"), choices: 0, text: UIText(.en)) == [.close, .leaveWizard])
        #expect(leave.handle(.character("n"), choices: 0, text: UIText(.en)) == [.close])
        var overwrite = Overlay.confirmOverwrite(path: "/tmp/x.yaml", Self.web)
        #expect(overwrite.handle(.enter, choices: 0, text: UIText(.en)) == [.close, .overwrite(path: "/tmp/x.yaml", Self.web)])
        let saved = SavedDraft(draft: .empty(namespace: "shop"), step: .labels)
        var resume = Overlay.resumeDraft(saved)
        #expect(resume.handle(.character("r"), choices: 0, text: UIText(.en)) == [.close, .resume(saved)])
        #expect(resume.handle(.character("n"), choices: 0, text: UIText(.en)) == [.close, .startFresh])
        #expect(resume.handle(.escape, choices: 0, text: UIText(.en)) == [.close])
        for key in [Key.escape, .character("q"), .character("?"), .enter, .character("!")] {
            var help = Overlay.help
            #expect(help.handle(key, choices: 0, text: UIText(.en)) == [.close])
        }
        var messages = Overlay.messages
        #expect(messages.handle(.character("x"), choices: 0, text: UIText(.en)).isEmpty)
    }

    @Test func everyOverlayKeyHasWordsInBothLanguages() {
        let tables = [KeyMap.chooser, KeyMap.confirm, KeyMap.prompt, KeyMap.deleteConfirmation, KeyMap.deleteRefusal, KeyMap.diff,
                      KeyMap.conflict, KeyMap.resumeDraft, KeyMap.panel]
        for binding in tables.flatMap({ $0 }) {
            #expect(KeyHelp.english[binding.help] != nil && KeyHelp.chinese[binding.help] != nil, "\(binding.help)")
        }
        for help in KeyHelp.allCases {
            #expect(KeyHelp.english[help] != nil && KeyHelp.chinese[help] != nil, "\(help)")
        }
    }

    @Test func textFillsPlaceholdersInOnePass() {
        #expect(UIText(.en)(.exported, "/tmp/{1}.yaml") == "Wrote /tmp/{1}.yaml")
    }
}
