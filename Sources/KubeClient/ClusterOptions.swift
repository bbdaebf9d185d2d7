#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How patient the cluster backend is. The defaults suit a person at a terminal; tests
/// shorten them.
package struct ClusterOptions: Sendable {
    /// Time to open a connection (TCP and TLS).
    package var connectTimeout: Duration = .seconds(10)
    /// Longest silence while reading a response.
    package var readTimeout: Duration = .seconds(30)
    /// Tries for a read (GET) that fails on the network or gets 429/502/503/504; writes are
    /// sent once (a create is never repeated blindly).
    package var readAttempts = 4
    /// The first pause between tries and between watch reconnections; doubled each time,
    /// with jitter (see `Backoff`).
    package var retryDelay: Duration = .milliseconds(300)
    /// The longest pause between tries.
    package var maxRetryDelay: Duration = .seconds(30)
    /// Items per page when listing (`limit`).
    package var pageSize = 500
    /// `timeoutSeconds` of a watch: the server ends it then and the backend watches again
    /// from the last resourceVersion.
    package var watchTimeoutSeconds = 300
    /// Sent as `User-Agent`; the server records its first word as the field manager.
    package var userAgent = "svcwiz/0.1.0"
    /// How long the list or watch behind the screen may go without an answer before the
    /// screen is told (it keeps waiting): a failure shows within this, whatever the timeouts.
    package var patience: Duration = .seconds(3)
    /// The clock and random source of retries.
    package var clock = RetryClock.system

    package init() {}
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    var nanoseconds: Int64 { Int64(seconds * 1e9) }
}
