#define _GNU_SOURCE 1
#include "CNcursesw.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

// MARK: locale

int cn_setup_locale(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

// MARK: terminal and safety net

static SCREEN *g_screen = NULL;
static FILE *g_tty = NULL;             // /dev/tty when stdin/stdout are not terminals
static int g_in_fd = -1, g_out_fd = -1;
static struct termios g_saved_modes;   // the modes before curses, for the crash path
static int g_saved_ok = 0;
static volatile sig_atomic_t g_active = 0;
static char g_reset[512];              // terminfo strings that undo curses' screen state
static size_t g_reset_length = 0;
static int g_atexit_registered = 0;

SCREEN *cn_open_terminal(char *error, size_t errorSize) {
    return cn_open_terminal_named(NULL, error, errorSize);
}

SCREEN *cn_open_terminal_named(const char *name, char *error, size_t errorSize) {
    if (g_screen != NULL) {
        snprintf(error, errorSize, "the terminal is already open");
        return NULL;
    }
    const char *term = name != NULL ? name : getenv("TERM");
    if (term == NULL || *term == '\0') {
        snprintf(error, errorSize, "TERM is not set, so the terminal type is unknown (try TERM=xterm-256color)");
        return NULL;
    }
    FILE *out = stdout, *in = stdin;
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        g_tty = fopen("/dev/tty", "r+");
        if (g_tty == NULL) {
            snprintf(error, errorSize,
                     "no terminal: standard input or output is not a terminal and /dev/tty cannot be opened (%s)",
                     strerror(errno));
            return NULL;
        }
        out = in = g_tty;
    }
    g_in_fd = fileno(in);
    g_out_fd = fileno(out);
    g_saved_ok = tcgetattr(g_in_fd, &g_saved_modes) == 0;
    SCREEN *screen = newterm(name, out, in);
    if (screen == NULL) {
        snprintf(error, errorSize, "cannot use the terminal type '%s' (no terminfo entry, or not a terminal)", term);
        if (g_tty != NULL) { fclose(g_tty); g_tty = NULL; }
        g_in_fd = g_out_fd = -1;
        return NULL;
    }
    set_term(screen);
    g_screen = screen;
    g_active = 1;
    return screen;
}

int cn_input_fd(void) { return g_in_fd; }
int cn_output_fd(void) { return g_out_fd; }
int cn_is_active(void) { return g_active ? 1 : 0; }

static void append_reset(const char *capability) {
    const char *s = tigetstr((char *)capability);
    if (s == NULL || s == (char *)-1) return;
    size_t n = strlen(s);
    if (g_reset_length + n >= sizeof g_reset) return;
    memcpy(g_reset + g_reset_length, s, n);
    g_reset_length += n;
}

/// biosched's frame writer leaves its last attributes set and the cursor where it last drew,
/// behind curses' back: normal attributes, and the cursor at the bottom-left (absolute: curses'
/// idea of where the cursor is may be wrong), before endwin.
static void reset_before_endwin(void) {
    const char *sgr0 = tigetstr((char *)"sgr0");
    if (sgr0 != NULL && sgr0 != (char *)-1) putp(sgr0);
    mvcur(-1, -1, LINES - 1, 0);
}

static void exit_guard(void) {
    if (g_active) {
        g_active = 0;
        reset_before_endwin();
        endwin();
    }
}

static const int fatal_signals[] = { SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE };
enum { fatal_count = sizeof fatal_signals / sizeof fatal_signals[0] };
static struct sigaction g_old_fatal[fatal_count];
static int g_fatal_installed = 0;

// Only async-signal-safe calls: write(2) and tcsetattr(3).
static void fatal_handler(int sig, siginfo_t *info, void *context) {
    (void)context;
    if (g_active) {
        g_active = 0;
        if (g_reset_length > 0 && g_out_fd >= 0) {
            ssize_t ignored = write(g_out_fd, g_reset, g_reset_length);
            (void)ignored;
        }
        if (g_saved_ok && g_in_fd >= 0) tcsetattr(g_in_fd, TCSADRAIN, &g_saved_modes);
    }
    for (int i = 0; i < fatal_count; i++) {
        if (fatal_signals[i] == sig) sigaction(sig, &g_old_fatal[i], NULL);
    }
    // A fault re-executes the instruction on return and reaches the previous handler (Swift's
    // backtracer, or the default action) with its real context; a sent signal is sent again.
    if (sig == SIGABRT || info == NULL || info->si_code <= 0) raise(sig);
}

void cn_guard_activate(int mouse) {
    g_reset_length = 0;
    append_reset("sgr0");
    append_reset("cnorm");
    append_reset("rmkx");
    if (mouse) {
        const char *kmous = tigetstr((char *)"kmous");
        if (kmous != NULL && kmous != (char *)-1 && g_reset_length + 16 < sizeof g_reset) {
            static const char off[] = "\033[?1006;1000l";
            memcpy(g_reset + g_reset_length, off, sizeof off - 1);
            g_reset_length += sizeof off - 1;
        }
    }
    append_reset("rmcup");
    if (!g_atexit_registered) {
        atexit(exit_guard);
        g_atexit_registered = 1;
    }
    if (!g_fatal_installed) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = fatal_handler;
        action.sa_flags = SA_SIGINFO;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < fatal_count; i++) sigaction(fatal_signals[i], &action, &g_old_fatal[i]);
        g_fatal_installed = 1;
    }
}

void cn_close_terminal(void) {
    if (g_active) {
        g_active = 0;
        reset_before_endwin();
        endwin();
    }
    if (g_fatal_installed) {
        for (int i = 0; i < fatal_count; i++) sigaction(fatal_signals[i], &g_old_fatal[i], NULL);
        g_fatal_installed = 0;
    }
    if (g_screen != NULL) {
        delscreen(g_screen);
        g_screen = NULL;
    }
    if (g_tty != NULL) {
        fclose(g_tty);
        g_tty = NULL;
    }
    g_in_fd = g_out_fd = -1;
}

int cn_terminal_gone(int fd) {
    if (fd < 0) return 1;
    struct pollfd p = { .fd = fd, .events = POLLIN, .revents = 0 };
    int r = poll(&p, 1, 0);
    if (r < 0 && errno != EINTR && errno != EAGAIN) return 1;
    if (r > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL))) return 1;
    struct termios modes;
    if (tcgetattr(fd, &modes) != 0 && errno != EINTR) return 1;
    return 0;
}

// MARK: signals

static volatile sig_atomic_t g_signal = 0;
// Every signal whose default action ends the process (other than the crash signals above, which
// restore the terminal and re-raise): each ends the session through the loop, terminal restored.
static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
                                    SIGXCPU, SIGXFSZ, SIGPOLL, SIGPWR, SIGSTKFLT };
enum { quit_count = sizeof quit_signals / sizeof quit_signals[0] };
static struct sigaction g_old_quit[quit_count];
static struct sigaction g_old_pipe;
static int g_signals_installed = 0;

static void quit_handler(int sig) { g_signal = sig; }

void cn_install_signal_handlers(void) {
    if (g_signals_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = quit_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;   // no SA_RESTART: a blocking read returns EINTR and the loop looks at the flag
    for (int i = 0; i < quit_count; i++) sigaction(quit_signals[i], &action, &g_old_quit[i]);
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &g_old_pipe);
    // A parent (a test runner, a service manager) may hand us these signals blocked; a blocked
    // SIGWINCH means no resize, a blocked SIGHUP means a dropped link leaves us running.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGWINCH);
    for (int i = 0; i < quit_count; i++) sigaddset(&wanted, quit_signals[i]);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
    g_signals_installed = 1;
}

void cn_restore_signal_handlers(void) {
    if (!g_signals_installed) return;
    for (int i = 0; i < quit_count; i++) sigaction(quit_signals[i], &g_old_quit[i], NULL);
    sigaction(SIGPIPE, &g_old_pipe, NULL);
    g_signals_installed = 0;
}

int cn_pending_signal(void) { return (int)g_signal; }

// MARK: a temporary folder removed on a fatal signal (the demo's sandbox while it is built)

static char g_guard_dir[1024];
// The sandbox is built beside its name (".sandbox.sqlite.creating-PID", StoreFile.createAtomically)
// and linked into place; the name is made when the guard is installed (no formatting in a handler).
static char g_guard_building[64];
static const char *const g_guard_files[] = { "sandbox.sqlite", "first-state.sqlite", g_guard_building };
static const char *const g_guard_suffixes[] = { "", "-wal", "-shm", "-journal", "-queue" };
static const int guard_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM };
enum { guard_count = sizeof guard_signals / sizeof guard_signals[0] };
static struct sigaction g_old_guard[guard_count];
static int g_guard_installed = 0;

// Only async-signal-safe calls: unlink(2), rmdir(2), sigaction(2), raise(3).
static void guard_handler(int sig) {
    char path[1200];
    for (unsigned f = 0; f < sizeof g_guard_files / sizeof g_guard_files[0]; f++) {
        for (unsigned x = 0; x < sizeof g_guard_suffixes / sizeof g_guard_suffixes[0]; x++) {
            size_t n = 0;
            for (const char *p = g_guard_dir; *p && n < sizeof path - 1; p++) path[n++] = *p;
            if (n < sizeof path - 1) path[n++] = '/';
            for (const char *p = g_guard_files[f]; *p && n < sizeof path - 1; p++) path[n++] = *p;
            for (const char *p = g_guard_suffixes[x]; *p && n < sizeof path - 1; p++) path[n++] = *p;
            path[n] = 0;
            unlink(path);
        }
    }
    rmdir(g_guard_dir);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

void cn_guard_temporary_folder(const char *dir) {
    if (g_guard_installed || strlen(dir) >= sizeof g_guard_dir) return;
    strcpy(g_guard_dir, dir);
    snprintf(g_guard_building, sizeof g_guard_building, ".sandbox.sqlite.creating-%ld", (long)getpid());
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = guard_handler;
    sigemptyset(&action.sa_mask);
    for (int i = 0; i < guard_count; i++) sigaction(guard_signals[i], &action, &g_old_guard[i]);
    g_guard_installed = 1;
}

void cn_unguard_temporary_folder(void) {
    if (!g_guard_installed) return;
    for (int i = 0; i < guard_count; i++) sigaction(guard_signals[i], &g_old_guard[i], NULL);
    g_guard_installed = 0;
}
void cn_clear_pending_signal(void) { g_signal = 0; }

// MARK: terminfo without a terminal (last: <term.h> defines macros such as `lines` and `columns`)

#include <term.h>

int cn_terminfo_colors(const char *name) {
    if (name == NULL || *name == '\0') return -1;
    int status = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(name, -1, &status) != OK) { set_curterm(saved); return -1; }
    int colors = tigetnum("colors");
    del_curterm(cur_term);
    set_curterm(saved);
    return colors < 0 ? 0 : colors;
}

static pthread_mutex_t g_terminfo_lock = PTHREAD_MUTEX_INITIALIZER;

static int copy_out(const char *s, char *out, size_t size) {
    if (s == NULL || s == (char *)-1) return -1;
    size_t n = strlen(s);
    if (n + 1 > size) return -1;
    memcpy(out, s, n + 1);
    return (int)n;
}

int cn_capability_string(const char *term, const char *cap, char *out, size_t size) {
    pthread_mutex_lock(&g_terminfo_lock);
    int result = -1;
    if (term == NULL) {
        result = copy_out(tigetstr((char *)cap), out, size);
    } else {
        int status = 0;
        TERMINAL *saved = cur_term;
        if (setupterm(term, -1, &status) == OK) {
            result = copy_out(tigetstr((char *)cap), out, size);
            del_curterm(cur_term);
        }
        set_curterm(saved);
    }
    pthread_mutex_unlock(&g_terminfo_lock);
    return result;
}

int cn_capability_flag(const char *term, const char *cap) {
    pthread_mutex_lock(&g_terminfo_lock);
    int result = -1;
    if (term == NULL) {
        result = tigetflag((char *)cap) > 0 ? 1 : 0;
    } else {
        int status = 0;
        TERMINAL *saved = cur_term;
        if (setupterm(term, -1, &status) == OK) {
            result = tigetflag((char *)cap) > 0 ? 1 : 0;
            del_curterm(cur_term);
        }
        set_curterm(saved);
    }
    pthread_mutex_unlock(&g_terminfo_lock);
    return result;
}

int cn_format_capability(const char *template, int p1, int p2, char *out, size_t size) {
    pthread_mutex_lock(&g_terminfo_lock);
    int result = copy_out(tiparm(template, p1, p2), out, size);
    pthread_mutex_unlock(&g_terminfo_lock);
    return result;
}
