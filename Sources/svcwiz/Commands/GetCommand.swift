import ArgumentParser
import ServiceModel
import ServiceStore

struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Print one service as YAML or JSON.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    @Option(name: .shortAndLong, help: "Output format: yaml or json.")
    var output: ObjectFormat = .yaml

    func run() async throws {
        let context = try await CommandContext(global)
        do {
            let stored = try await context.backend.service(ServiceID(namespace: try await context.namespace(), name: name))
            Console.out(output == .yaml ? YAMLWriter.write(stored.manifest) : JSONWriter.write(stored.manifest))
        } catch let error as StoreError {
            throw context.fail(error)
        }
    }
}
