import Foundation
import ProcessSupport

/// A finished program: its exit status and output.
struct Spawned {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs programs for the tests with the app's own spawner (clean signal mask, output to
/// files): Foundation.Process hangs on tmux (PLATFORM-NOTES.md).
enum Spawn {
    /// Runs the program on a thread of its own and awaits it, so that waiting for a child
    /// never holds one of the few threads the async tests running beside it need.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> Spawned {
        let result = try await ChildProcess.run(executable, arguments: arguments, environment: merged(environment),
                                                inheritStandardInput: false, inheritStandardError: false)
        return Spawned(result)
    }

    /// The same, blocking the caller (for deinit, where nothing can be awaited).
    static func blocking(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Spawned {
        Spawned(try ChildProcess.runBlocking(executable, arguments: arguments, environment: merged(environment),
                                             inheritStandardInput: false, inheritStandardError: false))
    }

    private static func merged(_ environment: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (key, value) in environment { env[key] = value }
        return env
    }
}

extension Spawned {
    init(_ result: ChildProcess.Result) {
        self.init(status: result.exitCode, stdout: String(decoding: result.standardOutput, as: UTF8.self),
                  stderr: String(decoding: result.standardError, as: UTF8.self))
    }
}

/// Where the built `svcwiz` lies: beside the test bundle in the build folder.
enum SvcWizBinary {
    static var path: String {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" && !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("svcwiz").path) {
            url.deleteLastPathComponent()
        }
        return url.appendingPathComponent("svcwiz").path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Spawned {
        try await Spawn.run(path, arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": ""].merging(environment) { $1 })
    }
}

/// The project's folders, found from this file.
enum ProjectPaths {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url
    }()
    static let shop = root.appendingPathComponent("docs/examples/shop")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus/realworld")

    /// A fresh copy of the example workspace in a temporary folder.
    static func copyOfShop() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("svcwiz-shop-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: shop, to: target)
        return target
    }
}
