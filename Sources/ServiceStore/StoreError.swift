import ServiceModel

/// Everything a backend can answer instead of a result. Each case carries what a message
/// needs, so screens and the command line can say what happened and what to do.
package enum StoreError: Error, Sendable, Hashable {
    /// No such service.
    case notFound(ServiceID)
    /// Cluster: an object of another resource is missing (a namespace a create names, an
    /// API group the server does not serve); `kind` is the resource as the server names it.
    case resourceNotFound(kind: String, name: String, namespace: String)
    case alreadyExists(ServiceID)
    /// The service changed since it was read; `current` is the newer version when known.
    case conflict(ServiceID, current: StoredService?)
    /// The service breaks a rule; the errors carry field paths.
    case invalid(ServiceID, errors: [FieldError])
    /// A file that does not parse.
    case parse(ManifestParseError)
    /// A file system failure: the path and the system's words.
    case io(path: String, message: String)
    /// The backend was opened read-only.
    case readOnly
    /// Cluster: the credentials were refused.
    case unauthorized(message: String)
    /// Cluster: RBAC denied `verb` on `resource`.
    case forbidden(verb: String, resource: String, namespace: String?, message: String)
    /// Cluster: no answer (refused, timed out, TLS failed).
    case unreachable(message: String)
    /// Cluster: any other error status.
    case server(code: Int, reason: String, message: String)
}
