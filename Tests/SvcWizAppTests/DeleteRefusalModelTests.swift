import Testing
import ServiceModel
import ServiceStore
import TerminalUI
@testable import SvcWizApp

/// The dialog of refused deletes as a model: what it lists, and its keys.
struct DeleteRefusalModelTests {
    static func stored(port: Int) throws -> StoredService {
        let yaml = "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop}\nspec:\n  ports:\n  - port: \(port)\n"
        return StoredService(manifest: try ManifestReader.objects(yaml)[0], version: String(port), location: "x")
    }

    @Test func itShowsWhatChangedScrollsWithinItAndLooksAgainAtTheService() throws {
        let seen = try Self.stored(port: 80)
        let refused = RefusedDelete(target: DeletionTarget(stored: seen), current: try Self.stored(port: 81))
        var refusal = DeleteRefusal([refused], text: UIText(.en))
        #expect(refusal.items.map(\.service) == [ServiceID(namespace: "shop", name: "web")])
        #expect(refusal.items[0].changes.contains(.removed("  - port: 80")))
        #expect(refusal.items[0].changes.contains(.added("  - port: 81")))
        let count = refusal.lines(UIText(.en)).count
        #expect(refusal.handle(.up, text: UIText(.en)).isEmpty)
        #expect(refusal.scroll == 0)
        for _ in 0..<(count + 3) { _ = refusal.handle(.down, text: UIText(.en)) }
        #expect(refusal.scroll == count - 1, "scrolls no further than its last line")
        #expect(refusal.handle(.enter, text: UIText(.en)) == [.close, .lookAgain(ServiceID(namespace: "shop", name: "web"))])
        #expect(refusal.handle(.escape, text: UIText(.en)) == [.close])
    }

    @Test func aChangeOnlyInFieldsTheScreenDoesNotShowIsSaidSo() throws {
        var current = try Self.stored(port: 80)
        current.manifest.set("metadata.resourceVersion", to: .string("99"))
        let refusal = DeleteRefusal([RefusedDelete(target: DeletionTarget(stored: try Self.stored(port: 80)), current: current)],
                                    text: UIText(.en))
        #expect(refusal.lines(UIText(.en)).map(\.0).contains("  " + UIText(.en)(.deleteChangedHidden)))
    }
}
