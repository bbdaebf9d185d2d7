/// Terminal cell widths for text outside the terminal UI (the command line's tables), by
/// Unicode's East Asian Width, so that CJK columns line up in a pipe or a log too.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII first: looking up the general category costs more than the rest.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            || v == 0x200B || v == 0x200D || (0xFE00...0xFE0F).contains(v) {
            return 0
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
            || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
            || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
            || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v)
            || (0x1F900...0x1F9FF).contains(v) || (0x20000...0x3FFFD).contains(v) {
            return 2
        }
        return 1
    }

    /// Pads with spaces to `width` cells, or cuts with `…` without splitting a wide character.
    public static func fit(_ text: String, to width: Int) -> String {
        let w = of(text)
        if w <= width { return text + String(repeating: " ", count: width - w) }
        guard width > 0 else { return "" }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let sw = Self.width(of: scalar)
            if used + sw > width - 1 { break }
            out.unicodeScalars.append(scalar)
            used += sw
        }
        out += "…"
        used += 1
        return out + String(repeating: " ", count: max(0, width - used))
    }
}
