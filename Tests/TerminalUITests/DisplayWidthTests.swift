import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneCellPerCharacter() {
        #expect("frontend".displayWidth == 8)
    }

    @Test func cjkAndEmojiTakeTwoCells() {
        #expect("前端".displayWidth == 4)
        #expect("商品目录".displayWidth == 8)
        #expect("🚀".displayWidth == 2)
        #expect("a前b".displayWidth == 4)
    }

    @Test func combiningMarksTakeNoCell() {
        #expect("e\u{301}".displayWidth == 1)
    }

    @Test func truncationNeverCutsAWideCharacterInHalf() {
        #expect("前端服务".truncated(toWidth: 5) == "前端 ")
        #expect("前端服务".truncated(toWidth: 5).displayWidth == 5)
        #expect("前端服务".truncated(toWidth: 4) == "前端")
        #expect("a🚀b".truncated(toWidth: 2) == "a ")
        #expect("abc".truncated(toWidth: 10) == "abc")
        #expect("abc".truncated(toWidth: 0) == "")
    }

    @Test func ellipsisMarksCutText() {
        #expect("frontend".truncatedWithEllipsis(toWidth: 5) == "fron…")
        #expect("frontend".truncatedWithEllipsis(toWidth: 8) == "frontend")
        #expect("前端服务".truncatedWithEllipsis(toWidth: 6) == "前端 …")
        #expect("前端服务".truncatedWithEllipsis(toWidth: 6).displayWidth == 6)
        #expect("前端服务".truncatedWithEllipsis(toWidth: 5) == "前端…")
    }

    @Test func paddingFillsToTheExactWidth() {
        #expect("前".padded(toWidth: 4) == "前  ")
        #expect("前端服务".padded(toWidth: 3) == "前 ")
    }

    @Test func widthCountsEscapesAsShown() {
        #expect("a\u{1B}[31mb".displayWidth == "a\\e[31mb".count)
    }
}
