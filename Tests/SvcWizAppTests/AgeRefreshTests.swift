import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// Ages stay true without redrawing the screen by the second: the list's AGE column and the
/// detail's age change at most once a minute, a redraw changes only the cells whose text
/// changed (the surface sends only those), and an idle screen with no ages is not redrawn.
struct AgeRefreshTests {
    @Test(arguments: [(0, "<1m"), (59, "<1m"), (60, "1m"), (119, "1m"), (120, "2m"), (3 * 3600, "3h"), (3 * 86400, "3d")])
    func agesOnScreenAreNoFinerThanMinutes(seconds: Int, shown: String) {
        let now = ShopScreens.now
        #expect(ServiceRow.minuteAge(since: now.addingTimeInterval(-TimeInterval(seconds)), now: now) == shown)
    }

    @Test func aMinuteLaterOnlyTheAgeCellsThatChangedAreSent() throws {
        let state = ClusterRows.listState(columns: 120)
        let before = ClusterRows.render(state)
        // Within the minute nothing on screen changes: a redraw would send nothing.
        for later in [1.0, 29.0] {
            #expect(ClusterRows.changedCells(before, ClusterRows.render(state, at: ShopScreens.now.addingTimeInterval(later))).isEmpty)
        }
        let after = ClusterRows.render(state, at: ShopScreens.now.addingTimeInterval(60))
        let ageColumn = try #require(before.lines[1].displayColumn(of: "AGE"))
        let changed = ClusterRows.changedCells(before, after)
        #expect(!changed.isEmpty)
        #expect(changed.allSatisfy { $0.column >= ageColumn }, "only AGE cells: \(changed)")
        // cache (90 s: 1m -> 2m) and edge (42m30s -> 43m) age; web (3d) and api (5h) do not.
        let rows = Set(changed.map(\.row))
        let names = rows.map { after.lines[$0].split(separator: " ").first.map(String.init) ?? "" }
        #expect(Set(names.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ">")) }) == ["cache", "edge"])
        #expect(after.lines.contains { $0.hasPrefix(" cache") && $0.hasSuffix("2m") })
        #expect(after.lines.contains { $0.hasPrefix(" edge") && $0.hasSuffix("43m") })
    }

    @Test func whileAFailureShowsTheRowsAgeTheAgeColumnStillMovesByTheMinute() throws {
        var state = ClusterRows.listState(columns: 120)
        state.list.lastUpdated = ShopScreens.now.addingTimeInterval(-40)
        _ = state.update(.store(.named("demo"), .failed(.unreachable(message: "10.0.0.1:6443: connection refused"))))
        #expect(state.redrawInterval == .seconds(1))
        let before = ClusterRows.render(state)
        let after = ClusterRows.render(state, at: ShopScreens.now.addingTimeInterval(1))
        let changed = ClusterRows.changedCells(before, after)
        #expect(!changed.isEmpty, "the rows' age on the status line moves by the second")
        #expect(changed.allSatisfy { $0.row == state.size.rows - 2 }, "only the status line: \(changed)")
    }

    @Test func theRunnerRedrawsOnlyWhileSomethingAges() async throws {
        var list = ClusterRows.listState(columns: 120)
        #expect(list.redrawInterval == .seconds(60), "a list with rows shows their age")
        list.list.services.setFilter("nothing-matches-this")
        #expect(list.redrawInterval == nil, "no rows, no ages")
        let empty = ClusterRows.listState([], columns: 120)
        #expect(empty.redrawInterval == nil)
        let detail = try await ShopScreens.detailState("frontend")
        #expect(detail.redrawInterval == .seconds(60), "the detail shows the service's age")
        var wizard = try await ShopScreens.listState()
        wizard.screen = .wizard(.create(namespace: "shop", usedNodePorts: [:]))
        #expect(wizard.redrawInterval == nil)
    }

    @Test func theDetailsAgeIsInMinutesToo() throws {
        let manifest = try #require(try ManifestReader.objects("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: demo, creationTimestamp: "2026-11-18T06:13:00Z"}
        spec: {ports: [{port: 80}]}
        """).first)
        let created = try #require(ISO8601DateFormatter().date(from: "2026-11-18T06:13:00Z"))
        let stored = StoredService(manifest: manifest, version: "1", location: "/api/v1/namespaces/demo/services/web")
        let sections = ServiceDetailContent.sections(for: stored, backends: nil, text: UIText(.en), now: created.addingTimeInterval(45))
        #expect(String(describing: sections).contains("2026-11-18 (<1m)"))
    }
}
