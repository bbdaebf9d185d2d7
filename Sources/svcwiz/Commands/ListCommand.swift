import ArgumentParser
import Foundation
import ServiceModel
import ServiceStore

struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List services.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: [.customShort("A"), .long], help: "List services in every namespace.")
    var allNamespaces = false

    @Option(name: .shortAndLong, help: "Output format: table, wide, yaml, json or name.")
    var output: ListFormat = .table

    func run() async throws {
        let context = try await CommandContext(global)
        do {
            let scope: NamespaceScope = allNamespaces ? .all : .named(try await context.namespace())
            let rows = try await context.backend.services(in: scope)
            let services = ServiceSortTable(rows).sortedIndices(.name).map { rows[$0] }
            try await print(services, context: context)
            // Files that do not parse are skipped, never silently: say which.
            for problem in try await context.backend.problems() {
                Console.error("warning: \(problem.description(in: context.language))")
            }
        } catch let error as StoreError {
            throw context.fail(error)
        }
    }

    private func print(_ services: [ServiceSummary], context: CommandContext) async throws {
        switch output {
        case .name:
            for service in services { Console.out("service/\(service.name)") }
        case .table, .wide:
            var columns: [ServiceColumn] = [.name, .type, .clusterIP, .external, .ports, .backends, .age]
            if output == .wide { columns.insert(.selector, at: columns.count - 1) }
            if allNamespaces { columns.insert(.namespace, at: 0) }
            if services.isEmpty {
                let where_ = allNamespaces ? "any namespace" : "namespace \(try await context.namespace())"
                Console.error(context.language == .zh ? "没有服务（\(where_)）" : "no services in \(where_)")
                return
            }
            let now = Date()
            let rows = services.map { s in columns.map { ServiceRow.cell($0, of: s, language: context.language, now: now) } }
            Console.out(TablePrinter.render(header: columns.map(\.header), rows: rows))
        case .yaml, .json:
            var items: [ManifestNode] = []
            for summary in services {
                items.append(try await context.backend.service(summary.id).manifest)
            }
            let list = ManifestNode.mapping([
                "apiVersion": .string("v1"), "kind": .string("List"), "items": .sequence(items),
            ])
            Console.out(output == .yaml ? YAMLWriter.write(list) : JSONWriter.write(list))
        }
    }
}
