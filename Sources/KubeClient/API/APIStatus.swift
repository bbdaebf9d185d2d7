import Foundation
import ServiceModel
import ServiceStore

/// What was being done when the server answered, so an error can say it.
struct APIOperation: Sendable {
    /// RBAC's verb: get, list, watch, create, update, delete.
    var verb: String
    /// The plural resource: services, endpointslices, ...
    var resource: String
    var name: String?
    var namespace: String?
}

extension APIOperation {
    /// An operation on one service.
    init(verb: String, resource: String, id: ServiceID) {
        self.init(verb: verb, resource: resource, name: id.name, namespace: id.namespace)
    }
}

/// A `Status` object, as every error response carries.
struct APIStatus: Sendable {
    var code: Int
    var reason: String
    var message: String
    var detailsName: String?
    var detailsKind: String?
    var causes: [(reason: String, message: String, field: String)]

    /// Reads a Status body; nil when the body is something else (a proxy's HTML page).
    init?(_ node: ManifestNode?) {
        guard let node, node["kind"]?.string == "Status" else { return nil }
        code = node["code"]?.int ?? 0
        reason = node["reason"]?.scalarText ?? ""
        message = node["message"]?.scalarText ?? ""
        let details = node["details"]
        detailsName = details?["name"]?.scalarText
        detailsKind = details?["kind"]?.scalarText
        causes = (details?["causes"]?.items ?? []).map {
            ($0["reason"]?.scalarText ?? "", $0["message"]?.scalarText ?? "", $0["field"]?.scalarText ?? "")
        }
    }

    /// The FieldErrors of a 422: one per cause, in the server's order, with the server's
    /// words under `MessageKey.serverMessage`; a Status without causes gives one error at
    /// the root with the whole message.
    var fieldErrors: [FieldError] {
        guard !causes.isEmpty else {
            return [FieldError(path: .root, kind: .invalid, key: .serverMessage, arguments: [message])]
        }
        return causes.map { cause in
            FieldError(path: FieldPath(cause.field), kind: FieldError.Kind(apiReason: cause.reason) ?? .invalid,
                       key: .serverMessage, arguments: [cause.message], badValue: Self.badValue(in: cause.message))
        }
    }

    /// `"bad key!"` from `Invalid value: "bad key!": ...`, `70000` from `Invalid value: 70000: ...`.
    static func badValue(in message: String) -> String? {
        let prefixes = ["Invalid value: ", "Unsupported value: ", "Duplicate value: "]
        guard let prefix = prefixes.first(where: message.hasPrefix) else { return nil }
        let rest = message.dropFirst(prefix.count)
        if rest.hasPrefix("\"") {
            var value = ""
            var escaped = false
            for character in rest.dropFirst() {
                if escaped {
                    value.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return value
                } else {
                    value.append(character)
                }
            }
            return nil
        }
        return rest.split(separator: ":", maxSplits: 1).first.map(String.init)
    }
}

extension StoreError {
    /// The error an unsuccessful response stands for.
    static func from(_ response: APIResponse, _ operation: APIOperation) -> StoreError {
        let status = APIStatus(response.json)
        let message = status?.message ?? Self.plainText(response.body)
        let reason = status?.reason ?? ""
        let namespace = operation.namespace ?? ""
        let name = status?.detailsName ?? operation.name ?? ""
        switch response.status {
        case 401:
            return .unauthorized(message: message.isEmpty ? "Unauthorized" : message)
        case 403:
            return .forbidden(verb: operation.verb, resource: operation.resource, namespace: operation.namespace, message: message)
        case 404:
            let kind = status?.detailsKind ?? operation.resource
            if kind == "services" { return .notFound(ServiceID(namespace: namespace, name: operation.name ?? name)) }
            // A missing namespace on create says `namespaces "x" not found`.
            return .resourceNotFound(kind: kind, name: kind == "namespaces" ? name : (operation.name ?? name), namespace: namespace)
        case 409 where reason == "AlreadyExists":
            return .alreadyExists(ServiceID(namespace: namespace, name: name))
        case 409:
            return .conflict(ServiceID(namespace: namespace, name: name), current: nil)
        case 422:
            return .invalid(ServiceID(namespace: namespace, name: name), errors: status?.fieldErrors ?? [])
        case 429:
            return .server(code: 429, reason: reason.isEmpty ? "TooManyRequests" : reason,
                           message: (message.isEmpty ? "the server is throttling requests" : message) + "; try again in a moment")
        default:
            return .server(code: response.status, reason: reason.isEmpty ? Self.phrase(response.status) : reason,
                           message: message.isEmpty ? Self.phrase(response.status) : message)
        }
    }

    private static func plainText(_ body: [UInt8]) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        return String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
    }

    private static func phrase(_ code: Int) -> String {
        switch code {
        case 400: return "BadRequest"
        case 405: return "MethodNotAllowed"
        case 406: return "NotAcceptable"
        case 410: return "Expired"
        case 415: return "UnsupportedMediaType"
        case 500: return "InternalError"
        case 502: return "BadGateway"
        case 503: return "ServiceUnavailable"
        case 504: return "GatewayTimeout"
        default: return "HTTP \(code)"
        }
    }
}
