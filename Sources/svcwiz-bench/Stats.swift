import Foundation

/// Timings in milliseconds, with the percentiles the report shows.
struct Samples {
    var values: [Double] = []

    mutating func add(_ duration: Duration) { values.append(duration.milliseconds) }
    mutating func add(milliseconds: Double) { values.append(milliseconds) }

    /// Nearest-rank percentile (p in 0...100).
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank - 1))]
    }

    var median: Double { percentile(50) }
    var max: Double { values.max() ?? .nan }
    var count: Int { values.count }

    var summary: String {
        "p50 \(fmt(percentile(50))) ms, p99 \(fmt(percentile(99))) ms, max \(fmt(max)) ms (n=\(count))"
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

func fmt(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

func median(_ values: [Double]) -> Double { Samples(values: values).median }

/// Runs `body` and returns how long it took.
@discardableResult
func measure(_ body: () throws -> Void) rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    return clock.now - start
}

@discardableResult
func measure(_ body: () async throws -> Void) async rethrows -> Duration {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    return clock.now - start
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
