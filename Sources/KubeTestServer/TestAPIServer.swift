import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import ServiceModel

/// An in-process HTTPS API server on 127.0.0.1 (random port) for tests: real TLS with the
/// test CA, client certificates verified against it (optional, so tokens work too), bearer
/// tokens and basic auth, HTTP/1.1 with chunked watch streams. REST semantics live in
/// `APIStore`.
package final class TestAPIServer: Sendable {
    package let store: APIStore
    /// Resets, stalls and failed handshakes, switched on by a test (see `TestFaults`).
    package let faults: TestFaults
    package let port: Int
    private let channel: any Channel
    private let users: Users

    /// `https://127.0.0.1:PORT`.
    package var url: String { "https://127.0.0.1:\(port)" }

    /// Who may authenticate how. Mutable so a test can rotate tokens.
    package final class Users: @unchecked Sendable {
        private let lock = NIOLock()
        private var tokens: [String: String]
        private var passwords: [String: (password: String, user: String)]
        private var certificates: [[UInt8]: String]
        /// 401 answers so far (a token rotation test counts them).
        private var refusals = 0
        /// Artificial latency before every answer.
        private var delay: TimeAmount?

        package init(tokens: [String: String] = [:], passwords: [String: (password: String, user: String)] = [:],
                    certificates: [[UInt8]: String] = [:]) {
            self.tokens = tokens
            self.passwords = passwords
            self.certificates = certificates
        }

        package func setTokens(_ new: [String: String]) { lock.withLock { tokens = new } }
        package var unauthorizedAnswers: Int { lock.withLock { refusals } }
        package func setDelay(_ amount: TimeAmount?) { lock.withLock { delay = amount } }
        var currentDelay: TimeAmount? { lock.withLock { delay } }

        /// The user behind the request; `.failure` for bad credentials (401).
        func authenticate(authorization: String?, certificate: [UInt8]?) -> Result<String?, AuthFailure> {
            lock.withLock {
                if let authorization {
                    if authorization.hasPrefix("Bearer "), let user = tokens[String(authorization.dropFirst(7))] { return .success(user) }
                    if authorization.hasPrefix("Basic "), let data = Data(base64Encoded: String(authorization.dropFirst(6))) {
                        let pair = String(decoding: data, as: UTF8.self).split(separator: ":", maxSplits: 1).map(String.init)
                        if pair.count == 2, let entry = passwords[pair[0]], entry.password == pair[1] { return .success(entry.user) }
                    }
                    refusals += 1
                    return .failure(AuthFailure())
                }
                if let certificate, let user = certificates[certificate] { return .success(user) }
                return .success(nil)
            }
        }

        struct AuthFailure: Error {}
    }

    /// Starts a server with the PKI's server certificate; client certificates of the PKI's
    /// CA are accepted, mapped to users by `users`.
    /// `certificate` replaces the server certificate (e.g. `pki.namedServerCertificate`).
    package static func start(pki: TestPKI, users: Users, store: APIStore = APIStore(), certificate: String? = nil,
                             faults: TestFaults = TestFaults()) async throws -> TestAPIServer {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificate ?? pki.serverCertificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.serverKey, format: .pem)))
        tls.certificateVerification = .optionalVerification
        tls.trustRoots = .file(pki.caCertificate)
        let context = try NIOSSLContext(configuration: tls)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectionFaultHandler(faults: faults))
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(APIHandler(store: store, users: users, faults: faults))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestAPIServer(store: store, faults: faults, port: channel.localAddress?.port ?? 0, channel: channel, users: users)
    }

    private init(store: APIStore, faults: TestFaults, port: Int, channel: any Channel, users: Users) {
        self.store = store
        self.faults = faults
        self.port = port
        self.channel = channel
        self.users = users
    }

    /// Stops listening and closes every watch.
    package func stop() async {
        store.dropWatches()
        try? await channel.close()
    }

    /// A port on 127.0.0.1 where nothing listens.
    package static func closedPort() throws -> Int {
        let channel = try ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).wait()
        let port = channel.localAddress?.port ?? 1
        try channel.close().wait()
        return port
    }
}

/// One connection: collects a request, authenticates it, asks the store, writes the answer
/// (or keeps a watch stream open).
final class APIHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let store: APIStore
    private let users: TestAPIServer.Users
    private let faults: TestFaults
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var watcher: UInt64?

    init(store: APIStore, users: TestAPIServer.Users, faults: TestFaults) {
        self.store = store
        self.users = users
        self.faults = faults
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
        case .body(var buffer):
            body += buffer.readBytes(length: buffer.readableBytes) ?? []
        case .end:
            guard let head else { return }
            self.head = nil
            let certificate = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self).peerCertificate?.toDERBytes()
            let identity = users.authenticate(authorization: head.headers.first(name: "Authorization"), certificate: certificate)
            let answer: APIAnswer
            switch identity {
            case .failure:
                answer = StatusBody.unauthorized
            case .success(let user):
                let components = URLComponents(string: head.uri)
                var query: [String: String] = [:]
                for item in components?.queryItems ?? [] { query[item.name] = item.value ?? "" }
                answer = store.handle(APICall(method: head.method.rawValue, path: components?.path ?? head.uri, query: query,
                                              body: body, user: user, userAgent: head.headers.first(name: "User-Agent") ?? ""))
            }
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            let keepAlive = head.isKeepAlive
            let stall = faults.stallRemaining()
            if let delay = [users.currentDelay, stall].compactMap({ $0 }).max() {
                context.eventLoop.scheduleTask(in: delay) { self.respond(answer, context: bound.value, keepAlive: keepAlive) }
            } else {
                respond(answer, context: context, keepAlive: keepAlive)
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let watcher { store.removeWatcher(watcher) }
        context.fireChannelInactive()
    }

    private func respond(_ answer: APIAnswer, context: ChannelHandlerContext, keepAlive: Bool) {
        switch answer {
        case let .json(status, node):
            let bytes = ByteBuffer(string: JSONWriter.compact(node))
            if status == 200, let kind = node["kind"]?.string, kind.hasSuffix("List"), faults.takeListReset(kind: kind) {
                respondCutOff(status: status, body: bytes, context: context)
                return
            }
            var headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(bytes.readableBytes))])
            if !keepAlive { headers.add(name: "Connection", value: "close") }
            if let seconds = node["details"]?["retryAfterSeconds"]?.int { headers.add(name: "Retry-After", value: String(seconds)) }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(bytes))), promise: nil)
            if keepAlive {
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            } else {
                let channel = context.channel
                context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        case .watch(let start):
            startWatch(start, context: context)
        }
    }

    /// Half of the body, then a reset: the client has the head and some of the list.
    private func respondCutOff(status: Int, body: ByteBuffer, context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(body.readableBytes))])
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: headers))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(body.getSlice(at: body.readerIndex, length: body.readableBytes / 2) ?? body))),
                              promise: nil)
        let connection = try? context.pipeline.syncOperations.handler(type: ConnectionFaultHandler.self)
        // After the half has left: a reset at once would discard it from the send buffer.
        context.eventLoop.scheduleTask(in: .milliseconds(50)) { connection?.reset() }
    }

    private func startWatch(_ start: WatchStart, context: ChannelHandlerContext) {
        let headers = HTTPHeaders([("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")])
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        let send: @Sendable (ManifestNode) -> Void = { event in
            let line = JSONWriter.compact(event) + "\n"
            loop.execute {
                bound.value.writeAndFlush(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: line)))), promise: nil)
            }
        }
        let close: @Sendable () -> Void = {
            loop.execute {
                let channel = bound.value.channel
                bound.value.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            }
        }
        if let connection = try? context.pipeline.syncOperations.handler(type: ConnectionFaultHandler.self) {
            faults.watchOpened(connection)
        }
        for event in start.backlog { send(event) }
        if start.closeAfterBacklog {
            close()
            return
        }
        watcher = store.addWatcher(resource: start.resource, namespace: start.namespace, bookmarks: start.bookmarks, send: send, close: close,
                                   backlogFrom: start.resourceVersion) { backlog in backlog.forEach(send) }
        if let seconds = start.timeoutSeconds {
            let id = watcher
            loop.scheduleTask(in: .seconds(Int64(seconds))) {
                if let id { self.store.removeWatcher(id) }
                close()
            }
        }
    }
}
