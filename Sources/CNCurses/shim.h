#ifndef SVCWIZ_CNCURSES_SHIM_H
#define SVCWIZ_CNCURSES_SHIM_H

/* SwiftPM drops pkg-config's -D flags, so the wide-character API must be asked for here. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <poll.h>
#include <time.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* glibc hides wcwidth unless _XOPEN_SOURCE is set before the first include. */
int wcwidth(wchar_t c);

/* ---- Accessors for what curses exposes as macros or mutable globals (Swift 6 refuses
   the globals as "not concurrency-safe"). ---- */

static inline WINDOW *svcwiz_stdscr(void) { return stdscr; }
static inline WINDOW *svcwiz_curscr(void) { return curscr; }
static inline int svcwiz_lines(void) { return LINES; }
static inline int svcwiz_cols(void) { return COLS; }
static inline int svcwiz_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *svcwiz_stdin(void) { return stdin; }
static inline FILE *svcwiz_stdout(void) { return stdout; }
static inline int svcwiz_key_f(int n) { return KEY_F(n); }
static inline attr_t svcwiz_color_pair(short n) { return (attr_t)COLOR_PAIR(n); }

static inline attr_t svcwiz_a_normal(void) { return WA_NORMAL; }
static inline attr_t svcwiz_a_bold(void) { return WA_BOLD; }
static inline attr_t svcwiz_a_dim(void) { return WA_DIM; }
static inline attr_t svcwiz_a_underline(void) { return WA_UNDERLINE; }
static inline attr_t svcwiz_a_reverse(void) { return WA_REVERSE; }
static inline attr_t svcwiz_a_italic(void) { return WA_ITALIC; }

/* The terminal's size from the tty itself: after SIGWINCH, LINES/COLS still hold the old
   size until resizeterm is told the new one. Returns 0 on success. */
static inline int svcwiz_tty_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* A pipe whose ends are non-blocking and closed on exec (fcntl is variadic: not callable
   from Swift). Returns 0 on success. */
static inline int svcwiz_make_pipe(int fds[2]) {
    if (pipe(fds) != 0) return -1;
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    return 0;
}

static inline void svcwiz_set_cloexec(int fd) { fcntl(fd, F_SETFD, FD_CLOEXEC); }

/* True when fd reports hangup or error: readable forever with nothing to read. */
static inline int svcwiz_fd_hung_up(int fd) {
    struct pollfd p = { fd, POLLIN, 0 };
    if (poll(&p, 1, 0) != 1) return 0;
    return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Writes a cell: setcchar + mvwadd_wch without Swift having to build cchar_t by hand. */
static inline int svcwiz_put_cell(WINDOW *win, int row, int col, const wchar_t *wstr,
                                  attr_t attrs, short pair) {
    cchar_t cc;
    if (setcchar(&cc, wstr, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, row, col, &cc);
}

/* ---- Terminal restore and signal forwarding.
   Everything below runs inside signal handlers, so it touches only state set up before
   the handlers were installed, and calls only async-signal-safe functions (tcsetattr,
   write, read, lseek, dup2, sigaction, raise). The state lives in this header as statics:
   TerminalUI calls these functions from a single Swift file, so there is one copy. ---- */

#define SVCWIZ_RESTORE_MAX 256

static struct termios svcwiz_saved_termios = {0};
static char svcwiz_restore_seq[SVCWIZ_RESTORE_MAX] = {0};
static int svcwiz_have_termios = 0;
static size_t svcwiz_restore_len = 0;
static int svcwiz_tty_out_fd = 1;
static int svcwiz_stderr_original_fd = -1;
static int svcwiz_stderr_capture_fd = -1;
static volatile sig_atomic_t svcwiz_active = 0;
static int svcwiz_wake_fd = -1;
static volatile sig_atomic_t svcwiz_continued = 0;

static inline void svcwiz_write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        buf += n;
        len -= (size_t)n;
    }
}

/* Puts stderr back and copies what was written to it while curses was active. */
static inline void svcwiz_replay_stderr(void) {
    if (svcwiz_stderr_original_fd < 0) return;
    dup2(svcwiz_stderr_original_fd, 2);
    if (svcwiz_stderr_capture_fd >= 0) {
        char buf[4096];
        ssize_t n;
        lseek(svcwiz_stderr_capture_fd, 0, SEEK_SET);
        while ((n = read(svcwiz_stderr_capture_fd, buf, sizeof buf)) > 0) {
            svcwiz_write_all(2, buf, (size_t)n);
        }
        close(svcwiz_stderr_capture_fd);
        svcwiz_stderr_capture_fd = -1;
    }
    close(svcwiz_stderr_original_fd);
    svcwiz_stderr_original_fd = -1;
}

/* The emergency restore: the tty modes from before curses, then the escape strings that
   leave the alternate screen, show the cursor and reset attributes. */
static inline void svcwiz_emergency_restore(void) {
    if (!svcwiz_active) return;
    svcwiz_active = 0;
    if (svcwiz_have_termios) tcsetattr(0, TCSANOW, &svcwiz_saved_termios);
    svcwiz_write_all(svcwiz_tty_out_fd, svcwiz_restore_seq, svcwiz_restore_len);
    svcwiz_replay_stderr();
}

static inline void svcwiz_restore_and_reraise(int sig) {
    svcwiz_emergency_restore();
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static inline void svcwiz_atexit_restore(void) { svcwiz_emergency_restore(); }

/* Signals the event loop handles itself (resize, suspend, continue) become one byte on
   the wake pipe; the loop reads them on the main thread. */
static inline void svcwiz_forward_signal(int sig) {
    int saved = errno;
    unsigned char b = (unsigned char)sig;
    if (sig == SIGCONT) svcwiz_continued = 1;
    if (svcwiz_wake_fd >= 0) (void)write(svcwiz_wake_fd, &b, 1);
    errno = saved;
}

/* Records what the emergency restore needs. Call after curses started, before
   installing handlers. */
static inline void svcwiz_restore_configure(const struct termios *saved, const char *seq,
                                            size_t len, int tty_out_fd) {
    if (saved) {
        svcwiz_saved_termios = *saved;
        svcwiz_have_termios = 1;
    }
    if (len > SVCWIZ_RESTORE_MAX) len = SVCWIZ_RESTORE_MAX;
    memcpy(svcwiz_restore_seq, seq, len);
    svcwiz_restore_len = len;
    svcwiz_tty_out_fd = tty_out_fd;
}

static inline void svcwiz_set_stderr_capture(int original_fd, int capture_fd) {
    svcwiz_stderr_original_fd = original_fd;
    svcwiz_stderr_capture_fd = capture_fd;
}

/* While a child program ($EDITOR) owns the terminal, its errors must reach the user. */
static inline void svcwiz_stderr_to_terminal(void) {
    if (svcwiz_stderr_original_fd >= 0) dup2(svcwiz_stderr_original_fd, 2);
}
static inline void svcwiz_stderr_to_capture(void) {
    if (svcwiz_stderr_capture_fd >= 0) dup2(svcwiz_stderr_capture_fd, 2);
}

static inline void svcwiz_set_active(int active) { svcwiz_active = active; }
static inline void svcwiz_set_wake_fd(int fd) { svcwiz_wake_fd = fd; }

/* forward: 1 sends the signal to the wake pipe, 0 restores the terminal and re-raises. */
static inline int svcwiz_install_handler(int sig, int forward, struct sigaction *previous) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = forward ? svcwiz_forward_signal : svcwiz_restore_and_reraise;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = forward ? SA_RESTART : 0;
    return sigaction(sig, &sa, previous);
}

/* Ctrl-Z: stop with the default SIGTSTP action, and take the signal back once continued.
   The main queue may run on a dispatch worker that blocks SIGTSTP, so raise() would leave
   the signal pending on this thread: send it to the process instead (the main thread
   takes it) and wait for the SIGCONT handler to say we are running again. If nothing
   stops us within about a second (an orphaned process group discards SIGTSTP), go on. */
static inline void svcwiz_stop_process(void) {
    struct sigaction dfl, previous;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    svcwiz_continued = 0;
    sigaction(SIGTSTP, &dfl, &previous);
    kill(getpid(), SIGTSTP);
    struct timespec pause = { 0, 5 * 1000 * 1000 };
    for (int waited = 0; !svcwiz_continued && waited < 200; waited++) nanosleep(&pause, NULL);
    sigaction(SIGTSTP, &previous, NULL);
}

static inline int svcwiz_register_atexit(void) { return atexit(svcwiz_atexit_restore); }

#endif
