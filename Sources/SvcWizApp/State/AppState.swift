#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore
import TerminalUI

/// What is global to the app: the backend, the terminal's size, the namespace scope, the
/// messages, and which screen and overlay are in front. Each screen and overlay is its own
/// model; `update` routes keys to the one in front and turns what it asks for into effects.
/// Rendering only reads this.
package struct AppState: Sendable {
    package var text: UIText
    package var backend: BackendInfo
    package var permissions: Permissions
    package var size: TerminalSize
    package var scope: NamespaceScope
    /// The list stays under the other screens: its rows name the node ports in use and
    /// the count on the title line.
    package var list = ListScreen()
    package var screen: Screen = .list
    /// Where the wizard returns when it is left.
    package var wizardOrigin: Screen = .list
    package var overlay: Overlay?
    package var status: StatusMessage?
    package var messages: [StatusMessage] = []
    package var choices: SessionChoices

    package init(text: UIText, backend: BackendInfo, readOnly: Bool, size: TerminalSize, scope: NamespaceScope,
                exportFolder: String) {
        self.text = text
        self.backend = backend
        self.permissions = Permissions(readOnly: readOnly)
        self.size = size
        self.scope = scope
        self.choices = SessionChoices(exportFolder: exportFolder)
    }

    /// The key table of the screen in front.
    package var keyTable: [KeyBinding] {
        let all: [KeyBinding]
        switch screen {
        case .list: all = KeyMap.list(readOnly: permissions.readOnly)
        case .detail: all = KeyMap.detail(readOnly: permissions.readOnly)
        case .wizard(let wizard): all = KeyMap.wizard(create: wizard.isCreate)
        case .editor(let editor): all = KeyMap.editor(create: editor.wizard.isCreate, language: editor.editor.language)
        }
        return all.filter { permissions.allows($0.action) }
    }

    /// Rows of the list body: the screen less title, header, status and footer.
    package var listBodyHeight: Int { max(1, size.rows - 4) }

    /// Adds a message to the status line and the `!` history (the last 50 are kept).
    package mutating func post(_ message: StatusMessage) {
        status = message
        messages.append(message)
        if messages.count > 50 { messages.removeFirst(messages.count - 50) }
    }

    /// The chooser's entries: `all` first, then the backend's namespaces.
    package var namespaceChoices: [String] {
        [text(.allNamespaces)] + list.namespaces
    }
}
