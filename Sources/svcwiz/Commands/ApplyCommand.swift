import ArgumentParser
import Foundation
import ServiceModel
import ServiceStore

/// `svcwiz apply -f FILE`: creates the Services that do not exist and updates those that do,
/// each validated by the backend first.
struct ApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Create or update the Services in a file.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "The YAML or JSON file to apply.")
    var filename: String

    func run() async throws {
        let context = try await CommandContext(global)
        let file = try ManifestFileReading.read(filename)
        let services = file.objects.filter(\.isService)
        guard !services.isEmpty else {
            Console.error("\(filename): no Service in this file")
            throw ExitCode(1)
        }
        var failed = false
        for object in services {
            var manifest = object.node
            if manifest["kind"] == nil { manifest["kind"] = .string("Service") }
            if manifest["apiVersion"] == nil { manifest["apiVersion"] = .string("v1") }
            let name = manifest["metadata"]?["name"]?.scalarText ?? ""
            do {
                let id = ServiceID(namespace: try await namespace(of: manifest, context: context), name: name)
                let namesNamespace = manifest["metadata"]?["namespace"] != nil
                if !namesNamespace { manifest.set("metadata.namespace", to: .string(id.namespace)) }
                context.printWarnings(object.node, previous: nil, file: filename)
                try await apply(manifest, id: id, namesNamespace: namesNamespace, context: context)
            } catch let error as StoreError {
                failed = true
                Console.error("\(filename): " + error.message(in: context.language))
                if case .invalid(_, let errors) = error {
                    for fieldError in errors {
                        let line = object.node.position(of: fieldError.path)?.line ?? 1
                        Console.error("  \(filename):\(line): \(fieldError.path): \(fieldError.message(in: context.language))")
                    }
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    private func namespace(of manifest: ManifestNode, context: CommandContext) async throws -> String {
        if let namespace = manifest["metadata"]?["namespace"]?.scalarText { return namespace }
        return try await context.namespace()
    }

    private func apply(_ manifest: ManifestNode, id: ServiceID, namesNamespace: Bool,
                       context: CommandContext) async throws {
        let existing: StoredService?
        do {
            existing = try await context.backend.service(id)
        } catch .notFound {
            existing = nil
        }
        if let existing {
            var merged = ServerFields.restored(manifest, from: existing.manifest)
            // A stored document without a namespace is not "changed" by the one filled in here.
            if !namesNamespace, existing.manifest["metadata"]?["namespace"] == nil {
                merged.set("metadata.namespace", to: nil)
            }
            if merged.sameData(as: existing.manifest) {
                Console.out("service/\(id.name) unchanged")
                return
            }
            _ = try await context.backend.update(merged, expecting: existing.version)
            Console.out("service/\(id.name) configured")
        } else {
            _ = try await context.backend.create(manifest, dryRun: true)
            _ = try await context.backend.create(manifest, dryRun: false)
            Console.out("service/\(id.name) created")
        }
    }
}
