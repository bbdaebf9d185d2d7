import Foundation
import ServiceModel
import ServiceStore

// svcwiz-bench: generates its own workspaces and test-server clusters and measures the
// figures of docs/performance.md. Usage:
//
//   svcwiz-bench [all|smoke|keys|first-frame|cluster|memory|bytes|watch|yaml|save|decode]
//   svcwiz-bench serve [--size N]     # a test-server cluster to profile against
//   svcwiz-bench first-frame --cold   # every run without the workspace index cache
//                [--runs N] [--data DIR] [--svcwiz PATH] [--size N]
//
// Details go to stderr; the result table to stdout. No figure is asserted: the targets are
// printed beside the measurements.

struct Options {
    var command = "all"
    var runs = 5
    /// Services in the test-server cluster (`cluster`, `watch`, `serve`); 10k by default.
    var size: Int?
    /// `first-frame` without the workspace index cache: every run parses every file.
    var cold = false
    var data = NSTemporaryDirectory() + "svcwiz-bench"
    var svcwiz = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("svcwiz").path

    init(_ arguments: [String]) throws {
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--runs": runs = Int(rest.popFirst() ?? "") ?? runs
            case "--data": data = rest.popFirst() ?? data
            case "--svcwiz": svcwiz = rest.popFirst() ?? svcwiz
            case "--size": size = Int(rest.popFirst() ?? "")
            case "--cold": cold = true
            case let word where !word.hasPrefix("-"): command = word
            default: throw BenchError("unknown option \(argument)")
            }
        }
    }
}

struct Report {
    var lines: [String] = []
    mutating func add(_ figure: String, _ measured: String, _ target: String, _ met: Bool?) {
        let verdict = met.map { $0 ? "met" : "**missed**" } ?? ""
        lines.append("| \(figure) | \(measured) | \(target) | \(verdict) |")
        log("  => \(figure): \(measured) (target \(target)) \(verdict)")
    }

    func print() {
        Swift.print("| figure | measured | target | |")
        Swift.print("|---|---|---|---|")
        lines.forEach { Swift.print($0) }
    }
}

let options = try Options(CommandLine.arguments)
try FileManager.default.createDirectory(atPath: options.data, withIntermediateDirectories: true)
let home = options.data + "/home"
try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
var report = Report()
let smoke = options.command == "smoke"
let runs = smoke ? 1 : options.runs
func wants(_ name: String) -> Bool { options.command == "all" || options.command == "smoke" || options.command == name }

/// The NAME cell of the last list row of a first frame: on the pty it means the list's rows
/// were drawn, i.e. the first complete frame (title, header, status and footer are drawn
/// before with the "Loading" frame, and ncurses sends only what changed, top to bottom).
/// A cluster's `default` also holds the API server's own `kubernetes` service.
func lastRowMarker(cluster: Bool) -> [UInt8] {
    var rows = (try? Corpus.manifests(count: 30, namespace: "default"))?.map { ServiceSummary(manifest: $0) } ?? []
    if cluster, let root = try? ManifestReader.parse("""
        apiVersion: v1
        kind: Service
        metadata: {name: kubernetes, namespace: default}
        spec: {type: ClusterIP, ports: [{name: https, port: 443, targetPort: 6443}]}
        """, format: .yaml).documents.first?.root {
        rows.insert(ServiceSummary(manifest: root), at: 0)
    }
    return Array(InProcess.lastRowMarker(rows: rows).utf8)
}
let workspaceMarker = lastRowMarker(cluster: false)
let clusterMarker = lastRowMarker(cluster: true)

/// Starts the real binary in an 80x24 pty and waits for its first complete frame.
func openApp(_ arguments: [String], environment: [String: String] = [:], marker: [UInt8] = workspaceMarker,
             timeout: Duration = .seconds(60)) throws -> (PtyProcess, Duration) {
    let app = try PtyProcess(executable: options.svcwiz, arguments: arguments,
                             environment: childEnvironment(home: home, extra: environment))
    guard let shown = app.wait(timeout: timeout, until: { $0.firstRange(of: marker) != nil }) else {
        let tail = String(decoding: app.output.suffix(400), as: UTF8.self)
        app.quit()
        throw BenchError("no complete frame from svcwiz \(arguments) within \(timeout); last output: \(tail.debugDescription)")
    }
    return (app, shown - app.started)
}

guard FileManager.default.isExecutableFile(atPath: options.svcwiz) else {
    throw BenchError("svcwiz binary not found at \(options.svcwiz) (build it, or pass --svcwiz PATH)")
}
log("svcwiz-bench \(options.command): data in \(options.data), binary \(options.svcwiz), \(runs) run(s)")
log("last list row of a first frame: \(String(decoding: workspaceMarker, as: UTF8.self)) (workspace), \(String(decoding: clusterMarker, as: UTF8.self)) (cluster)")

if wants("bomb") { try BombBench.report(into: &report, runs: runs) }  // first: the peak RSS is this process's
let sizes = smoke ? [1_000] : [1_000, 10_000, 100_000]
var workspaces: [Int: String] = [:]
for size in sizes where wants("first-frame") || wants("keys") || wants("memory") || wants("bytes") || wants("yaml") {
    let elapsed = try measure { workspaces[size] = try Corpus.workspace(count: size, base: options.data) }
    log("workspace of \(size) services: \(workspaces[size]!) (\(fmt(elapsed.milliseconds / 1000)) s)")
}
let mid = smoke ? 1_000 : 10_000
let large = smoke ? 1_000 : 100_000

// First frame, workspace.
if wants("first-frame") {
    for size in sizes {
        var times: [Double] = []
        for _ in 0..<runs {
            if options.cold { try? FileManager.default.removeItem(atPath: home + "/.cache/svcwiz") }
            let (app, shown) = try openApp(["--workspace", workspaces[size]!])
            times.append(shown.milliseconds)
            app.quit()
        }
        log("first frame, workspace \(size)\(options.cold ? " (cold: no index cache)" : ""): runs \(times.map { fmt($0, 0) }) ms")
        if options.cold {
            let target: Double? = size == 10_000 ? 200 : size == 100_000 ? 2_000 : nil
            report.add("first frame, workspace of \(size), no index cache", "\(fmt(median(times), 0)) ms (median of \(runs))",
                       target.map { "< \(fmt($0, 0)) ms" } ?? "", target.map { median(times) < $0 })
        } else if size == mid || smoke {
            report.add("first frame, workspace of \(size)", "\(fmt(median(times), 0)) ms (median of \(runs))", "< 150 ms", median(times) < 150)
        } else {
            report.add("first frame, workspace of \(size) (info)", "\(fmt(median(times), 0)) ms", "", nil)
        }
    }
}

// `serve N`: a test-server cluster of N services until killed, to profile svcwiz against it
// (`KUBECONFIG=<printed path> perf record svcwiz list`).
if options.command == "serve" {
    let cluster = try await BenchCluster.start(count: options.size ?? mid, folder: options.data)
    FileHandle.standardOutput.write(Data((cluster.kubeconfigPath + "\n").utf8))
    while true { try await Task.sleep(for: .seconds(3600)) }
}

// First frame, cluster (test server, paginated), and the watch.
if wants("cluster") || wants("watch") {
    let cluster = try await BenchCluster.start(count: options.size ?? mid, folder: options.data)
    if wants("cluster") {
        let size = options.size ?? mid
        var times: [Double] = []
        var resident: [Double] = []
        var peaks: [Double] = []
        for _ in 0..<runs {
            let (app, shown) = try openApp([], environment: ["KUBECONFIG": cluster.kubeconfigPath], marker: clusterMarker)
            times.append(shown.milliseconds)
            // All rows are in when the screen has been still for 2 s: while pages arrive the
            // title's count changes with each (ncurses sends only changed cells, so the
            // final count's text cannot be waited for: "0 services" to "10001 services"
            // may send just "1000" and "1").
            _ = app.drain(quiet: .seconds(2), limit: .seconds(120))
            resident.append(Double(app.residentKB() ?? 0) / 1024)
            peaks.append(Double(app.quit()) / 1024)
        }
        log("first frame, cluster \(size): runs \(times.map { fmt($0, 0) }) ms; RSS all loaded \(resident.map { fmt($0, 1) }) MB, peak \(peaks.map { fmt($0, 1) }) MB")
        report.add("first frame, cluster of \(size) (test server, pages of 500, name sort)", "\(fmt(median(times), 0)) ms (median of \(runs))", "< 300 ms", median(times) < 300)
        report.add("RSS once all rows are loaded, cluster of \(size)", "\(fmt(median(resident), 1)) MB (peak \(fmt(median(peaks), 1)) MB)", "< 64 MB", median(resident) < 64)
        var lists: [ListCommandBench.Run] = []
        for _ in 0..<runs {
            lists.append(try ListCommandBench.run(svcwiz: options.svcwiz, kubeconfig: cluster.kubeconfigPath, namespace: "default", home: home))
        }
        log("svcwiz list, cluster \(size): wall \(lists.map { fmt($0.wall) }) s, CPU \(lists.map { fmt($0.cpu) }) s, max RSS \(lists.map { $0.maxRSSKB / 1024 }) MB")
        let wall = median(lists.map(\.wall))
        report.add("`svcwiz list`, cluster of \(size)", "wall \(fmt(wall)) s, CPU \(fmt(median(lists.map(\.cpu)))) s, max RSS \(fmt(median(lists.map { Double($0.maxRSSKB) / 1024 }), 1)) MB", "wall < 1.2 s, CPU ≤ kubectl's", wall < 1.2)
    }
    if wants("watch") {
        let samples = try await cluster.watchLatency(samples: smoke ? 3 : 30, base: 900_000)
        log("watch event, \(options.size ?? mid): \(samples.summary)")
        report.add("watch event applied, \(options.size ?? mid) services", "p50 \(fmt(samples.median)) ms, max \(fmt(samples.max)) ms", "< 50 ms", samples.max < 50)
    }
    await cluster.server.stop()
}

// Key to frame, in process.
if wants("keys") {
    let backend = try WorkspaceBackend(root: workspaces[large]!)
    var rows: [ServiceSummary] = []
    let loaded = try await measure { rows = try await backend.services(in: .named("default")) }
    log("loaded \(rows.count) rows through WorkspaceBackend in \(fmt(loaded.milliseconds, 0)) ms")
    var all = KeyFigures()
    for run in 0..<runs {
        let figures = InProcess.keyFigures(rows: rows, rounds: smoke ? 2 : 10)
        log("run \(run): move \(figures.move.summary)\n        filter narrow \(figures.filterNarrow.summary)\n        filter widen \(figures.filterWiden.summary)\n        sort \(figures.sort.summary)\n        reverse \(figures.reverse.summary)\n        sort by column: \(figures.sortByColumn.sorted { $0.key < $1.key }.map { "\($0.key) p50 \(fmt($0.value.median)) max \(fmt($0.value.percentile(100)))" }.joined(separator: "; "))")
        all.move.values += figures.move.values
        all.filterNarrow.values += figures.filterNarrow.values
        all.filterWiden.values += figures.filterWiden.values
        all.sort.values += figures.sort.values
        all.reverse.values += figures.reverse.values
    }
    let filter = all.filterAll
    report.add("filter keystroke, \(large)", "p50 \(fmt(filter.median)) ms, p99 \(fmt(filter.percentile(99))) ms (typing p99 \(fmt(all.filterNarrow.percentile(99))), erasing p99 \(fmt(all.filterWiden.percentile(99))))", "p99 < 5 ms", filter.percentile(99) < 5)
    report.add("move selection one row, \(large)", "p50 \(fmt(all.move.median, 3)) ms, p99 \(fmt(all.move.percentile(99), 3)) ms", "p99 < 2 ms", all.move.percentile(99) < 2)
    report.add("change sort, \(large)", "p50 \(fmt(all.sort.median)) ms, p99 \(fmt(all.sort.percentile(99))) ms (reverse p99 \(fmt(all.reverse.percentile(99))))", "p99 < 50 ms", all.sort.percentile(99) < 50)
}

// Peak RSS with the largest workspace loaded, in the real binary.
if wants("memory") {
    var peaks: [Double] = []
    var times: [Double] = []
    for _ in 0..<(smoke ? 1 : 3) {
        let (app, shown) = try openApp(["--workspace", workspaces[large]!], timeout: .seconds(300))
        times.append(shown.milliseconds)
        _ = app.drain(quiet: .milliseconds(500))
        peaks.append(Double(app.quit()) / 1024)
    }
    log("peak RSS, \(large): \(peaks.map { fmt($0, 1) }) MB; first frames \(times.map { fmt($0, 0) }) ms")
    report.add("memory, \(large) services loaded (peak RSS of svcwiz)", "\(fmt(median(peaks), 1)) MB", "< 100 MB", median(peaks) < 100)
}

// Bytes to the terminal, real binary at 80x24, colour (xterm-256color).
if wants("bytes") {
    var first: [Double] = []
    var moves: [Double] = []
    var filters: [Double] = []
    var idles: [Double] = []
    for run in 0..<runs {
        let (app, _) = try openApp(["--workspace", workspaces[mid]!])
        first.append(Double(app.output.count + app.drain(quiet: .milliseconds(300))))
        for _ in 0..<10 {
            app.send("j")
            moves.append(Double(app.drain(quiet: .milliseconds(150))))
        }
        app.send("/")
        _ = app.drain(quiet: .milliseconds(150))
        for character in "ord" {
            app.send(String(character))
            filters.append(Double(app.drain(quiet: .milliseconds(150))))
        }
        app.send("\u{1B}")
        _ = app.drain(quiet: .milliseconds(300))
        if run == 0 || !smoke {
            if run < 2 { idles.append(Double(app.listen(for: smoke ? .seconds(1) : .seconds(10)))) }
        }
        app.quit()
    }
    log("bytes: first \(first), moves \(moves), filter chars \(filters), idle \(idles)")
    report.add("bytes, first frame 80x24", "\(Int(median(first))) B", "", nil)
    report.add("bytes, one row move", "\(Int(median(moves))) B (max \(Int(moves.max() ?? 0)))", "< 200 B", (moves.max() ?? 0) < 200)
    report.add("bytes, one filter character", "\(Int(median(filters))) B (max \(Int(filters.max() ?? 0)))", "", nil)
    report.add("bytes, \(smoke ? 1 : 10) s idle", "\(Int(idles.max() ?? 0)) B", "0 B", (idles.max() ?? 0) == 0)
}

if wants("yaml") {
    let figures = try YAMLBench.run(workspace: workspaces[mid]!, runs: runs, withPython: !smoke)
    log("YAML, \(figures.files) files, \(fmt(figures.megabytes)) MB: decode \(figures.decode) s, encode \(figures.encode) s; PyYAML decode \(figures.pyDecode) s, encode \(figures.pyEncode) s")
    if smoke {
        report.add("YAML decode / encode, \(mid) files", "\(fmt(figures.decodeRate)) / \(fmt(figures.encodeRate)) MB/s", "", nil)
    } else {
        let decodeRatio = figures.decodeRate / figures.pyDecodeRate
        let encodeRatio = figures.encodeRate / figures.pyEncodeRate
        report.add("YAML decode, \(mid)-service workspace (\(fmt(figures.megabytes)) MB)", "\(fmt(figures.decodeRate)) MB/s vs PyYAML CLoader \(fmt(figures.pyDecodeRate)) MB/s: ratio \(fmt(decodeRatio))", "ratio >= 1", decodeRatio >= 1)
        report.add("YAML encode, same documents", "\(fmt(figures.encodeRate)) MB/s vs PyYAML CDumper \(fmt(figures.pyEncodeRate)) MB/s: ratio \(fmt(encodeRatio))", "ratio >= 1", encodeRatio >= 1)
    }
}

if wants("decode") {
    let figures = try DecodeBench.run(runs: runs)
    log("decode, page of 500 (\(figures.pageBytes) B): whole tree \(figures.whole.summary); pruned \(figures.pruned.summary)")
    report.add("list page of 500 services (\(fmt(Double(figures.pageBytes) / 1_000_000)) MB) to rows",
               "CPU per page: whole tree p50 \(fmt(figures.whole.median)) ms; without managedFields and last-applied p50 \(fmt(figures.pruned.median)) ms", "", nil)
}

if wants("save") { SaveBench.add(try await SaveBench.time(data: options.data, runs: runs), to: &report) }

report.print()
