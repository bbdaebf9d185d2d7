import Foundation
import ServiceModel
import ServiceStore
import TerminalUI

/// Everything the screens show. Only `update` changes it; rendering only reads it.
public struct AppState: Sendable {
    public var text: UIText
    public var backend: BackendInfo
    public var readOnly: Bool
    public var size: TerminalSize
    public var scope: NamespaceScope
    public var namespaces: [String] = []
    public var list = ServiceListModel()
    /// True once the first list of the current scope arrived.
    public var listLoaded = false
    /// The backend's last failure while rows are kept on screen, and when rows last arrived.
    public var listError: String?
    public var lastUpdated: Date?
    public var screen: Screen = .list
    /// Where the wizard returns when it is left.
    public var wizardOrigin: Screen = .list
    public var overlay: Overlay?
    /// The filter prompt while it is open (`/`); the filter itself lives in `list`.
    public var filterInput: TextField?
    /// The first list row on screen.
    public var listScroll = 0
    public var status: StatusMessage?
    public var messages: [StatusMessage] = []
    /// Actions RBAC denies in the current namespace (cluster); their keys are hidden.
    public var denied: Set<AppAction> = []
    /// Where exports go; the prompt offers it.
    public var exportFolder: String
    /// The Kubernetes release checked against, shown in the title (`AppState+KubeVersion`).
    public var kubeVersion = KubeVersionChoice(version: .newest, source: .newest)

    public init(text: UIText, backend: BackendInfo, readOnly: Bool, size: TerminalSize, scope: NamespaceScope,
                exportFolder: String) {
        self.text = text
        self.backend = backend
        self.readOnly = readOnly
        self.size = size
        self.scope = scope
        self.exportFolder = exportFolder
    }

    /// The key table of the screen in front.
    public var keyTable: [KeyBinding] {
        allKeys.filter { !denied.contains($0.action) }
    }

    private var allKeys: [KeyBinding] {
        switch screen {
        case .list: return KeyMap.list(readOnly: readOnly)
        case .detail: return KeyMap.detail(readOnly: readOnly)
        case .wizard(let wizard): return KeyMap.wizard(create: wizard.isCreate)
        case .editor(let editor): return KeyMap.editor(create: editor.wizard.isCreate, language: editor.editor.language)
        }
    }

    /// Rows of the list body: the screen less title, header, status and footer.
    public var listBodyHeight: Int { max(1, size.rows - 4) }

    /// Adds a message to the status line and the `!` history (the last 50 are kept).
    public mutating func post(_ message: StatusMessage) {
        status = message
        messages.append(message)
        if messages.count > 50 { messages.removeFirst(messages.count - 50) }
    }

    /// Keeps the selected row inside the visible window.
    mutating func scrollToSelection() {
        let height = listBodyHeight
        if list.selection < listScroll { listScroll = list.selection }
        if list.selection >= listScroll + height { listScroll = list.selection - height + 1 }
        listScroll = max(0, min(listScroll, max(0, list.visible.count - height)))
    }
}
