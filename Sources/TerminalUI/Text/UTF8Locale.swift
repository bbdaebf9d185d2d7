import CNCurses

/// Makes sure the C character type functions (`wcwidth`, ncurses' wide-character calls)
/// work in UTF-8, whatever the process was started with.
enum UTF8Locale {
    /// Runs once, on first use: the user's locale from the environment, or `C.UTF-8` when
    /// that locale is not UTF-8 (CJK would otherwise turn into garbage). Widths depend on
    /// it, so every width computation goes through here first.
    static let configured: Bool = {
        setlocale(LC_ALL, "")
        if !codesetIsUTF8 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return codesetIsUTF8
    }()

    private static var codesetIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
