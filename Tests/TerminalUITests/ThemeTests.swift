import Testing
@testable import TerminalUI

@Suite struct ThemeTests {
    @Test func noColorInTheEnvironmentOrFlagGivesMonochrome() {
        #expect(Theme.choose(noColorFlag: false, environment: ["NO_COLOR": "1"], terminalColors: 256).isMonochrome)
        #expect(Theme.choose(noColorFlag: true, environment: [:], terminalColors: 256).isMonochrome)
        #expect(Theme.choose(noColorFlag: false, environment: [:], terminalColors: 0).isMonochrome)
    }

    @Test func anEmptyNoColorIsIgnored() {
        #expect(Theme.choose(noColorFlag: false, environment: ["NO_COLOR": ""], terminalColors: 256).colors == 256)
    }

    @Test func colourDepthFollowsTheTerminal() {
        #expect(Theme.choose(noColorFlag: false, environment: [:], terminalColors: 8).colors == 8)
        #expect(Theme.choose(noColorFlag: false, environment: [:], terminalColors: 16).colors == 16)
        #expect(Theme.choose(noColorFlag: false, environment: [:], terminalColors: 88).colors == 16)
        #expect(Theme.choose(noColorFlag: false, environment: [:], terminalColors: 256).colors == 256)
    }

    @Test func monochromeKeepsEveryDistinctionByAttribute() {
        let mono = Theme.monochrome
        #expect(mono.appearance(for: .selected).attributes == [.reverse])
        #expect(mono.appearance(for: .error).attributes.isSuperset(of: [.bold, .underline]))
        #expect(mono.appearance(for: .warning).attributes.contains(.bold))
        for style in Style.allCases {
            let look = mono.appearance(for: style)
            #expect(look.foreground == nil && look.background == nil)
        }
    }

    @Test func colourThemesStillMarkSelectionAndErrorsWithoutColour() {
        for theme in [Theme.colors8, .colors16, .colors256] {
            #expect(theme.appearance(for: .selected).attributes.contains(.bold))
            #expect(theme.appearance(for: .error).attributes.contains(.bold))
        }
    }
}
