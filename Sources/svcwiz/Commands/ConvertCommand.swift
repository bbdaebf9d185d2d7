import ArgumentParser
import Foundation
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

    func run() async throws {
        let file = try ManifestFileReading.read(filename)
        let converted = file.objects.map { object -> ManifestNode in
            guard object.isService else { return object.node }
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
