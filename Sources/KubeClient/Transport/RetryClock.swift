#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the cluster backend's pauses and jitter come from: the real clock and a random
/// source by default; tests give one that records the pauses instead of waiting them out.
package struct RetryClock: Sendable {
    /// Waits `duration`; throws when the task is cancelled.
    package var sleep: @Sendable (Duration) async throws -> Void
    /// A number in 0..<1 for jitter.
    package var random: @Sendable () -> Double

    package init(sleep: @escaping @Sendable (Duration) async throws -> Void, random: @escaping @Sendable () -> Double) {
        self.sleep = sleep
        self.random = random
    }

    package static let system = RetryClock(
        sleep: { try await Task.sleep(for: $0) },
        random: { Double.random(in: 0..<1) })
}

/// Capped exponential backoff with jitter: the n-th retry waits between half and all of
/// `min(cap, base * 2^(n-1))`, so clients that failed together do not come back together,
/// and never less than the server's `Retry-After`.
struct Backoff: Sendable {
    var base: Duration
    var cap: Duration
    /// The most a `Retry-After` is followed: a bigger value is taken as this.
    static let longestRetryAfter: Duration = .seconds(300)

    /// The pause before retry number `retry` (1 for the first).
    func delay(retry: Int, retryAfter: Duration? = nil, random: Double) -> Duration {
        let exponential = base.seconds * pow(2, Double(max(0, min(retry - 1, 30))))
        let ceiling = min(exponential, cap.seconds)
        let jittered = ceiling / 2 + ceiling / 2 * min(max(random, 0), 1)
        let server = min(retryAfter?.seconds ?? 0, Self.longestRetryAfter.seconds)
        return .nanoseconds(Int64(max(jittered, server) * 1e9))
    }
}
