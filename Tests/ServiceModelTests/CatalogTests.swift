import Testing
@testable import ServiceModel

@Suite struct CatalogTests {
    @Test(arguments: Catalog.keys)
    func everyKeyHasBothLanguagesWithTheSamePlaceholders(_ key: MessageKey) throws {
        let en = try #require(Catalog.template(key, language: .en))
        let zh = try #require(Catalog.template(key, language: .zh))
        #expect(!en.isEmpty && !zh.isEmpty)
        #expect(Catalog.placeholders(in: en) == Catalog.placeholders(in: zh))
        let count = Catalog.placeholders(in: en).count
        #expect(Catalog.placeholders(in: en) == Set(0..<count), "placeholders of \(key) must be {0}...{n-1}")
    }

    @Test(arguments: Catalog.keys)
    func chineseTextIsChinese(_ key: MessageKey) throws {
        let zh = try #require(Catalog.template(key, language: .zh))
        #expect(zh.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key): \(zh)")
    }

    @Test(arguments: Catalog.keys)
    func everyMessageSaysWhatToDo(_ key: MessageKey) throws {
        // Not just "invalid": each text names the rule, and most give an example.
        let en = try #require(Catalog.template(key, language: .en))
        #expect(en.count >= 15)
        #expect(!en.lowercased().hasPrefix("invalid"))
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Catalog.text(.portRange, ["1", "65535"], language: .en) == "must be a number from 1 to 65535, e.g. 80")
        #expect(Catalog.text(.portRange, ["1", "65535"], language: .zh) == "必须是 1 到 65535 之间的数字，例如 80")
        #expect(Catalog.text(.portNameDuplicate, ["{1}"], language: .en).hasPrefix("another port is already named {1};"))
        #expect(Catalog.text(.portRange, ["1"], language: .en).contains("{1}"))
    }

    @Test func anUnknownKeyIsVisible() {
        #expect(Catalog.text("no.such.key", ["x"], language: .zh) == "no.such.key x")
    }

    @Test func theServiceNameMessageSaysWhatToType() {
        let error = NameRules.serviceName("Web_API").first
        #expect(error?.message(in: .en)
            == "must start with a lowercase letter and contain only lowercase letters, digits and '-', ending with a letter or digit, e.g. web-api")
        #expect(error?.message(in: .zh) == "必须以小写字母开头，只能包含小写字母、数字和“-”，并以字母或数字结尾，例如 web-api")
    }

    @Test func everyKeyDeclaredForValidationIsInTheCatalog() {
        let declared: [MessageKey] = [
            .apiVersionV1, .kindService, .typeInteger, .typeIntegerRange, .typeString, .typeBoolean, .typeMapping, .typeSequence,
            .typePortOrName, .nameRequired, .portsRequired, .portNameRequired, .externalNameRequired, .clusterIPsRequired, .tooLong,
            .dns1035Label, .dns1123Label, .dns1123LabelDots, .dns1123Subdomain, .qualifiedNameSlashes, .qualifiedNamePrefixEmpty,
            .qualifiedNamePrefixTooLong, .qualifiedNamePrefix, .qualifiedNameEmpty, .qualifiedNameTooLong, .qualifiedName,
            .labelValue, .portNameCharset, .portNameLetter, .portNameHyphens, .portNameHyphenEnds, .portRange, .targetPortRange,
            .nodePortRange, .nodePortNeedsExternalAccess, .portNameDuplicate, .portDuplicate, .nodePortDuplicate, .notSupported,
            .duplicate, .immutable, .headlessNotAllowed, .externalNameForbids, .timeoutRange, .loadBalancerOnly,
            .externalTrafficPolicyType, .healthCheckNodePortNegative, .healthCheckNodePortType, .annotationsTooLong, .ipAddress,
            .ipUnspecified, .ipLoopback, .ipLinkLocalMulticast, .ipLinkLocal, .cidr, .clusterIPsFirstMatches, .clusterIPsEmpty,
            .clusterIPsNoneAlone, .clusterIPsTooMany, .clusterIPsOnePerFamily, .clusterIPFamily, .ipFamilyPolicySingleStack,
            .clusterIPPrimaryUnset, .ipFamilyPolicyRelease, .aliasSpaces, .selectorRequiredHeadless, .duplicateKey,
            .inputAliasExpansion, .inputTooDeep, .inputTooLarge,
            // The rules and warnings of some releases, and the release choice.
            .kubeletPortExposed, .topologyModeMismatch, .externalTrafficPolicyExternal, .ipFamilyPolicyNotDualStack,
            .ipFamilyNotConfigured, .warningFieldUnknown, .warningFieldGatedOff, .warningTopologyHintsDeprecated,
            .warningLeadingZeros, .warningNotCanonical, .warningIgnoredForHeadless, .warningExternalIPsDeprecated,
            .warningIgnoredForExternalName, .warningExternalNameIgnored, .warningPreferCloseDeprecated,
            .kubeVersionUnreadable, .kubeVersionUnsupported, .kubeVersionUsed, .kubeVersionFromFlag,
            .kubeVersionFromEnvironment, .kubeVersionFromFile, .kubeVersionFromDefault, .kubeVersionFromCluster,
            .kubeVersionClusterUnanswered,
        ]
        #expect(Set(declared) == Set(Catalog.keys))
        #expect(declared.count == Catalog.keys.count)
    }
}
