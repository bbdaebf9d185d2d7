/// One thing wrong with a value, before it is tied to a field: the catalog key and its
/// arguments. The `is...` checks return a list of these, one per Kubernetes message.
package struct RuleViolation: Sendable, Hashable {
    package var key: MessageKey
    package var arguments: [String]

    package init(_ key: MessageKey, _ arguments: [String] = []) {
        self.key = key
        self.arguments = arguments
    }

    /// The violation as an `.invalid` error at `path`, with `value` as the bad value.
    package func invalid(at path: FieldPath, value: String, element: FieldPath.Component? = nil) -> FieldError {
        FieldError(path: path, kind: .invalid, key: key, arguments: arguments, badValue: value, element: element)
    }
}

extension Array where Element == RuleViolation {
    /// Every violation as an `.invalid` error at `path`.
    func invalid(at path: FieldPath, value: String, element: FieldPath.Component? = nil) -> [FieldError] {
        map { $0.invalid(at: path, value: value, element: element) }
    }
}

/// Kubernetes' name formats, as apimachinery's `pkg/util/validation` checks them (v1.24):
/// the same limits, the same character classes, one violation per Kubernetes message.
/// Lengths are counted in UTF-8 bytes, as Go's `len` does.
package enum NameRules {
    package static let dns1123LabelMaxLength = 63
    package static let dns1123SubdomainMaxLength = 253
    package static let dns1035LabelMaxLength = 63
    package static let qualifiedNameMaxLength = 63
    package static let labelValueMaxLength = 63
    package static let portNameMaxLength = 15

    // MARK: Formats

    /// `IsDNS1123Label`: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63.
    package static func isDNS1123Label(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        if value.utf8.count > dns1123LabelMaxLength { result.append(RuleViolation(.tooLong, ["\(dns1123LabelMaxLength)"])) }
        if !matchesDNS1123Label(value.utf8[...]) {
            result.append(RuleViolation(matchesDNS1123Subdomain(value) ? .dns1123LabelDots : .dns1123Label))
        }
        return result
    }

    /// `IsDNS1123Subdomain`: dot-separated DNS-1123 labels, at most 253.
    package static func isDNS1123Subdomain(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        if value.utf8.count > dns1123SubdomainMaxLength {
            result.append(RuleViolation(.tooLong, ["\(dns1123SubdomainMaxLength)"]))
        }
        if !matchesDNS1123Subdomain(value) { result.append(RuleViolation(.dns1123Subdomain)) }
        return result
    }

    /// `IsDNS1035Label`: `[a-z]([-a-z0-9]*[a-z0-9])?`, at most 63. A Service's name.
    package static func isDNS1035Label(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        if value.utf8.count > dns1035LabelMaxLength { result.append(RuleViolation(.tooLong, ["\(dns1035LabelMaxLength)"])) }
        let bytes = value.utf8
        if !(bytes.first.map(isLowerLetter) ?? false) || !matchesDNS1123Label(bytes[...]) {
            result.append(RuleViolation(.dns1035Label))
        }
        return result
    }

    /// `IsQualifiedName`: an optional DNS-1123 subdomain prefix and `/`, then a name of at
    /// most 63 `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`. Label and annotation keys.
    package static func isQualifiedName(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        let parts = value.split(separator: "/", omittingEmptySubsequences: false)
        let name: Substring
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            let prefix = String(parts[0])
            name = parts[1]
            if prefix.isEmpty {
                result.append(RuleViolation(.qualifiedNamePrefixEmpty))
            } else {
                for violation in isDNS1123Subdomain(prefix) {
                    result.append(violation.key == .tooLong
                        ? RuleViolation(.qualifiedNamePrefixTooLong, violation.arguments)
                        : RuleViolation(.qualifiedNamePrefix))
                }
            }
        default:
            return [RuleViolation(.qualifiedNameSlashes)]
        }
        if name.isEmpty {
            result.append(RuleViolation(.qualifiedNameEmpty))
        } else if name.utf8.count > qualifiedNameMaxLength {
            result.append(RuleViolation(.qualifiedNameTooLong, ["\(qualifiedNameMaxLength)"]))
        }
        if !matchesQualifiedNamePart(name.utf8[...]) { result.append(RuleViolation(.qualifiedName)) }
        return result
    }

    /// `IsValidLabelValue`: empty, or at most 63 of the qualified name's characters.
    package static func isValidLabelValue(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        if value.utf8.count > labelValueMaxLength { result.append(RuleViolation(.tooLong, ["\(labelValueMaxLength)"])) }
        if !value.isEmpty && !matchesQualifiedNamePart(value.utf8[...]) { result.append(RuleViolation(.labelValue)) }
        return result
    }

    /// `IsValidPortName` (IANA_SVC_NAME): at most 15 of `[-a-z0-9]`, at least one letter,
    /// no `--`, no `-` at either end. A named target port.
    package static func isValidPortName(_ value: String) -> [RuleViolation] {
        var result: [RuleViolation] = []
        let bytes = value.utf8
        if bytes.count > portNameMaxLength { result.append(RuleViolation(.tooLong, ["\(portNameMaxLength)"])) }
        if bytes.isEmpty || !bytes.allSatisfy({ isLowerLetter($0) || isDigit($0) || $0 == hyphen }) {
            result.append(RuleViolation(.portNameCharset))
        }
        if !bytes.contains(where: isLowerLetter) { result.append(RuleViolation(.portNameLetter)) }
        if value.contains("--") { result.append(RuleViolation(.portNameHyphens)) }
        if bytes.first == hyphen || bytes.last == hyphen { result.append(RuleViolation(.portNameHyphenEnds)) }
        return result
    }

    // MARK: Field helpers (what a form calls when a field loses focus)

    /// A Service's `metadata.name`: required, DNS-1035 label.
    package static func serviceName(_ value: String, path: FieldPath = "metadata.name") -> [FieldError] {
        if value.isEmpty { return [FieldError(path: path, kind: .required, key: .nameRequired)] }
        return dns1035Label(value, path: path)
    }

    /// A DNS-1035 label at `path` (a Service's name).
    package static func dns1035Label(_ value: String, path: FieldPath) -> [FieldError] {
        isDNS1035Label(value).invalid(at: path, value: value)
    }

    /// A DNS-1123 label at `path` (a namespace, a port's name).
    package static func dns1123Label(_ value: String, path: FieldPath) -> [FieldError] {
        isDNS1123Label(value).invalid(at: path, value: value)
    }

    /// A DNS-1123 subdomain at `path`.
    package static func dns1123Subdomain(_ value: String, path: FieldPath) -> [FieldError] {
        isDNS1123Subdomain(value).invalid(at: path, value: value)
    }

    /// A qualified name at `path` (an app protocol, a load balancer class).
    package static func qualifiedName(_ value: String, path: FieldPath) -> [FieldError] {
        isQualifiedName(value).invalid(at: path, value: value)
    }

    /// `NameIsDNS1035Label(name, prefix: true)`: a `generateName` may end in `-`.
    static func generateNamePrefix(_ value: String, path: FieldPath) -> [FieldError] {
        var masked = value
        if masked.utf8.count > 1 && masked.hasSuffix("-") {
            masked = String(masked.dropLast(2)) + "a"
        }
        return isDNS1035Label(masked).invalid(at: path, value: value)
    }

    // MARK: Character classes

    static let hyphen = UInt8(ascii: "-")

    static func isLowerLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    static func isUpperLetter(_ b: UInt8) -> Bool { b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    static func isAlphanumeric(_ b: UInt8) -> Bool { isLowerLetter(b) || isUpperLetter(b) || isDigit(b) }

    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    static func matchesDNS1123Label(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let edge: (UInt8) -> Bool = { isLowerLetter($0) || isDigit($0) }
        return edge(first) && edge(last) && bytes.allSatisfy { edge($0) || $0 == hyphen }
    }

    static func matchesDNS1123Subdomain(_ value: String) -> Bool {
        value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { matchesDNS1123Label($0.utf8) }
    }

    /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
    static func matchesQualifiedNamePart(_ bytes: Substring.UTF8View) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let inner: (UInt8) -> Bool = {
            isAlphanumeric($0) || $0 == hyphen || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
        }
        return isAlphanumeric(first) && isAlphanumeric(last) && bytes.allSatisfy(inner)
    }
}
