// biosched-authorized-keys: the fast path of `biosched access authorized-keys USER TYPE KEY`, for
// sshd's AuthorizedKeysCommand (`%u %t %k`), which runs at every login.
//
// A Swift process with Foundation needs about 13 ms to start before any work (docs/benchmarks.md),
// so the lookup sshd waits for is this small C program on the SQLite C API alone. It answers the
// one common question itself: "which forced command does this key of a SQLite store get?" and
// prints the same line as `biosched access authorized-keys` would, byte for byte (a test compares
// the two on every kind of key). Every other case it hands to biosched by exec'ing it with the same
// arguments, so each message, the enrollment account (`--enroll`) and every refusal are written
// once, in Swift:
//   - an option other than --db PATH, --now TIME and --enroll, or not exactly three arguments;
//   - with --enroll, a key the store does not hold (biosched writes its `biosched enroll` line);
//   - a user other than the account this runs as (biosched refuses it and says why);
//   - a store path through a symbolic link, or a store that is not a regular file;
//   - a store that is not a plain absolute path (a URL, a relative path, `.`/`..`, `//`, a
//     trailing slash, a control character, a backslash or a quote), or no --db and no $BIOSCHED_DB;
//   - a user that is not a login name, a key type it does not know, a key that is not strict
//     base64 or does not start with its own type;
//   - a store file it cannot read or that is not a biosched store, or any SQLite error.
// It never fails open: a key it does not find prints nothing (sshd refuses it), and biosched,
// when handed a case, prints nothing on any failure and says why on standard error.
//
// biosched is looked for beside this program (`/proc/self/exe`'s folder), as `swift build` and
// the documented install put them; the forced command names it by that absolute path.
//
//   biosched-authorized-keys [--db STORE] [--now TIME] [--enroll] USER TYPE KEY
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const int32_t application_id = 0x42494F53;  // Schema.applicationID
static const char *const key_types[] = {
    "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", NULL};
static const char *const account_roles[] = {"applicant", "representative", "agent", "officer", NULL};

static char biosched_path[4096];
static int saved_argc;
static char **saved_argv;

// Hands the request to biosched itself: `biosched access authorized-keys ARGS...`.
static void hand_over(void) {
    char *args[64];
    int n = 0;
    args[n++] = biosched_path;
    args[n++] = "access";
    args[n++] = "authorized-keys";
    for (int i = 1; i < saved_argc && n < 63; i++) args[n++] = saved_argv[i];
    args[n] = NULL;
    execv(biosched_path, args);
    fprintf(stderr, "biosched authorized-keys: no key admitted: cannot run %s: %s\n", biosched_path, strerror(errno));
    exit(4);
}

static int in_list(const char *s, const char *const *list) {
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return 1;
    return 0;
}

// Identifier.isLoginName: [A-Za-z0-9_][A-Za-z0-9._-]{0,31}
static int is_login_name(const char *s) {
    size_t n = strlen(s);
    if (n < 1 || n > 32) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!(alnum || c == '_' || (i > 0 && (c == '.' || c == '-')))) return 0;
    }
    return 1;
}

// Identifier.isAccountID: [A-Za-z0-9][A-Za-z0-9._-]{0,63}
static int is_account_id(const char *s) {
    size_t n = strlen(s);
    if (n < 1 || n > 64) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!(alnum || (i > 0 && (c == '.' || c == '_' || c == '-')))) return 0;
    }
    return 1;
}

static int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

// Strict base64 (padded, as Foundation's Data(base64Encoded:) reads it) of 16...16384 characters
// whose data starts with its own type as an SSH string (PublicKey(parsing:)).
static int key_matches_type(const char *key, const char *type) {
    size_t n = strlen(key);
    // head[] holds the type's SSH string: a type longer than any known one (a tampered store)
    // matches nothing instead of overflowing it.
    if (strlen(type) > 64 || !in_list(type, key_types)) return 0;
    if (n < 16 || n > 16384 || n % 4 != 0) return 0;
    unsigned char head[4 + 64];
    size_t got = 0, want = 4 + strlen(type);
    for (size_t i = 0; i < n; i += 4) {
        int v[4];
        for (int j = 0; j < 4; j++) {
            char c = key[i + j];
            if (c == '=') {
                if (i + 4 != n || j < 2 || (j == 2 && key[i + 3] != '=')) return 0;
                v[j] = -2;
            } else if ((v[j] = b64_value(c)) < 0) return 0;
        }
        unsigned char bytes[3];
        int count = v[2] == -2 ? 1 : v[3] == -2 ? 2 : 3;
        uint32_t word = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)(v[2] < 0 ? 0 : v[2]) << 6 | (uint32_t)(v[3] < 0 ? 0 : v[3]);
        bytes[0] = word >> 16; bytes[1] = word >> 8; bytes[2] = word;
        // Unused bits of the last group must be zero (strict decoding).
        if (count == 1 && (word & 0xFFFF)) return 0;
        if (count == 2 && (word & 0xFF)) return 0;
        for (int j = 0; j < count && got < want; j++) head[got++] = bytes[j];
    }
    if (got < want) return 0;
    uint32_t len = (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 | (uint32_t)head[2] << 8 | head[3];
    return len == strlen(type) && memcmp(head + 4, type, len) == 0;
}

// A path written into the forced command as it is: absolute and already in normal form (what
// biosched's absolutePath would leave unchanged), with nothing sshd or sh would read specially.
static int is_plain_absolute_path(const char *p) {
    size_t n = strlen(p);
    if (n < 2 || n > 4000 || p[0] != '/' || p[n - 1] == '/') return 0;
    if (strstr(p, "//") || strstr(p, "/./") || strstr(p, "/../")) return 0;
    if ((n >= 2 && strcmp(p + n - 2, "/.") == 0) || (n >= 3 && strcmp(p + n - 3, "/..") == 0)) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x20 || c == 0x7f || c == '\\' || c == '"' || c == '~') return 0;
    }
    return 1;
}

// Timestamp.parse's grammar, field for field: YYYY-MM-DDTHH:MM[:SS[.f{1,9}]] then Z or ±HH:MM
// (at most 14:00), years 1970 to 2200, every field in range (no 2026-02-30, no 24:00).
static int digits(const char *s, size_t *i, size_t n, int count, int *value) {
    if (*i + count > n) return 0;
    *value = 0;
    for (int k = 0; k < count; k++) {
        char c = s[*i + k];
        if (c < '0' || c > '9') return 0;
        *value = *value * 10 + (c - '0');
    }
    *i += count;
    return 1;
}

static int is_timestamp(const char *s) {
    size_t n = strlen(s), i = 0;
    if (n < 16 || n > 35) return 0;
    int year, month, day, hour, minute, second = 0, oh, om;
#define EXPECT(ch) (i < n && s[i] == (ch) ? (i++, 1) : 0)
    if (!(digits(s, &i, n, 4, &year) && EXPECT('-') && digits(s, &i, n, 2, &month) && EXPECT('-') &&
          digits(s, &i, n, 2, &day) && EXPECT('T') && digits(s, &i, n, 2, &hour) && EXPECT(':') &&
          digits(s, &i, n, 2, &minute)))
        return 0;
    if (i < n && s[i] == ':') {
        i++;
        if (!digits(s, &i, n, 2, &second)) return 0;
        if (i < n && s[i] == '.') {
            size_t start = ++i;
            while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 9) i++;
            if (i == start) return 0;
        }
    }
    if (i >= n) return 0;
    if (s[i] == 'Z') i++;
    else if (s[i] == '+' || s[i] == '-') {
        i++;
        if (!(digits(s, &i, n, 2, &oh) && EXPECT(':') && digits(s, &i, n, 2, &om) && om < 60 && oh * 60 + om <= 14 * 60)) return 0;
    } else return 0;
#undef EXPECT
    if (i != n) return 0;
    static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1970 || year > 2200 || month < 1 || month > 12) return 0;
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int days = month_days[month - 1] + (month == 2 && leap);
    return day >= 1 && day <= days && hour <= 23 && minute <= 59 && second <= 59;
}

// ShellWords.quote: as is when every character is plain, else in single quotes.
static void put_word(FILE *out, const char *w) {
    static const char plain[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/:=@%+,";
    int is_plain = *w != 0;
    for (const char *c = w; *c; c++)
        if (!strchr(plain, *c)) { is_plain = 0; break; }
    if (is_plain) { fputs(w, out); return; }
    fputc('\'', out);
    for (const char *c = w; *c; c++) {
        // '\'' closes, escapes and reopens; inside sshd's command="..." a " is written \".
        if (*c == '\'') fputs("'\\''", out);
        else if (*c == '"') fputs("\\\"", out);
        else fputc(*c, out);
    }
    fputc('\'', out);
}

int main(int argc, char **argv) {
    saved_argc = argc;
    saved_argv = argv;
    ssize_t len = readlink("/proc/self/exe", biosched_path, sizeof biosched_path - 16);
    if (len <= 0) {
        fprintf(stderr, "biosched authorized-keys: no key admitted: cannot find this program's folder\n");
        return 4;
    }
    biosched_path[len] = 0;
    char *slash = strrchr(biosched_path, '/');
    strcpy(slash + 1, "biosched");

    const char *db = NULL, *now = NULL, *pos[3];
    int npos = 0, enroll = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--enroll") == 0) enroll = 1;
        else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[++i];
        else if (strncmp(argv[i], "--db=", 5) == 0) db = argv[i] + 5;
        else if (strcmp(argv[i], "--now") == 0 && i + 1 < argc) now = argv[++i];
        else if (argv[i][0] == '-' || npos == 3) hand_over();
        else pos[npos++] = argv[i];
    }
    if (npos != 3) hand_over();
    if (!db) db = getenv("BIOSCHED_DB");
    const char *user = pos[0], *type = pos[1], *key = pos[2];
    if (!db || !is_plain_absolute_path(db) || !is_plain_absolute_path(biosched_path) || access(biosched_path, X_OK) != 0) hand_over();
    if (now && !is_timestamp(now)) hand_over();
    if (!is_login_name(user) || !in_list(type, key_types) || !key_matches_type(key, type)) hand_over();
    // The user sshd names must be the account this runs as (AuthorizedKeysCommandUser, the service
    // account); biosched itself refuses any other and says why.
    struct passwd *me = getpwuid(geteuid());
    if (!me || !me->pw_name || strcmp(me->pw_name, user) != 0) hand_over();

    // The store path as written must be the file itself: a path through a symbolic link (of the
    // file or of a folder above it) is handed over, so the forced command names the store exactly
    // as biosched would (one answer, byte for byte).
    char resolved[PATH_MAX];
    if (!realpath(db, resolved) || strcmp(resolved, db) != 0) hand_over();

    // StoreFile.checkIsBioschedStore: a regular file (opened without waiting: a FIFO or a device
    // would block a plain open), with the SQLite header and biosched's application id.
    int fd = open(db, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) hand_over();
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { close(fd); hand_over(); }
    unsigned char header[100];
    size_t got = 0;
    while (got < sizeof header) {
        ssize_t r = read(fd, header + got, sizeof header - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += (size_t)r;
    }
    close(fd);
    if (got != sizeof header || memcmp(header, "SQLite format 3", 16) != 0) hand_over();
    int32_t app = (int32_t)((uint32_t)header[68] << 24 | (uint32_t)header[69] << 16 | (uint32_t)header[70] << 8 | header[71]);
    if (app != application_id) hand_over();

    sqlite3 *conn = NULL;
    if (sqlite3_open_v2(db, &conn, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) hand_over();
    sqlite3_busy_timeout(conn, 2000);
    sqlite3_stmt *q = NULL;
    const char *sql =
        "SELECT k.holder_kind, k.holder, a.role, k.fingerprint, k.type FROM ssh_keys k "
        "LEFT JOIN accounts a ON k.holder_kind = 'account' AND a.id = k.holder "
        "WHERE k.blob = ?1 AND k.revoked_at IS NULL";
    if (sqlite3_prepare_v2(conn, sql, -1, &q, NULL) != SQLITE_OK) hand_over();
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_DONE) {
        if (enroll) hand_over();  // a key the store does not hold may enroll: biosched writes that line
        return 0;                 // not a key of this store: nothing, and sshd refuses it
    }
    if (rc != SQLITE_ROW) hand_over();

    const char *kind = (const char *)sqlite3_column_text(q, 0);
    const char *holder = (const char *)sqlite3_column_text(q, 1);
    const char *role = (const char *)sqlite3_column_text(q, 2);
    const char *fingerprint = (const char *)sqlite3_column_text(q, 3);
    const char *stored_type = (const char *)sqlite3_column_text(q, 4);
    if (!kind || !holder || !fingerprint || !stored_type || !key_matches_type(key, stored_type)) return 0;
    int is_staff = strcmp(kind, "staff") == 0;
    if (is_staff ? !is_login_name(holder) : !(is_account_id(holder) && role && in_list(role, account_roles))) return 0;
    size_t flen = strlen(fingerprint);
    if (flen != 50 || strncmp(fingerprint, "SHA256:", 7) != 0) hand_over();
    for (size_t i = 7; i < flen; i++)
        if (b64_value(fingerprint[i]) < 0) hand_over();

    // AuthorizedKeys.line(command: Access.forcedCommand(...), key:), written out in one go.
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out) return 4;
    fputs("command=\"", out);
    put_word(out, biosched_path); fputs(" tui --db ", out); put_word(out, db);
    if (is_staff) { fputs(" --login ", out); put_word(out, holder); }
    else { fputs(" --as ", out); put_word(out, role); fputs(" --account ", out); put_word(out, holder); }
    fputs(" --via-key ", out); put_word(out, fingerprint);
    if (now) { fputs(" --now ", out); put_word(out, now); }
    fprintf(out, "\",restrict,pty %s %s\n", type, key);
    fclose(out);
    sqlite3_finalize(q);
    sqlite3_close(conn);
    if (fwrite(text, 1, size, stdout) != size || fflush(stdout) != 0) return 4;
    free(text);
    return 0;
}
