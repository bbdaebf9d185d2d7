import ArgumentParser
import Foundation
import ServiceModel
import ServiceStore

/// `svcwiz validate FILE...`: the API server's verdict without a server.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the Services in files by Kubernetes' own rules; prints file:line: field: message.")

    @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh.", valueName: "lang"))
    var lang: String?

    @Argument(help: "YAML or JSON files.")
    var files: [String]

    func run() async throws {
        let language = try GlobalOptions.parse(lang.map { ["--lang", $0] } ?? []).language()
        var invalid = false
        for path in files {
            let file: ManifestFile
            do {
                guard let bytes = try ManifestReader.contents(ofFile: path) else {
                    Console.out("\(path): " + (language == .zh ? "无法读取文件" : "cannot read the file"))
                    invalid = true
                    continue
                }
                file = try ManifestReader.parse(bytes: bytes, path: path)
            } catch {
                Console.out("\(error.file ?? path):\(error.line):\(error.column): \(error.message(in: language))")
                invalid = true
                continue
            }
            let services = file.objects.filter(\.isService)
            if services.isEmpty {
                Console.out("\(path): " + (language == .zh ? "文件中没有服务（Service）" : "no Service in this file"))
                continue
            }
            for object in services {
                let errors = ServiceValidator.validate(object.node, previous: nil, rules: .kubernetes)
                let name = object.node["metadata"]?["name"]?.scalarText ?? "?"
                if errors.isEmpty {
                    Console.out("\(path): service/\(name): " + (language == .zh ? "有效" : "valid"))
                }
                for error in errors {
                    invalid = true
                    let line = object.node.position(of: error.path)?.line ?? object.node.position?.line ?? 1
                    Console.out("\(path):\(line): \(error.path): \(error.message(in: language))")
                }
            }
        }
        if invalid { throw ExitCode(1) }
    }
}
