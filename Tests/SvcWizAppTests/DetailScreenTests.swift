import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

struct DetailScreenTests {
    @Test func detailAt80x24ShowsAttributesAndAccess() async throws {
        let state = try await ShopScreens.detailState("frontend")
        let lines = ShopScreens.render(state).lines
        #expect(lines[0].contains("service: frontend (前端)"))
        #expect(lines[1].contains("Attributes"))
        let text = lines.joined(separator: "\n")
        #expect(text.contains("VirtualIP, NodePort"))
        #expect(text.contains("ClientIP (3h)"))
        #expect(text.contains("app=frontend"))
        #expect(lines[23].contains("Esc back"))
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
    }

    @Test func everySectionAppearsAt120x40AfterScrolling() async throws {
        var state = try await ShopScreens.detailState("frontend", columns: 120, rows: 40)
        var seen = ShopScreens.render(state).text
        for _ in 0..<3 {
            ShopScreens.press([.pageDown], on: &state)
            seen += ShopScreens.render(state).text
        }
        for expected in ["Attributes", "Access", "Ports", "Backends", "Labels", "Annotations",
                         "frontend.shop.svc.cluster.local:80", "<node IP>:30080", "assigned by the cluster",
                         "Deployment frontend", "2 pods", "NODE PORT", "30080", "Storefront web UI", "kubesphere.io/creator"] {
            #expect(seen.contains(expected), "\(expected)")
        }
    }

    @Test func headlessAndExternalNameExplainHowToReachThem() async throws {
        let mysql = ShopScreens.render(try await ShopScreens.detailState("mysql", columns: 120, rows: 40)).text
        #expect(mysql.contains("mysql.shop.svc.cluster.local:3306"))
        #expect(mysql.contains("StatefulSet mysql"))
        let external = ShopScreens.render(try await ShopScreens.detailState("payments-ext", columns: 120, rows: 40)).text
        #expect(external.contains("payments-ext.shop.svc.cluster.local → pay.example.com"))
    }

    @Test func aSelectorMatchingNothingIsAWarning() async throws {
        let state = try await ShopScreens.detailState("legacy-payments", columns: 120, rows: 40)
        let screen = ShopScreens.render(state)
        let row = try #require(screen.lines.firstIndex { $0.contains("No workload matches the selector.") })
        let column = try #require(screen.lines[row].displayColumn(of: "No workload"))
        #expect(screen.style(atColumn: column, row: row) == .warning)
    }

    @Test func escapeSequencesInAnnotationsAreShownEscaped() throws {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: evil\n  annotations:\n    note: \"\\e[31mred\\e[0m \\a bell\"\nspec:\n  ports:\n  - port: 80\n"
        let manifest = try ManifestReader.objects(yaml)[0]
        var state = AppState(text: UIText(.en), backend: BackendInfo(kind: .workspace, location: "/w"), readOnly: false,
                             size: TerminalSize(columns: 100, rows: 40), scope: .named("default"), exportFolder: ".")
        state.screen = .detail(DetailScreen(ServiceID(namespace: "default", name: "evil")))
        _ = state.update(.detailLoaded(ServiceID(namespace: "default", name: "evil"),
                                       .success(DetailData(stored: StoredService(manifest: manifest, version: "1", location: "x"), backends: nil))))
        let text = ShopScreens.render(state).text
        #expect(text.contains("\\e[31mred\\e[0m \\x07 bell"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func escGoesBackToTheListOnTheSameRow() async throws {
        var state = try await ShopScreens.detailState("mysql")
        ShopScreens.press([.escape], on: &state)
        guard case .list = state.screen else { Issue.record("not on the list"); return }
        #expect(state.list.services.selected?.name == "mysql")
    }

    @Test func chineseDetailUsesTheConsolesWords() async throws {
        let text = ShopScreens.render(try await ShopScreens.detailState("frontend", columns: 120, rows: 40, language: .zh)).text
        for word in ["属性", "访问方式", "会话亲和性", "工作区", "项目"] { #expect(text.contains(word), "\(word)") }
    }
}
