import ArgumentParser
import ServiceModel
import ServiceStore

struct DeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a service.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    func run() async throws {
        let context = try await CommandContext(global)
        do {
            let id = ServiceID(namespace: try await context.namespace(), name: name)
            let stored = try await context.backend.service(id)
            try await context.backend.delete(id, expecting: stored.version)
            Console.out(context.language == .zh ? "服务 \"\(name)\" 已删除" : "service \"\(name)\" deleted")
        } catch let error as StoreError {
            throw context.fail(error)
        }
    }
}
