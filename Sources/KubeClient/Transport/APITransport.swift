import AsyncHTTPClient
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import ServiceModel
import ServiceStore

/// HTTPS to one API server: TLS from the kubeconfig, credentials on every request, timeouts,
/// reads retried with backoff, a 401 answered once by fresh credentials (a rotated token
/// file, a new exec credential). Two HTTP clients: one for calls, one for long watches.
final class APITransport: Sendable {
    /// `https://host:port` (with `tls-server-name` as the host when set) and any path prefix.
    let baseURL: String
    /// `host:port` as the kubeconfig names it, for messages.
    let endpoint: String
    let tls: TLSSettings
    let credentials: CredentialProvider
    let options: ClusterOptions
    private let client: HTTPClient
    private let watchClient: HTTPClient

    init(context: ClusterContext, options: ClusterOptions) throws(KubeconfigError) {
        let cluster = context.cluster
        guard var url = URLComponents(string: cluster.server), let scheme = url.scheme?.lowercased(),
              scheme == "https" || scheme == "http", let host = url.host, !host.isEmpty else {
            throw .badServer(cluster.server)
        }
        endpoint = host + (url.port.map { ":\($0)" } ?? "")
        var dnsOverride: [String: String] = [:]
        if let serverName = cluster.tlsServerName, serverName != host {
            // Connect to the server's address, but ask for and verify `tls-server-name`.
            dnsOverride[serverName] = host
            if url.port == nil { url.port = scheme == "https" ? 443 : 80 }
            url.host = serverName
        }
        var path = url.path
        while path.hasSuffix("/") { path.removeLast() }
        url.path = path
        url.query = nil
        baseURL = url.string ?? cluster.server
        let tls = try TLSSettings(cluster: cluster, user: context.user)
        self.tls = tls
        credentials = CredentialProvider(context: context)
        self.options = options

        let proxy = try cluster.proxyURL.map { proxy throws(KubeconfigError) in try Self.proxy(proxy) }
        let configuration = { (read: Duration?) -> HTTPClient.Configuration in
            var configuration = HTTPClient.Configuration(
                tlsConfiguration: tls.base,
                timeout: .init(connect: .nanoseconds(options.connectTimeout.nanoseconds),
                               read: read.map { .nanoseconds($0.nanoseconds) }),
                proxy: proxy)
            configuration.redirectConfiguration = .disallow
            // A connection that cannot be made (refused, TLS handshake failed) fails its
            // request at once, with the reason; by default the pool would try again quietly
            // until the connect timeout, and the screen heard nothing for that long. Retries
            // are this transport's own, with backoff, and reported.
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.dnsOverride = dnsOverride
            return configuration
        }
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(options.readTimeout))
        let watchSilence = Duration.seconds(options.watchTimeoutSeconds + 60)
        watchClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration(watchSilence))
    }

    deinit {
        client.shutdown { _ in }
        watchClient.shutdown { _ in }
    }

    /// Sends `request` and returns whatever status comes back; throws `.unreachable` when
    /// there is no answer (after retrying a read) and `.unauthorized` when credentials
    /// cannot be produced. `retrying` hears why each retry of a read is needed, before its
    /// pause, so a screen can say so at once rather than after the last try.
    func send(_ request: APIRequest, retrying: (@Sendable (StoreError) -> Void)? = nil) async throws(StoreError) -> APIResponse {
        var attempt = 0
        var refreshed = false
        while true {
            attempt += 1
            let response: APIResponse
            do {
                let answer = try await execute(request, on: client, deadline: .now() + .seconds(Int64(options.readTimeout.seconds) * 4 + 10))
                let body = try await answer.body.collect(upTo: 512 * 1024 * 1024)
                response = APIResponse(status: Int(answer.status.code), headers: answer.headers, body: Array(buffer: body))
            } catch let error as StoreError {
                throw error
            } catch {
                if Task.isCancelled { throw .unreachable(message: "\(endpoint): cancelled") }
                if request.isRead, attempt < options.readAttempts {
                    retrying?(.unreachable(message: describe(error)))
                    try await pause(before: attempt + 1)
                    continue
                }
                throw .unreachable(message: describe(error))
            }
            if response.status == 401, !refreshed, await credentials.canRefresh {
                refreshed = true
                await credentials.invalidate()
                continue
            }
            if request.isRead, attempt < options.readAttempts, [429, 502, 503, 504].contains(response.status) {
                retrying?(StoreError.from(response, APIOperation(verb: "get", resource: request.path, namespace: nil)))
                try await pause(before: attempt + 1, atLeast: response.retryAfter())
                continue
            }
            return response
        }
    }

    /// Opens a streaming response (a watch). The caller reads the body; a status other than
    /// 200 is returned as is for the caller to map.
    func stream(_ request: APIRequest) async throws(StoreError) -> HTTPClientResponse {
        var refreshed = false
        while true {
            let response: HTTPClientResponse
            do {
                response = try await execute(request, on: watchClient, deadline: .now() + .seconds(Int64(options.watchTimeoutSeconds) + 120))
            } catch let error as StoreError {
                throw error
            } catch {
                throw .unreachable(message: describe(error))
            }
            if response.status.code == 401, !refreshed, await credentials.canRefresh {
                refreshed = true
                await credentials.invalidate()
                continue
            }
            return response
        }
    }

    /// Describes a network failure without anything secret in it.
    func describe(_ error: any Error) -> String {
        let reason: String
        switch error {
        case let error as HTTPClientError where error == .connectTimeout:
            reason = "connection timed out"
        case let error as HTTPClientError where error == .readTimeout:
            reason = "no answer within \(Int(options.readTimeout.seconds)) s"
        case let error as HTTPClientError where error == .deadlineExceeded:
            reason = "timed out"
        case let error as HTTPClientError where error == .remoteConnectionClosed:
            reason = "the server closed the connection"
        case let error as NIOConnectionError:
            reason = error.connectionErrors.first.map { Self.systemReason($0.error) } ?? "cannot connect"
        case let error as IOError:
            reason = Self.systemReason(error)
        case let error as NIOSSLError:
            reason = "TLS handshake failed (\(error))"
        case let error as BoringSSLError:
            reason = "TLS failed (\(error))"
        default:
            reason = "\(error)"
        }
        return "\(endpoint): \(reason)"
    }

    private static func systemReason(_ error: any Error) -> String {
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)).lowercased() }
        return "\(error)"
    }

    private func execute(_ request: APIRequest, on client: HTTPClient, deadline: NIODeadline) async throws -> HTTPClientResponse {
        let credential = try await credentials.current()
        var http = HTTPClientRequest(url: baseURL + request.target)
        http.method = HTTPMethod(rawValue: request.method.rawValue)
        http.headers.add(name: "Accept", value: "application/json")
        http.headers.add(name: "User-Agent", value: options.userAgent)
        if let authorization = credential.authorization { http.headers.add(name: "Authorization", value: authorization) }
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: "application/json")
            http.body = .bytes(ByteBuffer(string: JSONWriter.compact(body)))
        }
        if let certificate = credential.clientCertificate {
            do {
                http.tlsConfiguration = try tls.with(certificate: certificate.certificate, key: certificate.key)
            } catch {
                throw StoreError.unauthorized(message: "the exec plugin's client certificate: \(error.description)")
            }
        }
        return try await client.execute(http, deadline: deadline)
    }

    /// The pause before try number `attempt` (2 for the first retry).
    private func pause(before attempt: Int, atLeast retryAfter: Duration? = nil) async throws(StoreError) {
        let backoff = Backoff(base: options.retryDelay, cap: options.maxRetryDelay)
        do {
            try await options.clock.sleep(backoff.delay(retry: attempt - 1, retryAfter: retryAfter, random: options.clock.random()))
        } catch {
            throw .unreachable(message: "\(endpoint): cancelled")
        }
    }

    private static func proxy(_ text: String) throws(KubeconfigError) -> HTTPClient.Configuration.Proxy {
        guard let url = URLComponents(string: text), let host = url.host, let scheme = url.scheme?.lowercased() else {
            throw .badProxy("(not a URL)")
        }
        var shown = url
        shown.user = nil
        shown.password = nil
        switch scheme {
        case "http":
            let authorization = url.user.map { HTTPClient.Authorization.basic(username: $0, password: url.password ?? "") }
            return .server(host: host, port: url.port ?? 80, authorization: authorization)
        case "socks5":
            return .socksServer(host: host, port: url.port ?? 1080)
        default:
            throw .badProxy(shown.string ?? scheme)
        }
    }
}
