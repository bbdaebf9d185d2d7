#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// A create wizard's draft as saved: the form, the step it was on, and when.
package struct SavedDraft: Codable, Sendable, Hashable {
    package var draft: ServiceDraft
    package var step: WizardStep
    package var savedAt: Date
    /// The manifest the form applies to, as YAML, when it holds more than the form shows
    /// (an import, or fields added in the editor).
    package var baseYAML: String?
    /// The editor's text, when the draft was left in the editor (it may not parse yet).
    package var editorText: String?

    package init(draft: ServiceDraft, step: WizardStep, savedAt: Date = Date(), baseYAML: String? = nil, editorText: String? = nil) {
        self.draft = draft
        self.step = step
        self.savedAt = savedAt
        self.baseYAML = baseYAML
        self.editorText = editorText
    }
}

extension WizardStep: Codable {}

/// Keeps wizard drafts in `$XDG_STATE_HOME/svcwiz/drafts/` (`~/.local/state/svcwiz/drafts/`),
/// one per backend, written atomically with mode 0600 on every change, so that Esc, Ctrl-C
/// or a killed process never loses what was typed.
package struct DraftStore: Sendable {
    package let directory: String
    /// Which backend the drafts belong to: a workspace path or a cluster context.
    package let owner: String

    package init(directory: String, owner: String) {
        self.directory = directory
        self.owner = owner
    }

    /// The XDG state folder for drafts.
    package static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/svcwiz/drafts"
        }
        let home = environment["HOME"] ?? LocalPaths.home
        return home + "/.local/state/svcwiz/drafts"
    }

    /// The file of the create draft for this backend.
    package var path: String {
        var hash = ContentHash()
        hash.combine(owner)
        return directory + "/create-" + hash.hex + ".json"
    }

    package func save(_ saved: SavedDraft) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data: Data
        do {
            data = try encoder.encode(saved)
        } catch {
            throw .io(path: path, message: "cannot encode the draft: \(error)")
        }
        let writer = AtomicFileWriter(mode: 0o600)
        try writer.makeDirectory(directory)
        try writer.replace(path, with: Array(data))
    }

    /// The saved draft, or nil when there is none or it cannot be read.
    package func load() -> SavedDraft? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(SavedDraft.self, from: data)
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
