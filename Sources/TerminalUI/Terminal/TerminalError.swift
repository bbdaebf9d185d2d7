/// Why the terminal UI could not start.
package enum TerminalError: Error, Equatable, Sendable {
    /// Standard input or output is not a terminal (piped, redirected, run by a script).
    case notATerminal
    /// ncurses does not know the terminal type (`TERM`), or could not set it up.
    case unsupportedTerminal(term: String)
}
