import CNCurses
import Dispatch

/// The terminal while svcwiz's UI runs: ncurses set up (UTF-8 locale, raw keys, keypad,
/// alternate screen, colours), an event stream of keys, resizes and app messages, and a
/// surface to render frames on.
///
/// Idle costs no CPU: input and signals wake dispatch sources on the main queue, and
/// mailbox posts resume the stream's consumer directly. Consume `events` from the main
/// actor (an async `main`); call `stop()` before exiting. If the process exits or dies
/// without it, the terminal is restored anyway (atexit and signal handlers).
@MainActor
package final class Terminal<Message: Sendable> {
    /// Keys, resizes, resumes and posted messages, in arrival order. Ends after `stop()`.
    package let events: AsyncStream<TerminalEvent<Message>>
    /// Hand this to tasks that need to report back to the UI.
    package nonisolated let mailbox: Mailbox<Message>
    package let theme: Theme
    package private(set) var size: TerminalSize

    private let continuation: AsyncStream<TerminalEvent<Message>>.Continuation
    private let screen: OpaquePointer
    private let surface: CursesSurface
    private let palette: CursesPalette
    private let wakePipe: (read: Int32, write: Int32)
    private var sources: [DispatchSourceRead] = []
    private var decoder = KeyDecoder()
    private var running = true
    /// Set when we stopped ourselves, so the SIGCONT that follows does not repaint twice.
    private var expectingContinue = false

    private static var bracketedPasteOn: String { "\u{1B}[?2004h" }
    private static var bracketedPasteOff: String { "\u{1B}[?2004l" }

    /// Takes over the terminal.
    /// - Parameter noColor: the `--no-color` flag; `NO_COLOR` in the environment and
    ///   terminals without colours also give the monochrome theme.
    package init(noColor: Bool = false) throws {
        _ = UTF8Locale.configured
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        var savedModes = termios()
        tcgetattr(STDIN_FILENO, &savedModes)
        wakePipe = try Self.makeWakePipe()

        TerminalGuard.captureStandardError()
        TerminalGuard.installHandlers(wakeDescriptor: wakePipe.write)
        guard let screen = newterm(nil, svcwiz_stdout(), svcwiz_stdin()) else {
            TerminalGuard.release()
            close(wakePipe.read)
            close(wakePipe.write)
            throw TerminalError.unsupportedTerminal(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        raw()
        noecho()
        nonl()
        keypad(svcwiz_stdscr(), true)
        nodelay(svcwiz_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        define_key("\u{1B}[200~", KeyDecoder.pasteStartCode)
        define_key("\u{1B}[201~", KeyDecoder.pasteEndCode)
        TerminalGuard.arm(savedModes: savedModes, undoSequence: Self.undoSequence())
        Self.writeDirectly(Self.bracketedPasteOn)

        theme = Theme.choose(
            noColorFlag: noColor,
            environment: getenv("NO_COLOR").map { ["NO_COLOR": String(cString: $0)] } ?? [:],
            terminalColors: has_colors() ? Int(max(0, tigetnum("colors"))) : 0
        )
        palette = CursesPalette(theme: theme)
        size = TerminalSize(columns: Int(svcwiz_cols()), rows: Int(svcwiz_lines()))
        surface = CursesSurface(size: size)
        (events, continuation) = AsyncStream.makeStream(of: TerminalEvent<Message>.self)
        mailbox = Mailbox(continuation: continuation)
        startSources()
    }

    /// Draws a frame: `draw` gets a blank surface of the terminal's size and fills it;
    /// then only the cells that changed since the last frame are sent.
    package func render(_ draw: (CursesSurface) -> Void) {
        guard running else { return }
        surface.clear()
        draw(surface)
        surface.flush(palette: palette)
    }

    /// Repaints the whole screen from the last frame (Ctrl-L does this).
    package func repaintAll() {
        guard running else { return }
        clearok(svcwiz_curscr(), true)
        surface.invalidate()
        surface.flush(palette: palette)
    }

    /// Sets the clipboard of the user's terminal to `text` (OSC 52, wrapped for tmux when
    /// inside it; see `Clipboard`).
    package func copyToClipboard(_ text: String) {
        guard running else { return }
        Self.writeDirectly(Clipboard.bytes(for: text, environment: getenv("TMUX").map { ["TMUX": String(cString: $0)] } ?? [:]))
    }

    /// Suspends to the shell (Ctrl-Z does this); returns after `fg`, with the screen
    /// repainted and a `.resumed` event queued.
    package func suspend() {
        guard running else { return }
        leaveCurses()
        expectingContinue = true
        TerminalGuard.stopProcess()
        returnToCurses()
    }

    /// Gives the terminal to a child program (`$EDITOR`) for the duration of `body`: curses
    /// is ended, stderr goes to the terminal again, and everything is restored after.
    package func runOutsideCurses<T>(_ body: () throws -> T) rethrows -> T {
        leaveCurses()
        TerminalGuard.routeStandardErrorToTerminal(true)
        defer {
            TerminalGuard.routeStandardErrorToTerminal(false)
            returnToCurses()
        }
        return try body()
    }

    /// Gives the terminal back: ends curses, restores the modes and signal handlers,
    /// replays what was written to stderr meanwhile and ends `events`. Safe to call twice.
    package func stop() {
        guard running else { return }
        running = false
        for source in sources { source.cancel() }
        sources = []
        Self.writeDirectly(Self.bracketedPasteOff)
        endwin()
        TerminalGuard.release()
        delscreen(screen)
        close(wakePipe.write)
        continuation.finish()
    }

    // MARK: - Input and signals

    private func startSources() {
        let input = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: .main)
        input.setEventHandler { [weak self] in
            MainActor.assumeIsolated { self?.readInput() }
        }
        let signals = DispatchSource.makeReadSource(fileDescriptor: wakePipe.read, queue: .main)
        let readEnd = wakePipe.read
        signals.setEventHandler { [weak self] in
            MainActor.assumeIsolated { self?.readSignals() }
        }
        signals.setCancelHandler { close(readEnd) }
        sources = [input, signals]
        input.resume()
        signals.resume()
    }

    private func readInput() {
        var batch: [RawInput] = []
        var character: wint_t = 0
        while running {
            let status = wget_wch(svcwiz_stdscr(), &character)
            if status == ERR { break }
            batch.append(status == KEY_CODE_YES ? .keyCode(Int32(character)) : .character(UInt32(character)))
        }
        if batch.isEmpty, svcwiz_fd_hung_up(STDIN_FILENO) != 0 {
            // Readable yet nothing to read: the terminal is gone. End like a hangup
            // instead of spinning on a source that fires forever.
            raise(SIGHUP)
            return
        }
        for key in decoder.decode(batch) where running {
            handle(key)
        }
    }

    private func handle(_ key: Key) {
        switch key {
        case .ctrl("z"): suspend()
        case .ctrl("l"): repaintAll()
        case .resize: updateSize()
        default: continuation.yield(.key(key))
        }
    }

    private func readSignals() {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(wakePipe.read, &buffer, buffer.count)
        guard count > 0 else { return }
        for byte in buffer[..<count] where running {
            switch Int32(byte) {
            case SIGWINCH:
                updateSize()
            case SIGTSTP:
                suspend()
            case SIGCONT:
                if expectingContinue {
                    expectingContinue = false
                } else {
                    // Stopped by SIGSTOP, which cannot be caught: the shell may have reset
                    // the tty meanwhile.
                    returnToCurses()
                }
            default:
                break
            }
        }
    }

    private func updateSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard svcwiz_tty_size(STDOUT_FILENO, &rows, &columns) == 0 else { return }
        let newSize = TerminalSize(columns: Int(columns), rows: Int(rows))
        guard newSize != size else { return }
        resizeterm(rows, columns)
        size = newSize
        surface.resize(to: newSize)
        continuation.yield(.resize(newSize))
    }

    // MARK: - Leaving and re-entering curses

    private func leaveCurses() {
        Self.writeDirectly(Self.bracketedPasteOff)
        endwin()
    }

    private func returnToCurses() {
        reset_prog_mode()
        // endwin left keypad-transmit mode and nothing turns it back on by itself: arrows
        // would arrive as ESC [ B.
        keypad(svcwiz_stdscr(), true)
        Self.writeDirectly(Self.bracketedPasteOn)
        updateSize()
        repaintAll()
        continuation.yield(.resumed)
    }

    // MARK: - Helpers

    /// What undoes curses, from the terminal's own capabilities: attributes off, cursor
    /// shown, keypad mode off, alternate screen left, bracketed paste off.
    private static func undoSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        return bytes + Array(bracketedPasteOff.utf8)
    }

    private static func makeWakePipe() throws -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard svcwiz_make_pipe(&descriptors) == 0 else { throw TerminalError.notATerminal }
        return (descriptors[0], descriptors[1])
    }

    /// For escape sequences ncurses does not know; its own output is flushed by then.
    private static func writeDirectly(_ text: String) {
        writeDirectly(Array(text.utf8))
    }

    private static func writeDirectly(_ bytes: [UInt8]) {
        fflush(svcwiz_stdout())
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
