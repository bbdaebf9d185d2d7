import Foundation
import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

struct WizardScreenTests {
    static func render(_ wizard: WizardState, columns: Int, rows: Int, language: Language) -> MemorySurface {
        var state = AppState(text: UIText(language), backend: BackendInfo(kind: .workspace, location: "/w"), readOnly: false,
                             size: TerminalSize(columns: columns, rows: rows), scope: .named("shop"), exportFolder: ".")
        state.screen = .wizard(wizard)
        let surface = MemorySurface(columns: columns, rows: rows)
        AppRenderer.render(state, on: surface)
        return surface
    }

    static func filled(language: Language = .en) -> WizardState {
        var wizard = WizardState.newShopWizard()
        wizard.type("search")
        wizard.draft.alias = "搜索"
        wizard.draft.ports = [PortRow(name: "http", appProtocol: "http", port: "80", targetPort: "8080")]
        _ = wizard.pick([wizard.workloads![0]], text: UIText(language))
        return wizard
    }

    static let expectations: [Language: [WizardStep: [String]]] = [
        .en: [.basicInfo: ["Create service", "Name", "search", "Alias", "搜索", "Project", "shop"],
              .serviceSettings: ["Type", "VirtualIP", "Selector", "app", "frontend", "Ports", "http", "8080", "Affinity", "^W"],
              .labels: ["Labels", "app", "search", "Annotations"],
              .externalAccess: ["Access", "None", "NodePort", "LoadBalancer"]],
        .zh: [.basicInfo: ["创建服务", "名称", "别名", "搜索", "项目"],
              .serviceSettings: ["类型", "虚拟 IP", "选择器", "端口", "会话亲和性"],
              .labels: ["标签", "注解", "高级设置"],
              .externalAccess: ["访问方式", "NodePort", "LoadBalancer"]],
    ]

    @Test(arguments: [(80, 24), (120, 40)], [Language.en, .zh])
    func everyStepRendersItsFields(size: (Int, Int), language: Language) {
        for step in WizardStep.allCases {
            var wizard = Self.filled()
            wizard.go(to: step)
            let screen = Self.render(wizard, columns: size.0, rows: size.1, language: language)
            let text = screen.text
            for expected in Self.expectations[language]![step]! {
                #expect(text.contains(expected), "\(language) \(step) \(size): \(expected)\n\(text)")
            }
            #expect(screen.lines.allSatisfy { $0.displayWidth <= size.0 }, "\(step) fits \(size.0) columns")
            #expect(screen.lines[size.1 - 1].contains("^S"), "footer at \(size)")
        }
    }

    @Test func previewAppearsAt120ColumnsOnly() {
        let wizard = Self.filled()
        #expect(Self.render(wizard, columns: 120, rows: 40, language: .en).text.contains("kind: Service"))
        #expect(!Self.render(wizard, columns: 80, rows: 24, language: .en).text.contains("kind: Service"))
    }

    @Test func stepBarMarksTheCurrentStepAndFlagsErrors() {
        var wizard = WizardState.newShopWizard()
        wizard.press(.ctrl("n"))
        let title = Self.render(wizard, columns: 120, rows: 40, language: .en).lines[0]
        #expect(title.contains("[1 Basic info !]"))
        #expect(title.contains("2 Service settings"))
    }

    @Test func errorsShowBesideTheFieldWithWhatToType() {
        var wizard = Self.filled()
        wizard.go(to: .serviceSettings)
        wizard.focusOn(.port(0))
        wizard.press(.backspace, .backspace)
        wizard.type("99999")
        wizard.press(.tab)
        let text = Self.render(wizard, columns: 80, rows: 24, language: .en).text
        #expect(text.contains("! "))
        #expect(text.contains("1-65535") || text.contains("65535"))
    }

    @Test func reviewShowsTheManifestThatWillBeWritten() {
        var wizard = Self.filled()
        wizard.go(to: .externalAccess)
        wizard.press(.ctrl("n"))
        #expect(wizard.isReviewing)
        let text = Self.render(wizard, columns: 80, rows: 40, language: .en).text
        #expect(text.contains("Ready"))
        #expect(text.contains("name: search"))
        #expect(text.contains("targetPort: 8080"))
    }
}
