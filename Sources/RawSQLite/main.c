// rawsqlite: biosched's slot search and R14 reschedule transaction written directly against the
// SQLite C API (libsqlite3 alone), as the baseline of the store benchmark (`biosched-bench store`).
//
// It issues the same SQL reads and writes as biosched (Sources/SchedulingStore): the same SELECTs
// in the same order, the same INSERTs and UPDATEs with the same values, one BEGIN IMMEDIATE
// transaction per reschedule, synchronous=FULL, WAL, foreign keys on (GRDB's default): the
// superseded and the new appointment (version + 1, + 2), the notice, the outbox rows of the case's
// representatives, the request with its outcome (the same JSON, the texts in English and Spanish),
// and the audit row chained by its SHA-256 hash to the one before. Tests/SchedulingStoreTests/
// RawFloorTests.swift checks that a reschedule leaves the same rows as biosched's. Statements are
// prepared once per connection and reused, as a C program would. Time zones: setenv("TZ") + tzset
// + mktime.
//
//   rawsqlite STORE slots CENTERS NOW_EPOCH LIMIT
//       CENTERS is one code or a comma-separated list: one slot search per entry, in order.
//       Prints one line per search: CODE NANOSECONDS COUNT CHECKSUM (sum of the slot starts).
//   rawsqlite STORE reschedule PLAN FROM COUNT NOW_EPOCH TAG
//       Reschedules plan lines [FROM, FROM+COUNT) as an agent (request ids TAG-<line>).
//   rawsqlite STORE worker PLAN FROM COUNT NOW_EPOCH TAG
//       The same, but prints READY and waits for a line on stdin first (to start many at once).
//   Both print PROBLEM REQUEST-ID: WHAT: WHY for the first reschedule that did not book (if any), then
//   RESULT booked=N other=N errors=N start_ns=T end_ns=T first_ns=D waits=W1,W2,...
//   (CLOCK_MONOTONIC; first_ns: the first reschedule, lock wait included; waits: nanoseconds from
//   before BEGIN IMMEDIATE to after it succeeded, one per transaction, in order.)
//
// PLAN lines: RECEIPT TARGET_CENTER TARGET_LOCAL(YYYY-MM-DDTHH:MM) TARGET_EPOCH
#define _GNU_SOURCE
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static sqlite3 *db;

static int64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what) {
    fprintf(stderr, "rawsqlite: %s: %s\n", what, db ? sqlite3_errmsg(db) : "no database");
    exit(4);
}

static sqlite3_stmt *prep(const char *sql) {
    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) die(sql);
    return s;
}

static void exec_sql(const char *sql) {
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "rawsqlite: %s: %s\n", sql, err ? err : "?");
        exit(4);
    }
}

static void copy_text(char *dst, size_t cap, sqlite3_stmt *s, int col) {
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(dst, cap, "%s", t ? (const char *)t : "");
}

// MARK: Calendar (the same arithmetic as Scheduling/Time/LocalDate.swift)

static int64_t days_from_civil(int64_t y, int m, int d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t mp = m > 2 ? m - 3 : m + 9;
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/// 0 = Monday.
static int weekday_of(int64_t epoch_day) { return (int)(((epoch_day % 7) + 7 + 3) % 7); }

static int weekday_index(const char *w) {
    static const char *names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; i++) if (strcmp(w, names[i]) == 0) return i;
    return -1;
}

// MARK: Zones

static char current_zone[256];

static void use_zone(const char *tz) {
    if (strcmp(current_zone, tz) == 0) return;
    setenv("TZ", tz, 1);
    tzset();
    snprintf(current_zone, sizeof current_zone, "%s", tz);
}

/// The instant of a wall time in the current zone; 0 when the time does not exist (spring forward).
static int local_instant(int64_t epoch_day, int minute, int64_t *out) {
    int y, m, d;
    civil_from_days(epoch_day, &y, &m, &d);
    struct tm tm = {0};
    tm.tm_year = y - 1900; tm.tm_mon = m - 1; tm.tm_mday = d;
    tm.tm_hour = minute / 60; tm.tm_min = minute % 60; tm.tm_isdst = -1;
    time_t t = mktime(&tm);
    if (t == (time_t)-1) return 0;
    // mktime normalizes a nonexistent time to another wall time: skip it.
    if (tm.tm_year != y - 1900 || tm.tm_mon != m - 1 || tm.tm_mday != d || tm.tm_hour != minute / 60 || tm.tm_min != minute % 60)
        return 0;
    *out = (int64_t)t;
    return 1;
}

static int64_t local_day(int64_t instant) {
    time_t t = (time_t)instant;
    struct tm tm;
    localtime_r(&t, &tm);
    return days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/// `Tue 2024-03-12 09:00 EDT` (long) or `2024-03-12 09:00 EDT`.
static void format_instant(int64_t instant, int long_form, char *out, size_t cap) {
    time_t t = (time_t)instant;
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, cap, long_form ? "%a %Y-%m-%d %H:%M %Z" : "%Y-%m-%d %H:%M %Z", &tm);
}

// MARK: SHA-256 (FIPS 180-4), for the audit chain (Scheduling/Security/SHA256.swift)

typedef struct { uint32_t h[8]; uint8_t block[64]; size_t used; uint64_t bytes; } Sha256;

static const uint32_t sha_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t ror(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static void sha_compress(Sha256 *c, const uint8_t *b) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16 | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = c->h[0], bb = c->h[1], cc = c->h[2], d = c->h[3], e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) + ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) + ((a & bb) ^ (a & cc) ^ (bb & cc));
        h = g; g = f; f = e; e = d + t1; d = cc; cc = bb; bb = a; a = t1 + t2;
    }
    c->h[0] += a; c->h[1] += bb; c->h[2] += cc; c->h[3] += d; c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

static void sha_init(Sha256 *c) {
    static const uint32_t iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    memcpy(c->h, iv, sizeof iv);
    c->used = 0; c->bytes = 0;
}

static void sha_update(Sha256 *c, const void *data, size_t n) {
    const uint8_t *p = data;
    c->bytes += n;
    while (n > 0) {
        size_t take = 64 - c->used < n ? 64 - c->used : n;
        memcpy(c->block + c->used, p, take);
        c->used += take; p += take; n -= take;
        if (c->used == 64) { sha_compress(c, c->block); c->used = 0; }
    }
}

static void sha_hex(Sha256 *c, char out[65]) {
    uint64_t bits = c->bytes * 8;
    uint8_t pad = 0x80, zero = 0;
    sha_update(c, &pad, 1);
    while (c->used != 56) sha_update(c, &zero, 1);
    uint8_t len[8];
    for (int i = 0; i < 8; i++) len[i] = (uint8_t)(bits >> (56 - 8 * i));
    sha_update(c, len, 8);
    for (int i = 0; i < 8; i++) snprintf(out + 8 * i, 9, "%08x", c->h[i]);
}

/// The audit chain's link (SchedulingStore/AuditChain.swift): SHA-256 over the previous hash, then
/// each field as "LENGTH:" and its UTF-8 bytes.
static void audit_hash(const char *prev, const char **fields, int n, char out[65]) {
    Sha256 c;
    sha_init(&c);
    sha_update(&c, prev, strlen(prev));
    for (int i = 0; i < n; i++) {
        char len[24];
        int k = snprintf(len, sizeof len, "%zu:", strlen(fields[i]));
        sha_update(&c, len, (size_t)k);
        sha_update(&c, fields[i], strlen(fields[i]));
    }
    sha_hex(&c, out);
}

// MARK: Statements (prepared once)

static sqlite3_stmt *s_settings, *s_center, *s_hours, *s_closures, *s_slots;
static sqlite3_stmt *s_begin, *s_commit, *s_rollback;
static sqlite3_stmt *s_replay, *s_case, *s_reps, *s_current, *s_last_request, *s_pending, *s_contact, *s_window, *s_booked;
static sqlite3_stmt *s_move_old, *s_root, *s_insert_appt, *s_link, *s_notice, *s_recipients, *s_outbox, *s_request;
static sqlite3_stmt *s_audit_head, *s_audit;

static void prepare_all(void) {
    s_settings = prep("SELECT key, value FROM settings");
    s_center = prep("SELECT * FROM centers WHERE code = ?");
    s_hours = prep("SELECT weekday, open_minute, close_minute FROM center_hours WHERE center = ?");
    s_closures = prep("SELECT date FROM center_closures WHERE center = ?");
    s_slots = prep("SELECT start, booked FROM slots WHERE center = ? AND start >= ? AND start < ?");
    s_begin = prep("BEGIN IMMEDIATE TRANSACTION");
    s_commit = prep("COMMIT TRANSACTION");
    s_rollback = prep("ROLLBACK TRANSACTION");
    // The statements of one reschedule, in the order biosched sends them (ReschedulingService.decide,
    // CaseSnapshot.load, SQLiteTransaction, Outbox, Audit).
    s_case = prep("SELECT * FROM cases WHERE receipt = ?");
    s_reps = prep("SELECT account FROM representations WHERE receipt = ?");
    s_current = prep("SELECT * FROM appointments WHERE receipt = ? ORDER BY (status = 'scheduled') DESC, id DESC LIMIT 1");
    s_last_request = prep("SELECT max(received_at) FROM requests WHERE appointment_id = ? AND received_at < ? AND decision <> 'refused'");
    s_pending = prep("SELECT id FROM requests WHERE receipt = ? AND decision = 'escalated' ORDER BY received_at DESC LIMIT 1");
    s_contact = prep("SELECT email, phone, language FROM accounts WHERE id = ?");
    s_replay = prep("SELECT * FROM requests WHERE id = ?");
    s_booked = prep("SELECT booked FROM slots WHERE center = ? AND start = ?");
    s_window = prep("SELECT key, value FROM settings WHERE key IN ('lead_hours', 'horizon_days')");
    s_move_old = prep("UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ? AND version = ?");
    s_root = prep("SELECT coalesce(chain_root, id) FROM appointments WHERE id = ?");
    s_insert_appt = prep("INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at) "
                         "VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?)");
    s_link = prep("UPDATE appointments SET rescheduled_to = ? WHERE id = ?");
    s_notice = prep("INSERT INTO notices(number, receipt, appointment_id, issued_at, json) VALUES (?, ?, ?, ?, ?)");
    s_recipients = prep("SELECT a.id, a.email, a.phone FROM representations r JOIN accounts a ON a.id = r.account "
                        "WHERE r.receipt = ? ORDER BY a.id");
    s_outbox = prep("INSERT OR IGNORE INTO outbox(receipt, channel, recipient, subject, body, created_at, kind, recipient_role, account, "
                    "appointment_id, previous_appointment_id, request_id, reminder_days, dedupe_key, next_attempt_at, enrollment_code) "
                    "VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s_request = prep("INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note, "
                     "preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s_audit_head = prep("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
    s_audit = prep("INSERT INTO audit(id, at, actor_role, actor, action, receipt, request_id, detail, os_user, client, key_fingerprint, prev_hash, hash) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
}

static void open_store(const char *path) {
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) die(path);
    // SQLite's default busy handler: sleeps of 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms ...
    // up to 60 s. With 16 writers on 2 busy cores its unfair back-off left some writers waiting
    // more than 10 s (they failed with "database is locked", and the floor booked fewer than it
    // was given); the floor must book everything for its figures to count.
    sqlite3_busy_timeout(db, 60000);
    exec_sql("PRAGMA journal_mode = WAL");
    exec_sql("PRAGMA synchronous = FULL");
    exec_sql("PRAGMA foreign_keys = ON");
    prepare_all();
}

// MARK: Reads

typedef struct { int lead_hours, horizon_days; } Settings;

static Settings read_settings(void) {
    Settings s = {24, 30};
    sqlite3_reset(s_settings);
    while (sqlite3_step(s_settings) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s_settings, 0);
        const char *v = (const char *)sqlite3_column_text(s_settings, 1);
        if (!k || !v) continue;
        if (strcmp(k, "lead_hours") == 0) s.lead_hours = atoi(v);
        else if (strcmp(k, "horizon_days") == 0) s.horizon_days = atoi(v);
    }
    return s;
}

typedef struct {
    char code[16], name[160], address[160], city[96], state[16], zone[96];
    int slot_minutes, stations;
    int open[7], close[7]; // -1: closed that weekday
    int64_t *closures;
    int nclosures, capclosures;
} Center;

/// The center row, its hours and its closures (three SELECTs, as Records.center does).
static int load_center(const char *code, Center *c) {
    sqlite3_reset(s_center);
    sqlite3_bind_text(s_center, 1, code, -1, SQLITE_STATIC);
    if (sqlite3_step(s_center) != SQLITE_ROW) return 0;
    copy_text(c->code, sizeof c->code, s_center, 0);
    copy_text(c->name, sizeof c->name, s_center, 1);
    copy_text(c->address, sizeof c->address, s_center, 2);
    copy_text(c->city, sizeof c->city, s_center, 3);
    copy_text(c->state, sizeof c->state, s_center, 4);
    copy_text(c->zone, sizeof c->zone, s_center, 5);
    c->slot_minutes = sqlite3_column_int(s_center, 6);
    c->stations = sqlite3_column_int(s_center, 7);
    sqlite3_reset(s_center);
    for (int i = 0; i < 7; i++) c->open[i] = c->close[i] = -1;
    sqlite3_reset(s_hours);
    sqlite3_bind_text(s_hours, 1, code, -1, SQLITE_STATIC);
    while (sqlite3_step(s_hours) == SQLITE_ROW) {
        int w = weekday_index((const char *)sqlite3_column_text(s_hours, 0));
        if (w < 0) continue;
        c->open[w] = sqlite3_column_int(s_hours, 1);
        c->close[w] = sqlite3_column_int(s_hours, 2);
    }
    c->nclosures = 0;
    sqlite3_reset(s_closures);
    sqlite3_bind_text(s_closures, 1, code, -1, SQLITE_STATIC);
    while (sqlite3_step(s_closures) == SQLITE_ROW) {
        int y, m, d;
        const char *t = (const char *)sqlite3_column_text(s_closures, 0);
        if (!t || sscanf(t, "%d-%d-%d", &y, &m, &d) != 3) continue;
        if (c->nclosures == c->capclosures) {
            c->capclosures = c->capclosures ? c->capclosures * 2 : 16;
            c->closures = realloc(c->closures, sizeof(int64_t) * c->capclosures);
        }
        c->closures[c->nclosures++] = days_from_civil(y, m, d);
    }
    return 1;
}

static int is_closed(const Center *c, int64_t day) {
    if (c->open[weekday_of(day)] < 0) return 1;
    for (int i = 0; i < c->nclosures; i++) if (c->closures[i] == day) return 1;
    return 0;
}

// MARK: Slot search (BookingStore.offeredSlots + SlotCalendar.offered)

typedef struct { int64_t start; int booked; } SlotRow;
static SlotRow *rows;
static int nrows, caprows;

static int booked_at(int64_t start) {
    int lo = 0, hi = nrows - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (rows[mid].start == start) return rows[mid].booked;
        if (rows[mid].start < start) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
}

static Center search_center;

/// The first `limit` offered slots of a center: returns how many, and the sum of their starts.
static int offered_slots(const char *code, int64_t now, int limit, int64_t *checksum) {
    Settings st = read_settings();
    Center *c = &search_center;
    if (!load_center(code, c)) return -1;
    int64_t earliest = now + (int64_t)st.lead_hours * 3600, latest = now + (int64_t)st.horizon_days * 86400;
    nrows = 0;
    sqlite3_reset(s_slots);
    sqlite3_bind_text(s_slots, 1, code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s_slots, 2, earliest);
    sqlite3_bind_int64(s_slots, 3, latest + 1);
    while (sqlite3_step(s_slots) == SQLITE_ROW) {
        if (nrows == caprows) {
            caprows = caprows ? caprows * 2 : 1024;
            rows = realloc(rows, sizeof(SlotRow) * caprows);
        }
        rows[nrows].start = sqlite3_column_int64(s_slots, 0);
        rows[nrows].booked = sqlite3_column_int(s_slots, 1);
        nrows++;
    }
    use_zone(c->zone);
    int64_t first = local_day(earliest), last = local_day(latest);
    int count = 0;
    int64_t sum = 0;
    for (int64_t day = first; day <= last && count < limit; day++) {
        if (is_closed(c, day) || c->slot_minutes <= 0) continue;
        int w = weekday_of(day);
        int64_t previous = INT64_MIN;
        for (int m = c->open[w]; m + c->slot_minutes <= c->close[w]; m += c->slot_minutes) {
            int64_t t;
            if (!local_instant(day, m, &t) || t == previous) continue;
            previous = t;
            if (!(t > earliest && t <= latest)) continue;
            if (booked_at(t) >= c->stations) continue;
            sum += t;
            if (++count >= limit) break;
        }
    }
    *checksum = sum;
    return count;
}

static int run_slots(const char *centers, int64_t now, int limit) {
    char *list = strdup(centers), *save = NULL;
    for (char *code = strtok_r(list, ",", &save); code; code = strtok_r(NULL, ",", &save)) {
        int64_t sum = 0;
        int64_t t0 = mono_ns();
        int n = offered_slots(code, now, limit, &sum);
        int64_t t1 = mono_ns();
        printf("%s %lld %d %lld\n", code, (long long)(t1 - t0), n, (long long)sum);
    }
    free(list);
    return 0;
}

// MARK: Reschedule (ReschedulingService.reschedule, agent on the contact-center channel, reason medical)

typedef struct { char receipt[32], center[16], local[32]; int64_t epoch; } PlanItem;

enum { BOOKED, REFUSED, SLOT_FULL, FAILED };

/// Why the first reschedule that did not book did not (printed as PROBLEM before RESULT).
static char problem[600];

static void note_problem(const char *request_id, const char *what, const char *why) {
    if (problem[0]) return;
    snprintf(problem, sizeof problem, "%s: %s%s%s", request_id, what, why ? ": " : "", why ? why : "");
}

/// JSON string contents as Foundation's JSONEncoder writes them (", \ and / escaped; control
/// characters as \uXXXX, with \n \r \t \b \f short).
static void json_escape(const char *in, char *out, size_t cap) {
    size_t j = 0;
    for (; *in && j + 7 < cap; in++) {
        unsigned char ch = (unsigned char)*in;
        if (ch == '"' || ch == '\\' || ch == '/') { out[j++] = '\\'; out[j++] = (char)ch; }
        else if (ch == '\n') { out[j++] = '\\'; out[j++] = 'n'; }
        else if (ch == '\r') { out[j++] = '\\'; out[j++] = 'r'; }
        else if (ch == '\t') { out[j++] = '\\'; out[j++] = 't'; }
        else if (ch == '\b') { out[j++] = '\\'; out[j++] = 'b'; }
        else if (ch == '\f') { out[j++] = '\\'; out[j++] = 'f'; }
        else if (ch < 0x20) j += (size_t)snprintf(out + j, cap - j, "\\u%04x", ch);
        else out[j++] = (char)ch;
    }
    out[j] = 0;
}

static int step_done(sqlite3_stmt *s) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE;
}

static void bind_text_or_null(sqlite3_stmt *s, int i, const char *t) {
    if (t) sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT); else sqlite3_bind_null(s, i);
}

static const char *weekdays_en[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *weekdays_es[] = {"lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"};
static const char *months_es[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                                  "octubre", "noviembre", "diciembre"};

/// Catalog.dateTimeLong in both languages (the current zone): `Tue 2026-12-01 09:30 CST` and
/// `martes, 1 de diciembre de 2026, 9:30 a. m. CST`.
static void date_time_long(int64_t instant, char *en, size_t en_cap, char *es, size_t es_cap) {
    time_t t = (time_t)instant;
    struct tm tm;
    localtime_r(&t, &tm);
    int wd = (tm.tm_wday + 6) % 7; // 0 = Monday
    char zone[16];
    strftime(zone, sizeof zone, "%Z", &tm);
    snprintf(en, en_cap, "%s %04d-%02d-%02d %02d:%02d %s", weekdays_en[wd], tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
             tm.tm_hour, tm.tm_min, zone);
    int h12 = tm.tm_hour % 12 == 0 ? 12 : tm.tm_hour % 12;
    snprintf(es, es_cap, "%s, %d de %s de %d, %d:%02d %s %s", weekdays_es[wd], tm.tm_mday, months_es[tm.tm_mon], tm.tm_year + 1900,
             h12, tm.tm_min, tm.tm_hour < 12 ? "a. m." : "p. m.", zone);
}

static Center old_center, new_center;

/// One audit row chained to the last (Records.swift, Audit.append): the head is read inside the
/// transaction, the row numbered after it and hashed over the previous hash and its fields.
static int append_audit(int64_t at, const char *role, const char *actor, const char *action, const char *receipt,
                        const char *request_id, const char *detail) {
    int64_t last_id = 0;
    char prev[65];
    snprintf(prev, sizeof prev, "%s", "0000000000000000000000000000000000000000000000000000000000000000");
    if (sqlite3_step(s_audit_head) == SQLITE_ROW) {
        last_id = sqlite3_column_int64(s_audit_head, 0);
        copy_text(prev, sizeof prev, s_audit_head, 1);
    }
    sqlite3_reset(s_audit_head);
    int64_t id = last_id + 1;
    char id_text[24], at_text[24], hash[65];
    snprintf(id_text, sizeof id_text, "%lld", (long long)id);
    snprintf(at_text, sizeof at_text, "%lld", (long long)at);
    // The benchmark's worker opens the store with an empty origin (no OS user, client or key).
    const char *fields[] = {id_text, at_text, role, actor, action, receipt ? receipt : "", request_id ? request_id : "", detail, "", "", ""};
    audit_hash(prev, fields, 11, hash);
    sqlite3_stmt *a = s_audit;
    sqlite3_bind_int64(a, 1, id);
    sqlite3_bind_int64(a, 2, at);
    sqlite3_bind_text(a, 3, role, -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 4, actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 5, action, -1, SQLITE_STATIC);
    bind_text_or_null(a, 6, receipt);
    bind_text_or_null(a, 7, request_id);
    sqlite3_bind_text(a, 8, detail, -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 9, "", -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 10, "", -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 11, "", -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 12, prev, -1, SQLITE_STATIC);
    sqlite3_bind_text(a, 13, hash, -1, SQLITE_STATIC);
    return step_done(a);
}

/// Returns BOOKED, or why not (with `problem` set once). Only the path of the benchmark's plan is
/// written out: an agent's timely request with a listed reason, to a free slot, for a case without
/// an online account. Anything else biosched would refuse, escalate or (for an applicant with an
/// account) issue an enrollment code for; the floor reports it and writes nothing.
static int reschedule(const PlanItem *p, const char *request_id, int64_t now, int64_t *wait_ns) {
    static const char *actor = "bench.agent";
    int64_t asked = mono_ns();
    int rc = sqlite3_step(s_begin);
    sqlite3_reset(s_begin);
    if (rc != SQLITE_DONE) { note_problem(request_id, "BEGIN IMMEDIATE", sqlite3_errmsg(db)); return FAILED; }
    *wait_ns = mono_ns() - asked;
    int result = FAILED;
    const char *why = NULL;
    char detail_buf[256];

    // CaseSnapshot.load: the case and its representatives, the current appointment, its center, the
    // last request before it, a pending escalation (and the contact of an online account).
    char form[32], case_status[16], applicant[160];
    int has_account;
    sqlite3_bind_text(s_case, 1, p->receipt, -1, SQLITE_STATIC);
    if (sqlite3_step(s_case) != SQLITE_ROW) { sqlite3_reset(s_case); result = REFUSED; why = "no such case"; goto rollback; }
    copy_text(form, sizeof form, s_case, 1);
    copy_text(case_status, sizeof case_status, s_case, 2);
    copy_text(applicant, sizeof applicant, s_case, 3);
    has_account = sqlite3_column_type(s_case, 4) != SQLITE_NULL;
    sqlite3_reset(s_case);
    sqlite3_bind_text(s_reps, 1, p->receipt, -1, SQLITE_STATIC);
    while (sqlite3_step(s_reps) == SQLITE_ROW) {}
    sqlite3_reset(s_reps); // an agent may act on any case (R5)

    sqlite3_bind_text(s_current, 1, p->receipt, -1, SQLITE_STATIC);
    if (sqlite3_step(s_current) != SQLITE_ROW) { sqlite3_reset(s_current); result = REFUSED; why = "no appointment"; goto rollback; }
    int64_t old_id = sqlite3_column_int64(s_current, 0);
    char old_center_code[16], old_status[16];
    copy_text(old_center_code, sizeof old_center_code, s_current, 2);
    int64_t old_start = sqlite3_column_int64(s_current, 3);
    copy_text(old_status, sizeof old_status, s_current, 4);
    int prior = sqlite3_column_int(s_current, 5);
    int version = sqlite3_column_int(s_current, 8);
    sqlite3_reset(s_current);
    if (!load_center(old_center_code, &old_center)) { why = "the appointment's center is missing"; goto rollback; }
    sqlite3_bind_int64(s_last_request, 1, old_id);
    sqlite3_bind_int64(s_last_request, 2, old_start);
    sqlite3_step(s_last_request);
    sqlite3_reset(s_last_request);
    sqlite3_bind_text(s_pending, 1, p->receipt, -1, SQLITE_STATIC);
    sqlite3_step(s_pending);
    sqlite3_reset(s_pending);
    if (has_account) {
        // biosched reads the contact here and issues an enrollment code at booking (a random code and
        // an audit row of its own); the benchmark's cases have no online account.
        result = REFUSED; why = "the case has an online account (an enrollment code would be issued; not part of the floor)";
        goto rollback;
    }

    // A stored answer to an earlier request with the same id: replayed, nothing written.
    sqlite3_bind_text(s_replay, 1, request_id, -1, SQLITE_STATIC);
    rc = sqlite3_step(s_replay);
    sqlite3_reset(s_replay);
    if (rc == SQLITE_ROW) { result = REFUSED; why = "the request id was used before (a replay)"; goto commit; }

    // The policy for an agent (R6, R7, R11). Anything but "allowed" is not part of the benchmark.
    int scheduled = strcmp(old_status, "scheduled") == 0, missed = strcmp(old_status, "missed") == 0;
    if (strcmp(case_status, "denied") == 0 || (!scheduled && !missed)) { result = REFUSED; why = "refused by the policy (denied or not scheduled)"; goto rollback; }
    int untimely = !(now < old_start) || missed, repeat = prior >= 2, asylum = strcmp(form, "I-589") == 0;
    if (untimely || repeat || asylum) { result = REFUSED; why = "biosched would escalate (untimely, repeat or asylum)"; goto rollback; }

    // The target center (the snapshot's when it is the same), the slot's count, the window (R12, R13).
    Center *target = &old_center;
    if (strcmp(p->center, old_center.code) != 0) {
        if (!load_center(p->center, &new_center)) { result = REFUSED; why = "unknown center"; goto rollback; }
        target = &new_center;
    }
    int y, mo, d, hh, mm;
    if (sscanf(p->local, "%d-%d-%dT%d:%d", &y, &mo, &d, &hh, &mm) != 5) { result = REFUSED; why = "bad local time"; goto rollback; }
    int64_t day = days_from_civil(y, mo, d);
    int minute = hh * 60 + mm;
    use_zone(target->zone);
    int64_t start = 0;
    int exists = local_instant(day, minute, &start);
    int booked = 0;
    if (exists) {
        sqlite3_bind_text(s_booked, 1, target->code, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s_booked, 2, start);
        if (sqlite3_step(s_booked) == SQLITE_ROW) booked = sqlite3_column_int(s_booked, 0);
        sqlite3_reset(s_booked);
    }
    Settings st = {24, 30};
    while (sqlite3_step(s_window) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(s_window, 0);
        const char *v = (const char *)sqlite3_column_text(s_window, 1);
        if (!k || !v) continue;
        if (strcmp(k, "lead_hours") == 0) st.lead_hours = atoi(v);
        else if (strcmp(k, "horizon_days") == 0) st.horizon_days = atoi(v);
    }
    sqlite3_reset(s_window);
    int w = weekday_of(day);
    int is_slot = exists && !is_closed(target, day) && minute >= target->open[w] &&
                  (minute - target->open[w]) % target->slot_minutes == 0 &&
                  minute + target->slot_minutes <= target->close[w];
    int64_t earliest = now + (int64_t)st.lead_hours * 3600, latest = now + (int64_t)st.horizon_days * 86400;
    if (!is_slot || !(start > earliest && start <= latest) ||
        (strcmp(old_center_code, target->code) == 0 && old_start == start)) { result = REFUSED; why = "not an offered slot"; goto rollback; }
    if (booked >= target->stations) { result = SLOT_FULL; why = "SLOT_FULL"; goto rollback; }

    // Book (ReschedulingService.book): the old appointment moves (version + 1), the new one continues
    // the chain (version + 2; the triggers keep the slot counters and refuse overbooking), the notice,
    // the outbox rows (the representatives: the benchmark chooses no channel for the applicant),
    // then the request and the audit row.
    sqlite3_bind_int64(s_move_old, 1, old_id);
    sqlite3_bind_int(s_move_old, 2, version);
    if (!step_done(s_move_old) || sqlite3_changes(db) != 1) { result = REFUSED; why = "CONFLICT"; goto rollback; }
    sqlite3_bind_int64(s_root, 1, old_id);
    int64_t root = old_id;
    if (sqlite3_step(s_root) == SQLITE_ROW) root = sqlite3_column_int64(s_root, 0);
    sqlite3_reset(s_root);
    sqlite3_bind_text(s_insert_appt, 1, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_insert_appt, 2, target->code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s_insert_appt, 3, start);
    sqlite3_bind_int(s_insert_appt, 4, prior + 1);
    sqlite3_bind_int64(s_insert_appt, 5, root);
    sqlite3_bind_int(s_insert_appt, 6, version + 2);
    sqlite3_bind_int64(s_insert_appt, 7, now);
    rc = sqlite3_step(s_insert_appt);
    sqlite3_reset(s_insert_appt);
    if (rc != SQLITE_DONE) {
        if (strstr(sqlite3_errmsg(db), "slot_capacity")) { result = SLOT_FULL; why = "SLOT_FULL at the write"; }
        else { snprintf(detail_buf, sizeof detail_buf, "insert appointment: %s", sqlite3_errmsg(db)); why = detail_buf; }
        goto rollback;
    }
    int64_t new_id = sqlite3_last_insert_rowid(db);
    sqlite3_bind_int64(s_link, 1, new_id);
    sqlite3_bind_int64(s_link, 2, old_id);
    if (!step_done(s_link)) { why = "link"; goto rollback; }

    char number[32], when[64], when_es[128], old_when[64], name_j[400], cname_j[400], addr_j[600], zone_j[200];
    snprintf(number, sizeof number, "BN%010lld", (long long)new_id);
    date_time_long(start, when, sizeof when, when_es, sizeof when_es);
    char address[512];
    snprintf(address, sizeof address, "%s%s%s%s%s", target->address,
             target->address[0] && target->city[0] ? ", " : "", target->city,
             (target->address[0] || target->city[0]) && target->state[0] ? ", " : "", target->state);
    json_escape(applicant, name_j, sizeof name_j);
    json_escape(target->name, cname_j, sizeof cname_j);
    json_escape(address, addr_j, sizeof addr_j);
    json_escape(target->zone, zone_j, sizeof zone_j);
    // Foundation encodes a Date as seconds since 2001-01-01.
    long long start_ref = (long long)(start - 978307200), now_ref = (long long)(now - 978307200);
    char notice[2048];
    snprintf(notice, sizeof notice,
             "{\"number\":\"%s\",\"receipt\":\"%s\",\"applicantName\":\"%s\",\"centerName\":\"%s\",\"centerAddress\":\"%s\","
             "\"when\":\"%s\",\"start\":%lld,\"issuedAt\":%lld,\"timeZone\":\"%s\"}",
             number, p->receipt, name_j, cname_j, addr_j, when, start_ref, now_ref, zone_j);
    sqlite3_bind_text(s_notice, 1, number, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_notice, 2, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s_notice, 3, new_id);
    sqlite3_bind_int64(s_notice, 4, now);
    sqlite3_bind_text(s_notice, 5, notice, -1, SQLITE_STATIC);
    if (!step_done(s_notice)) { snprintf(detail_buf, sizeof detail_buf, "insert notice: %s", sqlite3_errmsg(db)); why = detail_buf; goto rollback; }

    sqlite3_bind_text(s_recipients, 1, p->receipt, -1, SQLITE_STATIC);
    while (sqlite3_step(s_recipients) == SQLITE_ROW) {
        char account[96], email[256], phone[64];
        copy_text(account, sizeof account, s_recipients, 0);
        copy_text(email, sizeof email, s_recipients, 1);
        copy_text(phone, sizeof phone, s_recipients, 2);
        const char *channel = email[0] ? "email" : phone[0] ? "sms" : NULL;
        if (!channel) continue;
        sqlite3_stmt *o = s_outbox;
        sqlite3_bind_text(o, 1, p->receipt, -1, SQLITE_STATIC);
        sqlite3_bind_text(o, 2, channel, -1, SQLITE_STATIC);
        sqlite3_bind_text(o, 3, email[0] ? email : phone, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(o, 4, now);
        sqlite3_bind_text(o, 5, "booked", -1, SQLITE_STATIC);
        sqlite3_bind_text(o, 6, "representative", -1, SQLITE_STATIC);
        sqlite3_bind_text(o, 7, account, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(o, 8, new_id);
        sqlite3_bind_int64(o, 9, old_id);
        sqlite3_bind_null(o, 10);
        sqlite3_bind_null(o, 11);
        sqlite3_bind_null(o, 12);
        sqlite3_bind_int64(o, 13, now);
        sqlite3_bind_null(o, 14);
        if (!step_done(o)) {
            sqlite3_reset(s_recipients);
            snprintf(detail_buf, sizeof detail_buf, "insert outbox: %s", sqlite3_errmsg(db)); why = detail_buf;
            goto rollback;
        }
    }
    sqlite3_reset(s_recipients);

    char message_en[512], message_es[512], message_en_j[600], message_es_j[600], outcome[6144];
    snprintf(message_en, sizeof message_en, "Rescheduled to %s at %s.", when, target->name);
    snprintf(message_es, sizeof message_es, "La cita se cambió al %s en %s.", when_es, target->name);
    json_escape(message_en, message_en_j, sizeof message_en_j);
    json_escape(message_es, message_es_j, sizeof message_es_j);
    snprintf(outcome, sizeof outcome,
             "{\"requestID\":\"%s\",\"result\":\"booked\",\"verdict\":{\"decision\":\"allowed\",\"codes\":[],"
             "\"message\":\"%s\",\"guidance\":\"Print the new appointment notice and bring it.\",\"warnings\":[],"
             "\"localizedMessage\":{\"texts\":{\"en\":\"%s\",\"es\":\"%s\"}},"
             "\"localizedGuidance\":{\"texts\":{\"en\":\"Print the new appointment notice and bring it.\","
             "\"es\":\"Imprima el nuevo aviso de cita y tráigalo.\"}}},"
             "\"notice\":%s,\"replayed\":false}",
             request_id, message_en_j, message_en_j, message_es_j, notice);
    sqlite3_stmt *r = s_request;
    sqlite3_bind_text(r, 1, request_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 2, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_int64(r, 3, old_id);
    sqlite3_bind_text(r, 4, "contact-center", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 5, "agent", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 6, actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 7, "medical", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 8, "", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 9, "", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 10, target->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 11, p->local, -1, SQLITE_STATIC);
    sqlite3_bind_null(r, 12);
    sqlite3_bind_text(r, 13, "booked", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 14, "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(r, 15, new_id);
    sqlite3_bind_text(r, 16, outcome, -1, SQLITE_STATIC);
    sqlite3_bind_int64(r, 17, now);
    if (!step_done(r)) { snprintf(detail_buf, sizeof detail_buf, "insert request: %s", sqlite3_errmsg(db)); why = detail_buf; goto rollback; }

    use_zone(old_center.zone);
    format_instant(old_start, 0, old_when, sizeof old_when);
    char detail[512];
    snprintf(detail, sizeof detail, "from=%s %s to=%s %s reason=medical", old_center.code, old_when, target->code, when);
    if (!append_audit(now, "agent", actor, "rescheduled", p->receipt, request_id, detail)) {
        snprintf(detail_buf, sizeof detail_buf, "insert audit row: %s", sqlite3_errmsg(db)); why = detail_buf;
        goto rollback;
    }
    result = BOOKED;

commit:
    if (!step_done(s_commit)) {
        note_problem(request_id, "COMMIT", sqlite3_errmsg(db));
        step_done(s_rollback);
        return FAILED;
    }
    if (result != BOOKED) note_problem(request_id, "not booked", why);
    return result;
rollback:
    note_problem(request_id, result == FAILED ? "failed" : "not booked", why);
    step_done(s_rollback);
    return result;
}

static int run_reschedules(const char *plan_path, long from, long count, int64_t now, const char *tag, int wait_for_go) {
    FILE *f = fopen(plan_path, "r");
    if (!f) { perror(plan_path); return 2; }
    PlanItem *items = calloc((size_t)count, sizeof(PlanItem));
    char line[256];
    long n = 0;
    for (long i = 0; fgets(line, sizeof line, f) && n < count; i++) {
        if (i < from) continue;
        long long epoch;
        if (sscanf(line, "%31s %15s %31s %lld", items[n].receipt, items[n].center, items[n].local, &epoch) != 4) {
            fprintf(stderr, "rawsqlite: bad plan line %ld\n", i);
            return 2;
        }
        items[n++].epoch = epoch;
    }
    fclose(f);
    if (n < count) { fprintf(stderr, "rawsqlite: the plan has fewer than %ld lines from %ld\n", count, from); return 2; }
    int64_t *waits = calloc((size_t)count, sizeof(int64_t));
    char (*ids)[64] = calloc((size_t)count, 64);
    for (long i = 0; i < count; i++) snprintf(ids[i], 64, "%s-%ld", tag, from + i);
    if (wait_for_go) {
        printf("READY\n");
        fflush(stdout);
        if (!fgets(line, sizeof line, stdin)) return 2;
    }
    long booked = 0, other = 0, errors = 0, nwaits = 0;
    int64_t start = mono_ns(), first = 0;
    for (long i = 0; i < count; i++) {
        int64_t w = -1;
        int r = reschedule(&items[i], ids[i], now, &w);
        if (i == 0) first = mono_ns() - start;
        if (w >= 0) waits[nwaits++] = w;
        if (r == BOOKED) booked++; else if (r == FAILED) errors++; else other++;
    }
    int64_t end = mono_ns();
    if (problem[0]) printf("PROBLEM %s\n", problem);
    printf("RESULT booked=%ld other=%ld errors=%ld start_ns=%lld end_ns=%lld first_ns=%lld waits=", booked, other, errors,
           (long long)start, (long long)end, (long long)first);
    for (long i = 0; i < nwaits; i++) printf(i ? ",%lld" : "%lld", (long long)waits[i]);
    printf("\n");
    fflush(stdout);
    return 0;
}

int main(int argc, char **argv) {
    if (argc >= 6 && strcmp(argv[2], "slots") == 0) {
        open_store(argv[1]);
        return run_slots(argv[3], atoll(argv[4]), atoi(argv[5]));
    }
    if (argc >= 8 && (strcmp(argv[2], "reschedule") == 0 || strcmp(argv[2], "worker") == 0)) {
        open_store(argv[1]);
        return run_reschedules(argv[3], atol(argv[4]), atol(argv[5]), atoll(argv[6]), argv[7], strcmp(argv[2], "worker") == 0);
    }
    fprintf(stderr,
            "usage: rawsqlite STORE slots CENTER[,CENTER...] NOW_EPOCH LIMIT\n"
            "       rawsqlite STORE reschedule|worker PLAN FROM COUNT NOW_EPOCH TAG\n");
    return 2;
}
