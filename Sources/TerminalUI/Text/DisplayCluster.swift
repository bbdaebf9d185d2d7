import CNCurses

/// One thing that occupies terminal cells: a grapheme as it will be shown, and its width.
///
/// Only this module makes clusters, and only from sanitised text (`VisibleText`), so a
/// cluster can never carry a control character to the terminal.
package struct DisplayCluster: Hashable, Sendable {
    /// The characters sent for this cell: a base character plus its combining marks.
    package let text: String
    /// 1 or 2 terminal cells.
    package let width: Int

    init(verified text: String, width: Int) {
        self.text = text
        self.width = width
    }

    /// A plain ASCII space, the filler for cut wide characters and padding.
    static let space = DisplayCluster(verified: " ", width: 1)

    /// The cluster for `character` as ncurses and the terminal will draw it, or nil when
    /// the character is not printable and must be escaped.
    ///
    /// A cell holds a spacing base and combining marks only; joiners and variation
    /// selectors are dropped because terminals disagree on the width of the sequences
    /// they build, and ncurses would refuse a second spacing character in one cell.
    static func printable(_ character: Character) -> DisplayCluster? {
        _ = UTF8Locale.configured
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return nil }
        let baseWidth = Int(wcwidth(wchar_t(bitPattern: base.value)))
        guard baseWidth > 0 else { return nil }
        if scalars.count == 1 {
            return DisplayCluster(verified: String(character), width: min(baseWidth, 2))
        }
        var kept = String.UnicodeScalarView([base])
        for scalar in scalars.dropFirst() where kept.count < maxScalarsPerCell && isCombiningMark(scalar) {
            kept.append(scalar)
        }
        return DisplayCluster(verified: String(kept), width: min(baseWidth, 2))
    }

    /// ncurses keeps at most this many wide characters in one cell (CCHARW_MAX).
    private static let maxScalarsPerCell = 5

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark:
            return wcwidth(wchar_t(bitPattern: scalar.value)) == 0
        default:
            return false
        }
    }
}
