import Foundation
import Testing
import ServiceModel
import TerminalUI
@testable import SvcWizApp

struct ListScreenTests {
    @Test func listAt80x24ShowsTitleHeaderRowsAndFooter() async throws {
        let screen = ShopScreens.render(try await ShopScreens.listState())
        let lines = screen.lines
        #expect(lines[0].hasPrefix(" svcwiz  workspace /work/shop  ns: shop"))
        #expect(lines[0].hasSuffix("9 services"))
        #expect(lines[1].hasPrefix(" NAME ▲"))
        for header in ["TYPE", "CLUSTER-IP", "EXTERNAL", "PORTS", "BACK"] { #expect(lines[1].contains(header)) }
        #expect(!lines[1].contains("SELECTOR"), "SELECTOR is dropped first at 80 columns")
        #expect(lines[2].hasPrefix(">cart "))
        #expect(lines.contains { $0.hasPrefix(" frontend (前端)") && $0.contains("VirtualIP+Node") })
        #expect(lines[23].contains("Enter open"))
        #expect(lines[23].contains("? help"))
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
    }

    /// The selection is the marker and the NAME cell: a move changes the look of those cells
    /// of two rows and nothing else (the bytes a move costs on the terminal).
    @Test func moveChangesOnlyTheMarkerAndNameCellsOfTwoRows() async throws {
        var state = try await ShopScreens.listState()
        let before = ShopScreens.render(state)
        #expect(before.style(atColumn: 0, row: 2) == .selected)
        #expect(before.style(atColumn: 1, row: 2) == .selected)
        let typeColumn = try #require(before.lines[1].displayColumn(of: "TYPE"))
        #expect(before.style(atColumn: typeColumn, row: 2) == .normal)
        ShopScreens.press([.down], on: &state)
        let after = ShopScreens.render(state)
        var changed = Set<Int>()
        for row in 0..<24 {
            for column in 0..<80 where before.style(atColumn: column, row: row) != after.style(atColumn: column, row: row) {
                changed.insert(row)
                #expect(column < typeColumn, "only marker and NAME cells change look (row \(row), column \(column))")
            }
        }
        #expect(changed == [2, 3])
        #expect(after.style(atColumn: 1, row: 3) == .selected)
    }

    @Test func cjkAliasesKeepTheColumnsAligned() async throws {
        let lines = ShopScreens.render(try await ShopScreens.listState()).lines
        let typeColumn = try #require(lines[1].displayColumn(of: "TYPE"))
        let portsColumn = try #require(lines[1].displayColumn(of: "PORTS"))
        for line in lines[2..<11] {
            let type = ["VirtualIP", "Headless", "ExternalName"].compactMap { line.displayColumn(of: $0) }.min()
            #expect(type == typeColumn, "\(line)")
            #expect(line.displayWidth <= 80)
        }
        let frontend = try #require(lines.first { $0.contains("前端") })
        #expect(frontend.displayColumn(of: "http:80/TCP") == portsColumn)
    }

    @Test func wideTerminalShowsEveryColumn() async throws {
        let lines = ShopScreens.render(try await ShopScreens.listState(columns: 120, rows: 40)).lines
        for header in ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL", "PORTS", "BACKENDS", "SELECTOR", "AGE"] {
            #expect(lines[1].contains(header), "\(header)")
        }
        #expect(lines.contains { $0.contains("legacy-payments") && $0.contains("app=payment") })
        #expect(lines[39].contains("Enter open"))
    }

    @Test func allNamespacesAddsTheNamespaceColumn() async throws {
        let lines = ShopScreens.render(try await ShopScreens.listState(columns: 120, rows: 40, scope: .all)).lines
        #expect(lines[1].hasPrefix(" NAMESPACE"))
        #expect(lines[0].contains("ns: all"))
    }

    @Test func filterNarrowsOnEveryKeyAndSaysHowManyMatch() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character("/"), .character("c"), .character("a"), .character("t")], on: &state)
        let lines = ShopScreens.render(state).lines
        #expect(lines[2].hasPrefix(">catalog (商品目录)"))
        #expect(lines[3].isEmpty)
        #expect(lines[22].hasPrefix(" /cat"))
        #expect(lines[22].hasSuffix("1 of 9 match"))
        ShopScreens.press([.escape], on: &state)
        #expect(state.list.visible.count == 9)
    }

    @Test func labelTermsFilterByLabel() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character("/")] + "tier=web".map { Key.character($0) } + [.enter], on: &state)
        #expect(state.list.visible.map { state.list.rows[$0].name } == ["frontend"])
        #expect(ShopScreens.render(state).lines[22].hasSuffix("1 of 9 match"))
    }

    @Test func sortIsMarkedInTheHeaderAndReverses() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character("s")], on: &state)
        var lines = ShopScreens.render(state).lines
        #expect(lines[1].contains("TYPE ▲"))
        #expect(!lines[1].contains("NAME ▲"))
        ShopScreens.press([.character("S")], on: &state)
        lines = ShopScreens.render(state).lines
        #expect(lines[1].contains("TYPE ▼"))
        #expect(lines[2].contains("ExternalName"))
    }

    @Test func marksShowAStarAndDeleteSaysHowManyAreHidden() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character(" "), .character(" ")], on: &state)
        ShopScreens.press([.character("/"), .character("m"), .character("y"), .enter, .ctrl("d")], on: &state)
        let text = ShopScreens.render(state).text
        #expect(text.contains("Delete 2 services: cart, catalog?"))
        #expect(text.contains("2 of them are hidden by the filter."))
        // The Ctrl-D that opened the dialog was the first press; the second deletes.
        let effects = state.update(.key(.ctrl("d")))
        let rows = state.list.rows.filter { ["cart", "catalog"].contains($0.name) }
        #expect(effects == [.delete(rows.map(DeletionTarget.init(row:)))], "each with the version its row shows")
        #expect(rows.count == 2 && rows.allSatisfy { $0.version != nil })
    }

    @Test func readOnlyHasNoDeleteKey() async throws {
        var state = try await ShopScreens.listState(readOnly: true)
        #expect(!KeyMap.list(readOnly: true).contains { $0.action == .delete })
        #expect(state.update(.key(.ctrl("d"))).isEmpty)
        #expect(state.overlay == nil)
        #expect(!ShopScreens.render(state).lines[23].contains("delete"))
        #expect(ShopScreens.render(state).lines[0].contains("[read-only]"))
    }

    @Test func tooSmallTerminalShowsANotice() async throws {
        let state = try await ShopScreens.listState(columns: 59, rows: 16)
        let text = ShopScreens.render(state).text
        #expect(text.contains("Terminal too small: 59x16"))
        #expect(!text.contains("NAME"))
        let fits = ShopScreens.render(try await ShopScreens.listState(columns: 60, rows: 16)).text
        #expect(fits.contains("NAME"))
    }

    @Test func selectionStaysVisibleInMonochrome() async throws {
        let state = try await ShopScreens.listState()
        let screen = ShopScreens.render(state)
        let look = screen.appearance(atColumn: 3, row: 2, theme: .monochrome)
        #expect(look.attributes.contains(.reverse))
        #expect(!screen.appearance(atColumn: 3, row: 3, theme: .monochrome).attributes.contains(.reverse))
    }

    @Test func helpListsTheKeysOfTheTable() async throws {
        var state = try await ShopScreens.listState(columns: 80, rows: 40)
        ShopScreens.press([.character("?")], on: &state)
        let text = ShopScreens.render(state).text
        for binding in KeyMap.list(readOnly: false) + KeyMap.global {
            #expect(text.contains(binding.keyNames), "\(binding.keyNames)")
        }
        ShopScreens.press([.escape], on: &state)
        #expect(state.overlay == nil)
    }

    @Test func namespaceChooserSwitchesToAll() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character("n")], on: &state)
        #expect(ShopScreens.render(state).text.contains("Namespace (project)"))
        ShopScreens.press([.up, .up, .up], on: &state)
        let effects = state.update(.key(.enter))
        #expect(state.scope == .all)
        #expect(effects.contains(.watch(.all)))
    }

    @Test func commandLineSwitchesNamespaceAndQuits() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.character(":")] + "ns default".map { Key.character($0) }, on: &state)
        #expect(state.update(.key(.enter)).contains(.watch(.named("default"))))
        ShopScreens.press([.character(":"), .character("q")], on: &state)
        #expect(state.update(.key(.enter)) == [.quit])
    }

    @Test func backendErrorsKeepTheRowsWithTheError() async throws {
        var state = try await ShopScreens.listState()
        _ = state.update(.servicesLoaded(.named("shop"), .failure(.unreachable(message: "connection refused"))))
        let lines = ShopScreens.render(state).lines
        #expect(lines.contains { $0.hasPrefix(">cart") })
        #expect(lines[22].contains("connection refused"))
    }

    @Test func liveUpdatesDoNotMoveTheSelection() async throws {
        var state = try await ShopScreens.listState()
        ShopScreens.press([.down, .down], on: &state)
        let selected = state.list.selected?.name
        var added = state.list.rows[0]
        added.name = "aaa-new"
        _ = state.update(.store(.named("shop"), .upserted(added)))
        #expect(state.list.selected?.name == selected)
        #expect(state.list.rows.count == 10)
    }
}
