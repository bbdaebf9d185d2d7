import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The list and detail screens as models: an action in, commands out, no terminal.
struct ScreenModelTests {
    static let cart = ServiceID(namespace: "shop", name: "cart")

    static func list() -> ListScreen {
        var screen = ListScreen()
        screen.replaceRows(ServiceListModelTests.model().rows, pageSize: 2)
        return screen
    }

    @Test func listMovesAndScrollsToKeepTheSelectionOnScreen() {
        var screen = Self.list()
        #expect(screen.handle(.down, pageSize: 2, allNamespaces: false).isEmpty)
        #expect(screen.handle(.down, pageSize: 2, allNamespaces: false).isEmpty)
        #expect(screen.services.selected?.name == "frontend")
        #expect(screen.scroll == 1)
        _ = screen.handle(.top, pageSize: 2, allNamespaces: false)
        #expect(screen.scroll == 0)
        _ = screen.handle(.bottom, pageSize: 2, allNamespaces: false)
        #expect(screen.services.selected?.name == "mysql")
        #expect(screen.scroll == 2)
    }

    @Test func listAsksTheAppForWhatItCannotDoItself() {
        var screen = Self.list()
        #expect(screen.handle(.open, pageSize: 5, allNamespaces: false) == [.openDetail(Self.cart)])
        #expect(screen.handle(.edit, pageSize: 5, allNamespaces: false) == [.edit(Self.cart)])
        #expect(screen.handle(.export, pageSize: 5, allNamespaces: false) == [.export(Self.cart)])
        #expect(screen.handle(.namespace, pageSize: 5, allNamespaces: false) == [.chooseNamespace])
        #expect(screen.handle(.help, pageSize: 5, allNamespaces: false) == [.global(.help)])
        _ = screen.handle(.mark, pageSize: 5, allNamespaces: false)
        _ = screen.handle(.mark, pageSize: 5, allNamespaces: false)
        let catalog = ServiceID(namespace: "shop", name: "catalog")
        let marked = screen.services.rows.filter { [Self.cart, catalog].contains($0.id) }
        #expect(screen.handle(.delete, pageSize: 5, allNamespaces: false) == [.confirmDelete(marked.map(DeletionTarget.init(row:)), hiddenByFilter: 0)])
    }

    @Test func sortCyclesThroughTheNamespaceColumnOnlyForAllNamespaces() {
        var screen = Self.list()
        _ = screen.handle(.sortNext, pageSize: 5, allNamespaces: false)
        #expect(screen.services.sortColumn == .type)
        #expect(!ListScreen.sortColumns(allNamespaces: false).contains(.namespace))
        #expect(ListScreen.sortColumns(allNamespaces: true).first == .namespace)
    }

    @Test func filterPromptNarrowsAsYouTypeEnterKeepsEscClears() {
        var screen = Self.list()
        _ = screen.handle(.filter, pageSize: 5, allNamespaces: false)
        for character in "cat" { screen.handleFilterKey(.character(character), pageSize: 5) }
        #expect(screen.services.visible.count == 1)
        screen.handleFilterKey(.enter, pageSize: 5)
        #expect(screen.filterInput == nil)
        #expect(screen.services.filter.text == "cat")
        _ = screen.handle(.filter, pageSize: 5, allNamespaces: false)
        #expect(screen.filterInput?.text == "cat")
        screen.handleFilterKey(.escape, pageSize: 5)
        #expect(screen.services.visible.count == 4)
    }

    @Test func filterPromptLetsTheArrowsMoveTheList() {
        var screen = Self.list()
        _ = screen.handle(.filter, pageSize: 5, allNamespaces: false)
        screen.handleFilterKey(.down, pageSize: 5)
        #expect(screen.services.selected?.name == "catalog")
        #expect(screen.filterInput?.text == "")
    }

    @Test func detailScrollsWithinItsContentAndNamesItsService() throws {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: cart, namespace: shop}\nspec:\n  clusterIP: None\n  selector: {app: cart}\n  ports:\n  - port: 80\n"
        let stored = StoredService(manifest: try ManifestReader.objects(yaml)[0], version: "1", location: "x")
        var detail = DetailScreen(Self.cart)
        let size = TerminalSize(columns: 80, rows: 24), text = UIText(.en)
        #expect(detail.handle(.edit, size: size, text: text) == [.edit(Self.cart)])
        detail.data = DetailData(stored: stored, backends: nil)
        #expect(detail.handle(.edit, size: size, text: text) == [.chooseEditStep(Self.cart, headless: true)])
        #expect(detail.handle(.bottom, size: size, text: text).isEmpty)
        let bottom = detail.scroll
        #expect(bottom < 40)
        _ = detail.handle(.up, size: size, text: text)
        #expect(detail.scroll == max(0, bottom - 1))
        #expect(detail.handle(.back, size: size, text: text) == [.backToList])
        #expect(detail.handle(.delete, size: size, text: text) == [.confirmDelete([DeletionTarget(stored: stored)], hiddenByFilter: 0)])
        detail.data = nil
        #expect(detail.handle(.delete, size: size, text: text) == [.confirmDeleteOfRow(Self.cart)])
    }
}
