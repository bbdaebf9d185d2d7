import Foundation
import ServiceModel

/// A Kubernetes Event about an object, for the detail screen (`kubectl describe`'s Events).
package struct ObjectEvent: Sendable, Hashable {
    /// `Normal` or `Warning`.
    package var type: String
    package var reason: String
    package var message: String
    /// How many times it happened (1 when the server does not say).
    package var count: Int
    package var firstSeen: Date?
    package var lastSeen: Date?
    /// Who reported it: `source.component` or `reportingController`.
    package var source: String

    package init(type: String, reason: String, message: String, count: Int, firstSeen: Date?, lastSeen: Date?, source: String) {
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
    package func events(for service: StoredService) async throws(StoreError) -> [ObjectEvent] { [] }

    /// Everything is allowed where the backend has no access control (a workspace).
    package func can(_ verb: String, resource: String, namespace: String) async -> Bool { true }

    /// A manifest folder has no nodes.
    package func nodes() async -> NodeAddresses { .unknown(.workspace) }
}
