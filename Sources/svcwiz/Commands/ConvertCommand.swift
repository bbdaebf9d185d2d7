import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ServiceModel

/// `svcwiz convert -f FILE`: every Service through the form model and back, exactly the
/// path the wizard and the editor take, so its output shows what svcwiz would keep.
struct ConvertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Read each Service into the form model and write it back as YAML or JSON.")

    @Option(name: .shortAndLong, help: "The YAML or JSON file to read.")
    var filename: String

    @Option(name: .shortAndLong, help: "Output format: yaml or json.")
    var output: ObjectFormat = .yaml

    @Option(name: .long, help: ArgumentHelp("The Kubernetes release whose warnings to print on standard error (fields it drops, deprecations): 1.24 to 1.36, or latest. Default: $SVCWIZ_KUBE_VERSION, else kubernetesVersion in ./.svcwiz.yaml, else the newest.", valueName: "x.y"))
    var kubeVersion: String?

    @Option(name: .long, help: ArgumentHelp("Language of messages: en or zh.", valueName: "lang"))
    var lang: String?

    func run() async throws {
        let language = try GlobalOptions.parse(lang.map { ["--lang", $0] } ?? []).language()
        let choice = try KubeVersionChooser.workspace(root: FileManager.default.currentDirectoryPath, flag: kubeVersion, language: language)
        let rules = RuleSet.server(choice.version)
        let label = FieldWarning.label
        let file = try ManifestFileReading.read(filename)
        let converted = file.objects.map { object -> ManifestNode in
            guard object.isService else { return object.node }
            for warning in ServiceValidator.warnings(object.node, rules: rules) {
                let line = object.node.position(of: warning.path)?.line ?? object.node.position?.line ?? 1
                Console.error("\(filename):\(line): \(label): \(warning.path): \(warning.message(in: language))")
            }
            return ServiceDraft(manifest: object.node).apply(to: object.node)
        }
        switch output {
        case .yaml:
            Console.out(YAMLWriter.writeStream(converted))
        case .json:
            let node = converted.count == 1
                ? converted[0]
                : ManifestNode.mapping(["apiVersion": .string("v1"), "kind": .string("List"), "items": .sequence(converted)])
            Console.out(JSONWriter.write(node))
        }
    }
}
