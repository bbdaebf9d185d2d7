import Foundation
import ServiceModel
import ServiceStore
import TerminalUI
import Testing
@testable import SvcWizApp

/// The Advanced rows of steps 2 and 4: offered by the target release, written into the
/// manifest, checked by that release's rules, their messages beside them.
@Suite struct WizardAdvancedTests {
    static func wizard(minor: Int) -> WizardState {
        var wizard = WizardState.newShopWizard()
        wizard.useRules(RuleSet.wizard.profile(RulesProfile(KubeVersion(minor: minor))))
        return wizard
    }

    @Test func trafficDistributionIsOfferedOnlyByReleasesThatServeIt() {
        #expect(!Self.wizard(minor: 30).fields(of: .serviceSettings).contains(.advanced(.trafficDistribution)))
        let beta = Self.wizard(minor: 31)
        #expect(beta.fields(of: .serviceSettings).contains(.advanced(.trafficDistribution)))
        #expect(beta.options(of: .advanced(.trafficDistribution), text: UIText(.en)) == ["default", "PreferClose"])
        #expect(Self.wizard(minor: 36).options(of: .advanced(.trafficDistribution), text: UIText(.en))
            == ["default", "PreferClose", "PreferSameNode", "PreferSameZone"])
    }

    @Test func choicesAndTextGoIntoTheManifest() {
        var wizard = Self.wizard(minor: 36)
        wizard.choose(3, for: .advanced(.trafficDistribution))
        wizard.choose(2, for: .advanced(.internalTrafficPolicy))
        wizard.setText("IPv4", for: .advanced(.ipFamilies))
        wizard.choose(1, for: .advanced(.publishNotReadyAddresses))
        let spec = wizard.manifest["spec"]
        #expect(spec?["trafficDistribution"]?.string == "PreferSameZone")
        #expect(spec?["internalTrafficPolicy"]?.string == "Local")
        #expect(spec?["ipFamilies"]?.items?.compactMap(\.string) == ["IPv4"])
        #expect(spec?["publishNotReadyAddresses"]?.bool == true)
        wizard.choose(0, for: .advanced(.internalTrafficPolicy))
        #expect(wizard.manifest["spec"]?["internalTrafficPolicy"] == nil)
    }

    @Test func loadBalancerRowsComeWithTheLoadBalancer() {
        var wizard = Self.wizard(minor: 36)
        #expect(!wizard.fields(of: .externalAccess).contains(.advanced(.loadBalancerClass)))
        wizard.draft.externalAccess = .loadBalancer
        #expect(wizard.fields(of: .externalAccess).suffix(2) == [.advanced(.loadBalancerClass), .advanced(.allocateNodePorts)])
        wizard.setText("bad class!", for: .advanced(.loadBalancerClass))
        wizard.revalidate()
        wizard.revealed.insert(.externalAccess)
        #expect(!wizard.messages(for: .advanced(.loadBalancerClass), language: .en).isEmpty)
    }

    @Test func anErrorOfAnAdvancedFieldShowsBesideIt() {
        var wizard = Self.wizard(minor: 36)
        wizard.go(to: .serviceSettings)
        wizard.setText("IPv4, IPv5", for: .advanced(.ipFamilies))
        wizard.revalidate()
        wizard.revealed.insert(.serviceSettings)
        #expect(wizard.messages(for: .advanced(.ipFamilies), language: .en).contains { $0.contains("IPv4, IPv6") || $0.contains("supported") },
                "\(wizard.messages(for: .advanced(.ipFamilies), language: .en)) \(wizard.errors)")
        let lines = WizardForm.lines(wizard, text: UIText(.en))
        #expect(lines.contains { $0.fields == [.advanced(.ipFamilies)] })
    }
}

@Suite struct WizardWarningTests {
    @Test func aWarningShowsBesideItsFieldInTheWarningStyle() {
        var wizard = WizardState.newShopWizard()
        wizard.useRules(RuleSet.wizard.profile(.newest))
        wizard.go(to: .serviceSettings)
        wizard.choose(1, for: .advanced(.trafficDistribution))
        wizard.revalidate()
        wizard.revealed.insert(.serviceSettings)
        #expect(wizard.warningMessages(for: .advanced(.trafficDistribution), language: .en)
            == ["warning: PreferClose is deprecated; use PreferSameZone"])
        #expect(wizard.messages(for: .advanced(.trafficDistribution), language: .en).isEmpty, "a warning is no error")
        #expect(!wizard.errors.contains { $0.path == "spec.trafficDistribution" })
        let lines = WizardForm.lines(wizard, text: UIText(.en))
        let warning = lines.first { line in
            line.cells.contains { if case .note(let text, .warning) = $0 { return text.contains("PreferClose is deprecated") } else { return false } }
        }
        #expect(warning != nil)
    }
}
