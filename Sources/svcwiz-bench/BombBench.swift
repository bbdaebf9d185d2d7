import Foundation
import ServiceModel

/// The hostile inputs of `Tests/Fixtures/hostile` (an alias bomb, 600 levels of nesting),
/// read the way the workspace reads them: how long the refusal takes and how much memory
/// the process reached meanwhile. Before the bounds, the bomb ran for minutes and grew by
/// gigabytes; the targets are under 1 s and under 100 MB.
enum BombBench {
    struct Figures {
        var file: String
        var refusal: Samples
        /// VmHWM of this process after the runs, and before the first one, in MB.
        var peakMB: Double
        var baselineMB: Double
        var message: String
    }

    /// The fixture folder, found from the working directory (the repository's root) or
    /// from the binary (`.build/<config>/svcwiz-bench`).
    static func folder() throws -> String {
        let candidates = [FileManager.default.currentDirectoryPath + "/Tests/Fixtures/hostile",
                          URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
                              .deletingLastPathComponent().appendingPathComponent("../../Tests/Fixtures/hostile").standardized.path]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0 + "/alias-bomb.yaml") }) else {
            throw BenchError("Tests/Fixtures/hostile not found: run svcwiz-bench from the repository's root")
        }
        return found
    }

    static func run(name: String, runs: Int) throws -> Figures {
        let path = try folder() + "/" + name
        let baseline = peakResidentMB()
        var times: [Double] = []
        var message = ""
        for _ in 0..<max(runs, 1) {
            let elapsed = measure {
                do {
                    guard let bytes = try ManifestReader.contents(ofFile: path) else { return }
                    _ = try ManifestReader.parse(bytes: bytes, path: path)
                    message = "accepted (not refused!)"
                } catch {
                    message = "\(error)"
                }
            }
            times.append(elapsed.milliseconds)
        }
        return Figures(file: name, refusal: Samples(values: times), peakMB: peakResidentMB(), baselineMB: baseline, message: message)
    }

    /// This process's peak resident set (VmHWM), in MB.
    static func peakResidentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }

    /// Measures each hostile fixture and adds its figures to the report.
    static func report(into report: inout Report, runs: Int) throws {
        for name in ["alias-bomb.yaml", "deep.yaml", "deep.json", "deep-after-invalid-utf8.yaml"] {
            let figures = try run(name: name, runs: runs)
            log("\(name): \(figures.message)\n  refusal \(figures.refusal.summary); peak RSS \(fmt(figures.peakMB, 1)) MB (before: \(fmt(figures.baselineMB, 1)) MB)")
            let refused = figures.message.contains("refused")
            report.add("\(name) refused (max of \(runs)), peak RSS of the process",
                       "\(fmt(figures.refusal.percentile(100), 2)) ms, \(fmt(figures.peakMB, 1)) MB\(refused ? "" : " NOT REFUSED")",
                       "< 1 s, < 100 MB", refused && figures.refusal.percentile(100) < 1000 && figures.peakMB < 100)
        }
    }
}
