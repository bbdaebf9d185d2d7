/// A Kubernetes minor release (1.24, 1.36, ...): the unit in which the API server's Service
/// rules change. Patch releases do not change them, so `v1.28.3` reads as 1.28.
package struct KubeVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let minor: Int

    package init(minor: Int) { self.minor = minor }

    /// The releases svcwiz has a rules profile for, oldest first.
    package static let supported: ClosedRange<Int> = 24...36
    package static let oldest = KubeVersion(minor: supported.lowerBound)
    package static let newest = KubeVersion(minor: supported.upperBound)

    package var description: String { "1.\(minor)" }

    package static func < (a: KubeVersion, b: KubeVersion) -> Bool { a.minor < b.minor }

    /// Reads what a user types (`1.24`, `v1.24.3`, `latest`) or what `/version` says
    /// (`major: "1"`, `minor: "28+"`, from `parse(major:minor:)`). Only supported minors are
    /// accepted: a rules profile svcwiz does not have would be a guess.
    package static func parse(_ text: String) throws(KubeVersionError) -> KubeVersion {
        let trimmed = text.trimmingASCIISpaces
        if trimmed.lowercased() == "latest" { return newest }
        var body = Substring(trimmed)
        if body.first == "v" || body.first == "V" { body = body.dropFirst() }
        // A build suffix (`v1.28.3-gke.1286000`) says nothing about the rules: only major
        // and minor are read.
        let parts = body.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0...1].allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitOrPlus) }),
              let major = Int(parts[0]), let minor = Int(parts[1].filter { $0 != "+" })
        else { throw .unreadable(text) }
        return try checked(major: major, minor: minor, written: text)
    }

    /// The version a `/version` answer names. Managed clusters write `minor: "28+"`.
    package static func parse(major: String, minor: String) throws(KubeVersionError) -> KubeVersion {
        guard let majorNumber = Int(major), let minorNumber = Int(minor.filter { $0 != "+" }) else {
            throw .unreadable("\(major).\(minor)")
        }
        return try checked(major: majorNumber, minor: minorNumber, written: "\(major).\(minor)")
    }

    private static func checked(major: Int, minor: Int, written: String) throws(KubeVersionError) -> KubeVersion {
        guard major == 1, supported.contains(minor) else { throw .unsupported(written) }
        return KubeVersion(minor: minor)
    }
}

/// Why a version could not be used. Both name the supported range, so the user can pick.
package enum KubeVersionError: Error, Sendable, Hashable {
    /// Not a version at all (`1.x`, `abc`).
    case unreadable(String)
    /// A version without a rules profile (`1.20`, `2.0`, `1.99`).
    case unsupported(String)

    /// The catalog key and arguments of the message.
    package var messageKey: MessageKey {
        switch self {
        case .unreadable: return .kubeVersionUnreadable
        case .unsupported: return .kubeVersionUnsupported
        }
    }

    package var arguments: [String] {
        switch self {
        case .unreadable(let text), .unsupported(let text):
            return [text, KubeVersion.oldest.description, KubeVersion.newest.description]
        }
    }

    package func message(in language: Language) -> String {
        Catalog.text(messageKey, arguments, language: language)
    }
}

private extension Character {
    var isASCIIDigitOrPlus: Bool { ("0"..."9").contains(self) || self == "+" }
}
