import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// A cluster's long first list on screen while its pages arrive: the first rows in NAME
/// order at once, a title that never looks whole ("loading 3 of ~10,000" and a bar), other
/// sorts waiting and saying so, a filter that says it saw only the loaded rows.
struct LoadingScreenTests {
    static func rows(_ count: Int) -> [ServiceSummary] {
        (0..<count).map { index in
            ServiceSummary(manifest: .mapping([
                "metadata": .mapping(["name": .string("svc-\(String(format: "%05d", index))"), "namespace": .string("big")]),
                "spec": .mapping(["ports": .sequence([.mapping(["port": .int(80 + index % 3)])])]),
            ]))
        }
    }

    static func state(_ language: Language = .en, scope: NamespaceScope = .named("big")) -> AppState {
        var state = AppState(text: UIText(language), backend: BackendInfo(kind: .cluster, location: "bench (https://10.0.0.1:6443)"),
                             readOnly: false, size: TerminalSize(columns: 100, rows: 24), scope: scope, exportFolder: ".")
        _ = state.update(.store(scope, .loading(rows(500), expected: 10_000)))
        return state
    }

    @Test func theFirstPageShowsAtOnceAndTheTitleSaysHowMuchIsLoaded() {
        var state = Self.state()
        let lines = ShopScreens.render(state).lines
        #expect(lines[0].hasSuffix("loading 500 of ~10,000 [----------]"), "\(lines[0])")
        #expect(!lines[0].contains("500 services"), "a partial count never looks whole")
        #expect(lines[2].hasPrefix(">svc-00000"))
        #expect(lines[21].contains("svc-00019"))

        _ = state.update(.store(.named("big"), .loading(Self.rows(5_000), expected: 10_000)))
        #expect(ShopScreens.render(state).lines[0].hasSuffix("loading 5,000 of ~10,000 [#####-----]"))

        _ = state.update(.store(.named("big"), .reset(Self.rows(10_000))))
        let whole = ShopScreens.render(state).lines
        #expect(whole[0].hasSuffix("10000 services"), "\(whole[0])")
        #expect(!whole.joined().contains("loading"))
    }

    @Test func anotherSortWaitsForTheWholeListAndActsOnNothingUnseen() {
        var state = Self.state()
        let effects = state.update(.key(.character("s")))
        #expect(effects.isEmpty)
        let lines = ShopScreens.render(state).lines
        #expect(lines[2].contains("Sorted by TYPE: the rows show when all are loaded (500 of ~10,000 so far)."), "\(lines[2])")
        #expect(!lines.joined().contains("svc-0"), "no rows in an order they are not in")
        #expect(state.update(.key(.enter)).isEmpty, "Enter opens no service the user cannot see")
        #expect(state.overlay == nil)
        ShopScreens.press([.ctrl("d")], on: &state)
        #expect(state.overlay == nil, "nothing unseen is offered for deletion")

        // Back to NAME: the loaded rows show again.
        for _ in 0..<(ListScreen.sortColumns(allNamespaces: false).count - 1) { ShopScreens.press([.character("s")], on: &state) }
        #expect(state.list.services.sortColumn == .name)
        #expect(ShopScreens.render(state).lines[2].hasPrefix(">svc-00000"))
        // Reversed NAME is not the API's order either.
        ShopScreens.press([.character("S")], on: &state)
        #expect(ShopScreens.render(state).lines[2].contains("Sorted by NAME"))

        _ = state.update(.store(.named("big"), .reset(Self.rows(10_000))))
        #expect(state.list.services.row(at: 0).name == "svc-09999", "the whole list, reversed")
        #expect(state.list.services.selected?.name == "svc-00000", "the selection stays on its service")
    }

    @Test func allNamespacesComeInNamespaceOrderSoEvenNameWaits() {
        let state = Self.state(scope: .all)
        #expect(ShopScreens.render(state).lines[2].contains("Sorted by NAME: the rows show when all are loaded"))
    }

    @Test func aFilterWhileLoadingSaysItSawOnlyTheLoadedRows() {
        var state = Self.state()
        ShopScreens.press([.character("/")] + "svc-0001".map { Key.character($0) } + [.enter], on: &state)
        let lines = ShopScreens.render(state).lines
        #expect(lines[22].hasSuffix("10 of the 500 loaded so far match"), "\(lines[22])")
        _ = state.update(.store(.named("big"), .reset(Self.rows(10_000))))
        #expect(ShopScreens.render(state).lines[22].hasSuffix("10 of 10000 match"))
    }

    @Test func aLateFirstPageDoesNotUndoAWholeList() {
        var state = Self.state()
        _ = state.update(.store(.named("big"), .reset(Self.rows(10_000))))
        _ = state.update(.store(.named("big"), .loading(Self.rows(500), expected: 10_000)))
        #expect(state.list.progress == nil)
        #expect(state.list.services.rows.count == 10_000)
    }

    @Test func chineseSaysTheSame() {
        var state = Self.state(.zh)
        #expect(ShopScreens.render(state).lines[0].hasSuffix("正在加载 500 / 约 10,000 [----------]"))
        ShopScreens.press([.character("s")], on: &state)
        #expect(ShopScreens.render(state).lines[2].contains("全部加载后显示（已加载 500 / 约 10,000）"))
    }
}
