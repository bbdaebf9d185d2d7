import Foundation
import KubeClient
import ServiceModel

/// One list page of 500 `ClusterCorpus` services, made rows two ways in the same process:
/// the whole JSON tree then `ServiceSummary(manifest:)` (how pages were read before), and
/// the tree without `managedFields` and the last-applied annotation
/// (`ClusterBackend.rowPrune`, how they are read now). Bytes, the thread's CPU time per
/// page (wall time on a machine shared by other builds says little), and the rows'
/// equality are reported.
enum DecodeBench {
    struct Figures {
        var pageBytes: Int
        var whole = Samples()
        var pruned = Samples()
    }

    static func run(runs: Int) throws -> Figures {
        let items = try (0..<500).map { try ClusterCorpus.object($0, namespace: "default") }
        let page = ManifestNode.mapping([
            "kind": .string("ServiceList"), "apiVersion": .string("v1"),
            "metadata": .mapping(["resourceVersion": .string("1"), "continue": .string("x"), "remainingItemCount": .int(9_500)]),
            "items": .sequence(items),
        ])
        let bytes = Array(JSONWriter.compact(page).utf8)
        var figures = Figures(pageBytes: bytes.count)
        var wholeRows: [ServiceSummary] = []
        var prunedRows: [ServiceSummary] = []
        for _ in 0..<max(runs, 5) {
            figures.whole.add(try threadCPUTime {
                let root = try ManifestReader.parse(bytes: bytes, format: .json).documents.first?.root
                wholeRows = (root?["items"]?.items ?? []).map { ServiceSummary(manifest: $0) }
            })
            figures.pruned.add(try threadCPUTime {
                let root = try ManifestReader.parseJSON(bytes: bytes, skipping: ClusterBackend.rowPrune)
                prunedRows = (root["items"]?.items ?? []).map { ServiceSummary(manifest: $0) }
            })
        }
        guard wholeRows == prunedRows, wholeRows.count == 500 else { throw BenchError("the two decodings disagree") }
        return figures
    }
}

/// The CPU time this thread spends in `body` (`CLOCK_THREAD_CPUTIME_ID`).
func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
    func now() -> Duration {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return .seconds(spec.tv_sec) + .nanoseconds(spec.tv_nsec)
    }
    let start = now()
    try body()
    return now() - start
}
