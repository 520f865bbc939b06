// The C side of biosched's ncurses adapter. Only Sources/CursesScreen imports this module.
//
// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, so the wide-character API (cchar_t, get_wch,
// mvadd_wch) is switched on here, before <ncurses.h>. Swift 6 rejects curses' global variables
// (stdscr, LINES, COLORS, ...) as shared mutable state and does not import function-like macros
// (COLOR_PAIR, A_BOLD, getmaxyx, KEY_F), so they are wrapped in static inline functions.
#ifndef CNCURSESW_H
#define CNCURSESW_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stddef.h>
#include <wchar.h>
#include <ncurses.h>

// Glibc's Swift module hides wcwidth (it is behind _XOPEN_SOURCE).
extern int wcwidth(wchar_t c);

// MARK: globals and macros

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline WINDOW *cn_curscr(void) { return curscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_altcharset(void) { return A_ALTCHARSET; }
static inline void cn_getmaxyx(WINDOW *win, int *rows, int *columns) {
    int y = 0, x = 0;
    getmaxyx(win, y, x);
    *rows = y; *columns = x;
}
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED; }

// MARK: terminal

/// Sets the locale from the environment (LC_ALL=""); returns 1 when its codeset is UTF-8.
int cn_setup_locale(void);

/// Opens the terminal with newterm (never initscr, which exits on failure): on stdin/stdout when
/// both are terminals, else on /dev/tty. Returns NULL, with a message in `error`, when there is
/// no terminal or TERM is unset or unknown. Also saves the terminal modes for the safety net.
SCREEN *cn_open_terminal(char *error, size_t errorSize);

/// The same with the terminfo entry `name` instead of TERM's (NULL: TERM). Fails, with nothing
/// printed, when there is no such entry.
SCREEN *cn_open_terminal_named(const char *name, char *error, size_t errorSize);

/// terminfo's `colors` for the entry `name` without opening the terminal: 0 for none, -1 when
/// there is no such entry.
int cn_terminfo_colors(const char *name);

/// The file descriptor curses reads keys from (-1 when closed).
int cn_input_fd(void);

/// The file descriptor curses writes to (-1 when closed): `CursesTerminal`'s frame writer writes
/// there too, after curses' own output is flushed.
int cn_output_fd(void);

// MARK: terminfo capabilities (for the frame writer)

/// The string capability `cap` (terminfo name, e.g. "cup") of the entry `term`, or of the open
/// terminal when `term` is NULL, copied into `out` (nul-terminated). Returns its length, or -1
/// when the entry has no such string (or no such entry, or `out` is too small).
int cn_capability_string(const char *term, const char *cap, char *out, size_t size);
/// A boolean capability (e.g. "bce"): 1, 0, or -1 when there is no such entry.
int cn_capability_flag(const char *term, const char *cap);
/// `template` (a parameterized terminfo string) with parameters p1 and p2, as tiparm formats
/// it, copied into `out`. Returns its length, or -1 when formatting failed or `out` is too small.
/// Serialized by a lock: tiparm keeps its state in a static buffer.
int cn_format_capability(const char *template, int p1, int p2, char *out, size_t size);

/// Arms the safety net once curses is set up: an atexit handler that calls endwin if curses is
/// still active, and handlers for fatal signals (SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS,
/// SIGFPE) that restore the saved modes with async-signal-safe calls before the crash goes on.
void cn_guard_activate(int mouse);

/// endwin if active, then closes the terminal opened by cn_open_terminal; idempotent.
void cn_close_terminal(void);

/// 1 while curses owns the terminal.
int cn_is_active(void);

/// 1 when the input terminal is gone: hung up (poll reports POLLHUP/POLLERR/POLLNVAL) or no
/// longer a terminal (tcgetattr fails, EIO after a hangup).
int cn_terminal_gone(int fd);

// MARK: signals

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that only record the signal number in a
/// volatile sig_atomic_t (without SA_RESTART, so a blocking read returns EINTR), and ignores
/// SIGPIPE. The previous dispositions are kept for cn_restore_signal_handlers.
void cn_install_signal_handlers(void);
/// Puts back the dispositions that were in place before cn_install_signal_handlers.
void cn_restore_signal_handlers(void);
/// The last of SIGINT/SIGTERM/SIGHUP received since the last clear, or 0.
int cn_pending_signal(void);
/// While the demo builds its sandbox: a fatal signal removes the sandbox files in `dir` and `dir`.
void cn_guard_temporary_folder(const char *dir);
void cn_unguard_temporary_folder(void);
void cn_clear_pending_signal(void);

#endif
