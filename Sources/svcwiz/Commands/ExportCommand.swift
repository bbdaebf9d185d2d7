import ArgumentParser
import Foundation
import ServiceModel
import ServiceStore

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a service without its server-owned fields, to a file or standard output.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The service's name.")
    var name: String

    @Option(name: .shortAndLong, help: "Output format: yaml or json.")
    var output: ObjectFormat = .yaml

    @Option(name: .long, help: ArgumentHelp("A file, or a folder for <name>.<namespace>.service.yaml (default: standard output).", valueName: "path"))
    var file: String?

    func run() async throws {
        let context = try await CommandContext(global)
        do {
            let id = ServiceID(namespace: try await context.namespace(), name: name)
            let stored = try await context.backend.service(id)
            let exported = ServerFields.stripped(stored.manifest)
            let text = output == .yaml ? YAMLWriter.write(exported) : JSONWriter.write(exported)
            guard let file else {
                Console.out(text)
                return
            }
            var target = URL(fileURLWithPath: file)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
                target.appendPathComponent(ServiceFiles.fileName(for: id,
                                                                 format: output == .json ? .json : .yaml))
            }
            try AtomicFile.write(Array(text.utf8), to: target.path)
            Console.out(context.language == .zh ? "已导出到 \(target.path)" : "exported to \(target.path)")
        } catch let error as StoreError {
            throw context.fail(error)
        }
    }
}
