import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// An HTTP CONNECT proxy on 127.0.0.1 for `proxy-url` tests: it tunnels to the requested
/// address and remembers each `CONNECT` line and `Proxy-Authorization` header it saw.
package final class TestConnectProxy: Sendable {
    package let port: Int
    private let channel: any Channel
    private let seen: NIOLockedValueBox<[String]>

    /// The request heads seen, e.g. `CONNECT 127.0.0.1:6443 HTTP/1.1`, each followed by
    /// its `Proxy-Authorization` value when there was one.
    package var requests: [String] { seen.withLockedValue { $0 } }

    package static func start() async throws -> TestConnectProxy {
        let seen = NIOLockedValueBox<[String]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectHandler(seen: seen))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestConnectProxy(port: channel.localAddress?.port ?? 0, channel: channel, seen: seen)
    }

    private init(port: Int, channel: any Channel, seen: NIOLockedValueBox<[String]>) {
        self.port = port
        self.channel = channel
        self.seen = seen
    }

    package func stop() async {
        try? await channel.close()
    }
}

/// Reads the CONNECT head, dials the target on the same event loop, answers 200 and glues
/// the two channels together.
private final class ConnectHandler: ChannelInboundHandler, RemovableChannelHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let seen: NIOLockedValueBox<[String]>
    private var head: [UInt8] = []
    private var dialing = false

    init(seen: NIOLockedValueBox<[String]>) {
        self.seen = seen
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !dialing else { return }
        var buffer = unwrapInboundIn(data)
        head += buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let end = head.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
        dialing = true
        let text = String(decoding: head[..<end.lowerBound], as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        let request = lines.first ?? ""
        let authorization = lines.first { $0.lowercased().hasPrefix("proxy-authorization:") }
        seen.withLockedValue { $0.append(request + (authorization.map { "\n" + $0 } ?? "")) }
        let parts = request.split(separator: " ")
        guard parts.count == 3, parts[0] == "CONNECT", let colon = parts[1].lastIndex(of: ":"),
              let port = Int(parts[1][parts[1].index(after: colon)...]) else {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 400 Bad Request\r\n\r\n")), promise: nil)
            context.close(promise: nil)
            return
        }
        let host = String(parts[1][..<colon])
        let client = context.channel
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop).connect(host: host, port: port).whenComplete { result in
            let context = bound.value
            switch result {
            case .failure:
                context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 502 Bad Gateway\r\n\r\n")), promise: nil)
                context.close(promise: nil)
            case .success(let upstream):
                context.writeAndFlush(self.wrapOutboundOut(ByteBuffer(string: "HTTP/1.1 200 Connection Established\r\n\r\n")), promise: nil)
                let (local, remote) = GlueHandler.matchedPair()
                do {
                    try client.pipeline.syncOperations.addHandler(local)
                    try upstream.pipeline.syncOperations.addHandler(remote)
                    client.pipeline.syncOperations.removeHandler(self, promise: nil)
                } catch {
                    client.close(promise: nil)
                    upstream.close(promise: nil)
                }
            }
        }
    }
}

/// Forwards everything one channel reads to its partner (both on one event loop).
private final class GlueHandler: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: GlueHandler?
    private var context: ChannelHandlerContext?

    static func matchedPair() -> (GlueHandler, GlueHandler) {
        let first = GlueHandler()
        let second = GlueHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        partner?.context?.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        partner?.context?.flush()
    }

    func channelInactive(context: ChannelHandlerContext) {
        partner?.context?.close(promise: nil)
        context.fireChannelInactive()
    }
}
