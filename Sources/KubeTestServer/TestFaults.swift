import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// Network faults a test switches on and off while the server runs: connections reset in
/// the middle of a list or of a watch, a server that stops answering for a while, and TLS
/// handshakes that fail. Answers with an error status (429 with `Retry-After`, 503) are
/// `APIStore.failNext`.
package final class TestFaults: Sendable {
    private struct State {
        var listResets = 0
        var listResetKind: String?
        var stalledUntil: NIODeadline?
        var handshakesFail = false
        var connections: [ObjectIdentifier: (handler: ConnectionFaultHandler, watching: Bool)] = [:]
    }

    private let state = NIOLockedValueBox(State())

    package init() {}

    /// The next `times` list answers (of `kind`, e.g. `ServiceList`, when given) stop
    /// half-way through their body, and the connection is reset (TCP RST), as when a load
    /// balancer or the server's process goes away.
    package func resetLists(times: Int = 1, of kind: String? = nil) {
        state.withLockedValue {
            $0.listResets += times
            $0.listResetKind = kind
        }
    }

    /// Resets every watch connection open now, in the middle of its stream.
    package func resetWatches() {
        let open = state.withLockedValue { $0.connections.values.filter(\.watching).map(\.handler) }
        for connection in open { connection.reset() }
    }

    /// Holds every answer until `duration` from now has passed: requests arriving meanwhile,
    /// watches included, wait and are answered when the stall ends.
    package func stall(for duration: TimeAmount) {
        state.withLockedValue { $0.stalledUntil = .now() + duration }
    }

    /// While on, every connection fails its TLS handshake (the server answers in plain text
    /// and hangs up, as a wrong port or a TLS-terminating proxy gone wrong would). Switching
    /// it on resets the connections open now, so no kept-alive one gets around it.
    package func failHandshakes(_ on: Bool) {
        let open = state.withLockedValue { state in
            state.handshakesFail = on
            return on ? state.connections.values.map(\.handler) : []
        }
        for connection in open { connection.reset() }
    }

    /// How many watch connections are open.
    package var openWatchConnections: Int { state.withLockedValue { $0.connections.values.filter(\.watching).count } }

    // MARK: For the server

    var handshakesFail: Bool { state.withLockedValue { $0.handshakesFail } }

    /// When a stall is on, how long an answer must still wait.
    func stallRemaining() -> TimeAmount? {
        state.withLockedValue { state in
            guard let until = state.stalledUntil else { return nil }
            let left = until - .now()
            if left <= .zero {
                state.stalledUntil = nil
                return nil
            }
            return left
        }
    }

    /// Whether this list answer (of `kind`) is to be cut off (and one fewer remains).
    func takeListReset(kind: String) -> Bool {
        state.withLockedValue { state in
            guard state.listResets > 0, state.listResetKind.map({ $0 == kind }) ?? true else { return false }
            state.listResets -= 1
            return true
        }
    }

    func connectionOpened(_ connection: ConnectionFaultHandler) {
        state.withLockedValue { $0.connections[ObjectIdentifier(connection)] = (connection, false) }
    }

    func watchOpened(_ connection: ConnectionFaultHandler) {
        state.withLockedValue { $0.connections[ObjectIdentifier(connection)]?.watching = true }
    }

    func connectionClosed(_ connection: ConnectionFaultHandler) {
        state.withLockedValue { $0.connections[ObjectIdentifier(connection)] = nil }
    }
}

/// The first handler of a connection, below TLS, so it can hang up on the raw socket: a reset
/// skips TLS's orderly close, and a failed handshake is plain bytes where TLS was expected.
final class ConnectionFaultHandler: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let faults: TestFaults
    /// Set once when added; `reset()` reaches the handler on it from any thread.
    private var eventLoop: (any EventLoop)?
    private var context: ChannelHandlerContext?
    private var refusing = false

    init(faults: TestFaults) {
        self.faults = faults
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        eventLoop = context.eventLoop
        refusing = faults.handshakesFail
        faults.connectionOpened(self)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refusing else {
            context.fireChannelRead(data)
            return
        }
        // The client's hello gets an HTTP answer instead of the server's hello.
        let answer = context.channel.allocator.buffer(string: "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n")
        context.writeAndFlush(wrapOutboundOut(answer)).whenComplete { _ in context.close(promise: nil) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        faults.connectionClosed(self)
        context.fireChannelInactive()
    }

    /// Closes the socket with an RST (SO_LINGER 0), from any thread.
    func reset() {
        eventLoop?.execute { self.resetOnLoop() }
    }

    private func resetOnLoop() {
        guard let context else { return }
        // On the channel's own loop the option is set at once, before the close below.
        _ = (context.channel as? any SocketOptionProvider)?.setSoLinger(linger(l_onoff: 1, l_linger: 0))
        // From this handler's place, below TLS: nothing orderly is sent first.
        context.close(promise: nil)
    }
}
