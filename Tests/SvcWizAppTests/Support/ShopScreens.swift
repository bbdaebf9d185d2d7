import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// Builds app states on the example workspace and renders them to memory.
enum ShopScreens {
    static let shopPath: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("docs/examples/shop").path
    }()

    /// A fixed clock, so ages in screens never change between runs.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func backend() throws -> WorkspaceBackend {
        try WorkspaceBackend(root: shopPath)
    }

    /// The list of the `shop` namespace, loaded, at the given size.
    static func listState(columns: Int = 80, rows: Int = 24, language: Language = .en, readOnly: Bool = false,
                          scope: NamespaceScope = .named("shop")) async throws -> AppState {
        let backend = try backend()
        var state = AppState(text: UIText(language), backend: BackendInfo(kind: .workspace, location: "/work/shop"),
                             readOnly: readOnly, size: TerminalSize(columns: columns, rows: rows), scope: scope,
                             exportFolder: ".")
        _ = state.update(.servicesLoaded(scope, .success(try await backend.services(in: scope))))
        _ = state.update(.namespacesLoaded(try await backend.namespaces()))
        return state
    }

    /// Opens the detail of `name` the way Enter does, with the backend's answer fed back.
    static func detailState(_ name: String, columns: Int = 80, rows: Int = 24, language: Language = .en) async throws -> AppState {
        var state = try await listState(columns: columns, rows: rows, language: language)
        while state.list.services.selected?.name != name { state.list.services.move(by: 1) }
        let effects = state.update(.key(.enter))
        guard case .loadDetail(let service)? = effects.first else { return state }
        let backend = try backend()
        let stored = try await backend.service(ServiceID(namespace: service.namespace, name: name))
        let data = DetailData(stored: stored, backends: try await backend.backends(of: stored))
        _ = state.update(.detailLoaded(service, .success(data)))
        return state
    }

    static func render(_ state: AppState) -> MemorySurface {
        let surface = MemorySurface(columns: state.size.columns, rows: state.size.rows)
        AppRenderer.render(state, on: surface, now: now)
        return surface
    }

    /// Applies keys one after another, ignoring effects.
    static func press(_ keys: [Key], on state: inout AppState) {
        for key in keys { _ = state.update(.key(key)) }
    }
}

extension String {
    /// The display column where `needle` starts in this line.
    func displayColumn(of needle: String) -> Int? {
        guard let range = range(of: needle) else { return nil }
        return String(self[..<range.lowerBound]).displayWidth
    }
}
