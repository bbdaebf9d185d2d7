/// The wizard's own rules, stricter than Kubernetes' (FIELDS.md, step 1).
package enum WizardRules {
    package static let aliasAnnotation = "kubesphere.io/alias-name"
    package static let descriptionAnnotation = "kubesphere.io/description"
    package static let aliasMaxLength = 63
    package static let descriptionMaxLength = 256

    /// The alias: any text, at most 63 characters, no space at either end.
    package static func alias(_ value: String, path: FieldPath = FieldPath("metadata.annotations").key(aliasAnnotation)) -> [FieldError] {
        var result: [FieldError] = []
        if value.count > aliasMaxLength {
            result.append(FieldError(path: path, kind: .tooLong, key: .tooLong, arguments: ["\(aliasMaxLength)"], badValue: value))
        }
        if value.first?.isWhitespace == true || value.last?.isWhitespace == true {
            result.append(FieldError(path: path, kind: .invalid, key: .aliasSpaces, badValue: value))
        }
        return result
    }

    /// The description: any text, several lines allowed, at most 256 characters.
    package static func description(_ value: String, path: FieldPath = FieldPath("metadata.annotations").key(descriptionAnnotation)) -> [FieldError] {
        guard value.count > descriptionMaxLength else { return [] }
        return [FieldError(path: path, kind: .tooLong, key: .tooLong, arguments: ["\(descriptionMaxLength)"], badValue: value)]
    }
}
