import Foundation
import ServiceModel

/// A Kubernetes Event about an object, for the detail screen (`kubectl describe`'s Events).
public struct ObjectEvent: Sendable, Hashable {
    /// `Normal` or `Warning`.
    public var type: String
    public var reason: String
    public var message: String
    /// How many times it happened (1 when the server does not say).
    public var count: Int
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// Who reported it: `source.component` or `reportingController`.
    public var source: String

    public init(type: String, reason: String, message: String, count: Int, firstSeen: Date?, lastSeen: Date?, source: String) {
        self.type = type
        self.reason = reason
        self.message = message
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.source = source
    }
}

extension Backend {
    /// No events where the backend has none (a workspace).
    public func events(for service: StoredService) async throws(StoreError) -> [ObjectEvent] { [] }

    /// Everything is allowed where the backend has no access control (a workspace).
    public func can(_ verb: String, resource: String, namespace: String) async -> Bool { true }
}
