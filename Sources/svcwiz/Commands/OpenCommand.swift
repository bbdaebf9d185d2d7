import ArgumentParser
import Foundation
import ServiceModel
import ServiceStore

/// `svcwiz` with no subcommand: the terminal UI on the chosen backend.
struct OpenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the terminal UI (the default when no subcommand is given).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Remove every write action from the UI.")
    var readOnly = false

    @Flag(name: .long, help: "Draw without colours (also when NO_COLOR is set).")
    var noColor = false

    func run() async throws {
        // Until the terminal UI lands, the default action prints the list.
        var list = ListCommand()
        list.global = global
        try await list.run()
    }
}
