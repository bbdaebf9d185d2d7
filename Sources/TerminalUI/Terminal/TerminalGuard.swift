import CNCurses

/// Owns the process-wide state that lets the terminal be restored from a signal handler:
/// the saved tty modes, the escape strings that undo curses, the stderr capture, the
/// signal handlers and the wake pipe they write to.
///
/// The state lives in C statics in the shim (the only place a signal handler can read it
/// safely), and this is the only file that calls those functions, so the whole program
/// sees one copy of them.
@MainActor
enum TerminalGuard {
    /// Fatal signals: restore the terminal, then die of the signal as before.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]
    /// Requests to end: same treatment. In raw mode Ctrl-C is a key, so these come from
    /// `kill` or a closed terminal; drafts are saved on every change, so nothing is lost.
    static let terminatingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// Signals the event loop acts on, delivered as bytes on the wake pipe.
    static let forwardedSignals: [Int32] = [SIGWINCH, SIGTSTP, SIGCONT]

    private static var previousActions: [Int32: sigaction] = [:]
    private static var atexitRegistered = false

    /// Sends stderr to an unlinked temporary file until `release`, so messages written
    /// while curses owns the screen (a `fatalError`, a library warning) are shown after.
    static func captureStandardError() {
        let original = dup(2)
        guard original >= 0 else { return }
        var template = Array("\(temporaryDirectory)/svcwiz-stderr-XXXXXX".utf8CString)
        let capture = mkstemp(&template)
        guard capture >= 0 else {
            close(original)
            return
        }
        unlink(template)
        svcwiz_set_cloexec(capture)
        svcwiz_set_cloexec(original)
        dup2(capture, 2)
        svcwiz_set_stderr_capture(original, capture)
    }

    /// Installs every handler; forwarded signals write their number to `wakeDescriptor`.
    /// Done before ncurses starts so it keeps its own handlers out of the way.
    static func installHandlers(wakeDescriptor: Int32) {
        svcwiz_set_wake_fd(wakeDescriptor)
        for signal in fatalSignals + terminatingSignals {
            install(signal, forward: false)
        }
        for signal in forwardedSignals {
            install(signal, forward: true)
        }
        if !atexitRegistered {
            atexitRegistered = svcwiz_register_atexit() == 0
        }
    }

    /// Records how to undo curses, from the terminal's own capabilities, and arms the
    /// emergency restore.
    static func arm(savedModes: termios, undoSequence: [UInt8]) {
        var modes = savedModes
        undoSequence.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                svcwiz_restore_configure(&modes, chars.baseAddress, chars.count, STDOUT_FILENO)
            }
        }
        svcwiz_set_active(1)
    }

    /// After a normal `endwin`: disarms the emergency restore, puts the previous signal
    /// handlers back and replays captured stderr.
    static func release() {
        svcwiz_set_active(0)
        for (signal, action) in previousActions {
            var previous = action
            sigaction(signal, &previous, nil)
        }
        previousActions = [:]
        svcwiz_set_wake_fd(-1)
        svcwiz_replay_stderr()
    }

    /// Stops the process with the default SIGTSTP action (Ctrl-Z) and returns once it
    /// continues; our handler is back in place afterwards.
    static func stopProcess() {
        svcwiz_stop_process()
    }

    /// Lets a child program ($EDITOR) write its errors to the terminal.
    static func routeStandardErrorToTerminal(_ toTerminal: Bool) {
        if toTerminal { svcwiz_stderr_to_terminal() } else { svcwiz_stderr_to_capture() }
    }

    private static func install(_ signal: Int32, forward: Bool) {
        var previous = sigaction()
        if svcwiz_install_handler(signal, forward ? 1 : 0, &previous) == 0, previousActions[signal] == nil {
            previousActions[signal] = previous
        }
    }

    private static var temporaryDirectory: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }
}
