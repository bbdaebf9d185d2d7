import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel
import ServiceStore

/// `svcwiz validate FILE...`: the API server's verdict without a server, by the rules of
/// the chosen Kubernetes release.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the Services in files by Kubernetes' own rules; prints file:line: field: message.")

    @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh.", valueName: "lang"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release whose rules apply: 1.24 to 1.36, or latest. Default: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in the workspace's .svcwiz.yaml, else the newest.", valueName: "x.y"))
    var kubeVersion: String?

    @Option(name: .long, help: ArgumentHelp("The workspace whose .svcwiz.yaml names the release (default: the current folder).", valueName: "dir"))
    var workspace: String?

    @Argument(help: "YAML or JSON files.")
    var files: [String]

    func run() async throws {
        let language = try GlobalOptions.parse(lang.map { ["--lang", $0] } ?? []).language()
        let root = URL(fileURLWithPath: workspace ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let choice = try KubeVersionChooser.workspace(root: root, flag: kubeVersion, language: language)
        let rules = RuleSet.server(choice.version)
        let warningLabel = FieldWarning.label
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
                let errors = ServiceValidator.validate(object.node, previous: nil, rules: rules)
                let warnings = ServiceValidator.warnings(object.node, previous: nil, rules: rules)
                let name = object.node["metadata"]?["name"]?.scalarText ?? "?"
                func line(_ path: FieldPath) -> Int { object.node.position(of: path)?.line ?? object.node.position?.line ?? 1 }
                for error in errors {
                    invalid = true
                    Console.out("\(path):\(line(error.path)): \(error.path): \(error.message(in: language))")
                }
                for warning in warnings {
                    Console.out("\(path):\(line(warning.path)): \(warningLabel): \(warning.path): \(warning.message(in: language))")
                }
                if errors.isEmpty {
                    Console.out("\(path): service/\(name): " + (language == .zh ? "有效" : "valid"))
                }
            }
        }
        Console.out(choice.summary(in: language))
        if invalid { throw ExitCode(1) }
    }
}
