import Foundation

/// How patient the cluster backend is. The defaults suit a person at a terminal; tests
/// shorten them.
public struct ClusterOptions: Sendable {
    /// Time to open a connection (TCP and TLS).
    public var connectTimeout: Duration = .seconds(10)
    /// Longest silence while reading a response.
    public var readTimeout: Duration = .seconds(30)
    /// Tries for a read (GET) that fails on the network or gets 429/502/503/504; writes are
    /// sent once (a create is never repeated blindly).
    public var readAttempts = 4
    /// The first pause between tries and between watch reconnections; doubled each time,
    /// with jitter (see `Backoff`).
    public var retryDelay: Duration = .milliseconds(300)
    /// The longest pause between tries.
    public var maxRetryDelay: Duration = .seconds(30)
    /// Items per page when listing (`limit`).
    public var pageSize = 500
    /// `timeoutSeconds` of a watch: the server ends it then and the backend watches again
    /// from the last resourceVersion.
    public var watchTimeoutSeconds = 300
    /// Sent as `User-Agent`; the server records its first word as the field manager.
    public var userAgent = "svcwiz/0.1.0"
    /// How long the list or watch behind the screen may go without an answer before the
    /// screen is told (it keeps waiting): a failure shows within this, whatever the timeouts.
    package var patience: Duration = .seconds(3)
    /// The clock and random source of retries.
    package var clock = RetryClock.system

    public init() {}
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    var nanoseconds: Int64 { Int64(seconds * 1e9) }
}
