import Foundation
import ServiceModel
import ServiceStore

/// Saving one document of a 10,000-line file: `WorkspaceBackend.update` of a Service in the
/// middle of a multi-document file, each save changing one label, through the real atomic
/// write (the figure includes the file's read-back check and its fsyncs).
enum SaveBench {
    /// One Service document of 20 lines, with comments like a hand-kept file.
    static func document(_ index: Int) -> String {
        """
        # service \(index): kept by hand, reviewed in Git
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-\(index)
          namespace: default
          labels:
            app: svc-\(index)   # the workload's label
            tier: backend
          annotations:
            kubesphere.io/description: service number \(index)
        spec:
          type: ClusterIP
          selector:
            app: svc-\(index)
          ports:
          - name: http
            # the container listens on 8080
            port: 80
            targetPort: 8080

        """
    }

    struct Figure {
        var lines: Int
        var documents: Int
        var samples: Samples
    }

    /// Times `runs` saves (at least 20), in milliseconds.
    static func time(data: String, runs: Int) async throws -> Figure {
        let folder = data + "/save"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let documents = 500
        let text = (0..<documents).map(document).joined(separator: "---\n")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        try text.write(toFile: folder + "/services.yaml", atomically: true, encoding: .utf8)
        let backend = try WorkspaceBackend(root: folder)
        let name = "svc-\(documents / 2)"
        var stored = try await backend.service(ServiceID(namespace: "default", name: name))
        var times: [Double] = []
        for run in 0..<max(20, runs) {
            var manifest = stored.manifest
            manifest.set("metadata.labels.tier", to: .string(run % 2 == 0 ? "frontend" : "backend"))
            let elapsed = try await measure { stored = try await backend.update(manifest, expecting: stored.version) }
            times.append(elapsed.milliseconds)
        }
        let written = try String(contentsOfFile: folder + "/services.yaml", encoding: .utf8)
        guard written.contains("# the container listens on 8080"), written.split(separator: "\n", omittingEmptySubsequences: false).count == lines else {
            throw BenchError("the saved file lost comments or lines")
        }
        log("save one document of a \(lines)-line file: \(times.map { fmt($0) }) ms")
        return Figure(lines: lines, documents: documents, samples: Samples(values: times))
    }

    static func add(_ figure: Figure, to report: inout Report) {
        report.add("save one document, \(figure.lines)-line file (\(figure.documents) documents)",
                   "p50 \(fmt(figure.samples.median)) ms, p99 \(fmt(figure.samples.percentile(99))) ms", "< 10 ms",
                   figure.samples.median < 10)
    }
}
