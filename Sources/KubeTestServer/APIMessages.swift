import Foundation
import ServiceModel

/// A request as the store sees it: already authenticated.
package struct APICall: Sendable {
    package var method: String
    package var path: String
    package var query: [String: String]
    package var body: [UInt8]
    /// The authenticated user; nil for `system:anonymous`.
    package var user: String?
    /// The `User-Agent` header (its first word is the field manager).
    package var userAgent: String

    package init(method: String, path: String, query: [String: String] = [:], body: [UInt8] = [], user: String?,
                userAgent: String = "test") {
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.user = user
        self.userAgent = userAgent
    }
}

/// What the store answers: a JSON body, or a watch to stream.
package enum APIAnswer: Sendable {
    case json(status: Int, body: ManifestNode)
    /// HTTP 200 and chunked JSON lines: `backlog` first, then live events until `closeAfterBacklog`.
    case watch(WatchStart)
}

/// The start of a watch: the events to send at once and, when it stays open, its registration.
package struct WatchStart: Sendable {
    package var backlog: [ManifestNode]
    /// Ends the stream after the backlog (a 410 ERROR event).
    package var closeAfterBacklog: Bool
    /// What is watched: `services`, `nodes`.
    package var resource = "services"
    package var namespace: String?
    package var bookmarks: Bool
    package var timeoutSeconds: Int?
    package var resourceVersion: Int
}

/// Kubernetes' `Status` bodies, with the real server's key order and messages.
enum StatusBody {
    static func failure(_ code: Int, _ reason: String, _ message: String, details: ManifestNode? = nil) -> APIAnswer {
        var entries: [ManifestEntry] = [
            ManifestEntry(key: "kind", value: .string("Status")),
            ManifestEntry(key: "apiVersion", value: .string("v1")),
            ManifestEntry(key: "metadata", value: .mapping()),
            ManifestEntry(key: "status", value: .string("Failure")),
            ManifestEntry(key: "message", value: .string(message)),
            ManifestEntry(key: "reason", value: .string(reason)),
        ]
        if let details { entries.append(ManifestEntry(key: "details", value: details)) }
        entries.append(ManifestEntry(key: "code", value: .int(code)))
        return .json(status: code, body: .mapping(entries))
    }

    static func details(name: String?, group: String = "", kind: String, causes: [ManifestNode]? = nil) -> ManifestNode {
        var entries: [ManifestEntry] = []
        if let name { entries.append(ManifestEntry(key: "name", value: .string(name))) }
        if !group.isEmpty { entries.append(ManifestEntry(key: "group", value: .string(group))) }
        entries.append(ManifestEntry(key: "kind", value: .string(kind)))
        if let causes { entries.append(ManifestEntry(key: "causes", value: .sequence(causes))) }
        return .mapping(entries)
    }

    static func notFound(_ resource: String, group: String = "", name: String) -> APIAnswer {
        failure(404, "NotFound", "\(resource) \"\(name)\" not found", details: details(name: name, group: group, kind: resource))
    }

    static func alreadyExists(_ resource: String, name: String) -> APIAnswer {
        failure(409, "AlreadyExists", "\(resource) \"\(name)\" already exists", details: details(name: name, kind: resource))
    }

    static func conflict(_ resource: String, name: String) -> APIAnswer {
        failure(409, "Conflict",
                "Operation cannot be fulfilled on \(resource) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
                details: details(name: name, kind: resource))
    }

    static func badRequest(_ message: String) -> APIAnswer {
        failure(400, "BadRequest", message)
    }

    static let unauthorized = failure(401, "Unauthorized", "Unauthorized")

    static func forbidden(user: String?, verb: String, resource: String, group: String, namespace: String?, name: String?) -> APIAnswer {
        let who = user ?? "system:anonymous"
        let scope = namespace.map { "in the namespace \"\($0)\"" } ?? "at the cluster scope"
        let subject = name.map { "\(resource) \"\($0)\"" } ?? resource
        return failure(403, "Forbidden",
                       "\(subject) is forbidden: User \"\(who)\" cannot \(verb) resource \"\(resource)\" in API group \"\(group)\" \(scope)",
                       details: details(name: name, group: group, kind: resource))
    }

    /// A 422 for a Service, one cause per error, message built as the server builds it.
    static func invalid(kind: String, name: String, group: String = "", causes: [(reason: String, message: String, field: String)]) -> APIAnswer {
        let lines = causes.map { "\($0.field): \($0.message)" }
        let summary = lines.count == 1 ? lines[0] : "[" + lines.joined(separator: ", ") + "]"
        let nodes = causes.map { cause in
            ManifestNode.mapping([
                "reason": .string(cause.reason), "message": .string(cause.message), "field": .string(cause.field),
            ])
        }
        return failure(422, "Invalid", "\(kind) \"\(name)\" is invalid: \(summary)",
                       details: details(name: name, group: group, kind: kind, causes: nodes))
    }
}
