import Foundation

/// `svcwiz list` against a cluster, as `kubectl get svc` would be timed: the whole process
/// under `/usr/bin/time`, output to /dev/null. `time` is the bench's child and svcwiz
/// its child, so the maximum RSS `time` reports is svcwiz's own (a child spawned by the
/// bench itself would inherit the bench's high-water mark, see `PtyProcess.peakResidentKB`).
enum ListCommandBench {
    struct Run {
        var wall: Double
        /// User plus system time, seconds.
        var cpu: Double
        var maxRSSKB: Int
    }

    static func run(svcwiz: String, kubeconfig: String, namespace: String, home: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%e %U %S %M", svcwiz, "list", "-n", namespace]
        process.environment = childEnvironment(home: home, extra: ["KUBECONFIG": kubeconfig])
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: output, as: UTF8.self)
        let fields = text.split(separator: "\n").last?.split(separator: " ").compactMap { Double($0) } ?? []
        guard process.terminationStatus == 0, fields.count == 4 else {
            throw BenchError("svcwiz list failed (\(process.terminationStatus)): \(text.suffix(400))")
        }
        return Run(wall: fields[0], cpu: fields[1] + fields[2], maxRSSKB: Int(fields[3]))
    }
}
