import Foundation
import Testing
import ServiceModel
@testable import SvcWizApp

struct ServiceListModelTests {
    static func summary(_ name: String, alias: String? = nil, labels: [String: String] = [:], ns: String = "shop") -> ServiceSummary {
        var yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(name)\n  namespace: \(ns)\n"
        if !labels.isEmpty {
            yaml += "  labels:\n" + labels.sorted(by: { $0.key < $1.key }).map { "    \($0.key): \($0.value)\n" }.joined()
        }
        if let alias { yaml += "  annotations:\n    kubesphere.io/alias-name: \(alias)\n" }
        yaml += "spec:\n  ports:\n  - port: 80\n"
        return ServiceSummary(manifest: try! ManifestReader.objects(yaml)[0])
    }

    static func model() -> ServiceListModel {
        var model = ServiceListModel()
        model.replaceRows([
            summary("frontend", alias: "前端", labels: ["app": "frontend", "tier": "web"]),
            summary("cart", labels: ["app": "cart", "tier": "api"]),
            summary("catalog", alias: "商品目录", labels: ["app": "catalog", "tier": "api"]),
            summary("mysql", labels: ["app": "mysql"]),
        ])
        return model
    }

    @Test func rowsAreSortedByNameAtFirst() {
        let model = Self.model()
        #expect(model.visible.map { model.rows[$0].name } == ["cart", "catalog", "frontend", "mysql"])
    }

    @Test(arguments: [
        ("cat", ["catalog"]), ("CA", ["cart", "catalog"]), ("前端", ["frontend"]), ("tier=api", ["cart", "catalog"]),
        ("tier!=api", ["frontend", "mysql"]), ("tier=api cat", ["catalog"]), ("web", ["frontend"]), ("zzz", []),
    ])
    func filterMatchesNameAliasAndLabels(text: String, expected: [String]) {
        var model = Self.model()
        model.setFilter(text)
        #expect(model.visible.map { model.rows[$0].name } == expected)
    }

    @Test func typingNarrowsAndDeletingWidensAgain() {
        var model = Self.model()
        for prefix in ["c", "ca", "cat"] { model.setFilter(prefix) }
        #expect(model.visible.count == 1)
        model.setFilter("ca")
        #expect(model.visible.count == 2)
        model.setFilter("")
        #expect(model.visible.count == 4)
    }

    @Test func selectionStaysOnTheSameServiceThroughFilterSortAndUpdates() {
        var model = Self.model()
        model.move(by: 2)
        #expect(model.selected?.name == "frontend")
        model.sort(by: .name, ascending: false)
        #expect(model.selected?.name == "frontend")
        model.upsert(Self.summary("aaa"))
        #expect(model.selected?.name == "frontend")
        model.remove(ServiceID(namespace: "shop", name: "cart"))
        #expect(model.selected?.name == "frontend")
        model.setFilter("front")
        #expect(model.selected?.name == "frontend")
    }

    @Test func removingTheSelectedRowSelectsItsNeighbour() {
        var model = Self.model()
        model.move(by: 1)
        model.remove(ServiceID(namespace: "shop", name: "catalog"))
        #expect(model.selected?.name == "frontend")
    }

    @Test func reverseOrderFlipsTheRows() {
        var model = Self.model()
        model.reverseOrder()
        #expect(model.visible.map { model.rows[$0].name } == ["mysql", "frontend", "catalog", "cart"])
        #expect(!model.ascending)
    }

    @Test func deletionTargetsCountMarkedRowsTheFilterHides() {
        var model = Self.model()
        model.toggleMark()          // cart
        model.move(by: 3)
        model.toggleMark()          // mysql
        model.setFilter("tier=api")
        let (targets, hidden) = model.deletionTargets()
        #expect(Set(targets.map(\.name)) == ["cart", "mysql"])
        #expect(hidden == 1)
    }

    @Test func withoutMarksTheSelectedRowIsTheTarget() {
        let model = Self.model()
        #expect(model.deletionTargets().targets.map(\.name) == ["cart"])
    }

    @Test func watchUpdatesAreSearchedLikeLoadedRows() {
        var model = Self.model()
        model.upsert(Self.summary("cart", alias: "购物车", labels: ["app": "cart", "tier": "edge"]))
        model.upsert(Self.summary("zeta", labels: ["tier": "edge"]))
        model.remove(ServiceID(namespace: "shop", name: "catalog"))
        model.setFilter("edge")
        #expect(model.visible.map { model.rows[$0].name } == ["cart", "zeta"])
        model.setFilter("购物")
        #expect(model.visible.map { model.rows[$0].name } == ["cart"])
        model.setFilter("api")
        #expect(model.visible.isEmpty)
        model.setFilter("front")
        #expect(model.visible.map { model.rows[$0].name } == ["frontend"])
    }

    @Test func everyColumnSortKeepsTheSelectionAndReversesExactly() {
        var model = Self.model()
        model.move(by: 1)
        let name = model.selected?.name
        for column in ServiceColumn.allCases {
            model.sort(by: column, ascending: true)
            let order = model.visible
            #expect(model.selected?.name == name)
            model.reverseOrder()
            #expect(model.visible == order.reversed())
            #expect(model.selected?.name == name)
        }
    }
}
