import ArgumentParser

/// The `svcwiz` command: the terminal UI with no subcommand, and scriptable subcommands
/// over the same model and backends.
@main
struct SvcWiz: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "svcwiz",
        abstract: "Manage Kubernetes Services from the terminal: list, inspect, create, edit, validate.",
        version: SvcWizVersion.current,
        subcommands: [
            OpenCommand.self, ListCommand.self, GetCommand.self, ValidateCommand.self, ApplyCommand.self,
            DeleteCommand.self, ExportCommand.self, ConvertCommand.self, KeysCommand.self,
        ],
        defaultSubcommand: OpenCommand.self
    )
}
