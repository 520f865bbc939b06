// rawsqlite: biosched's slot search and R14 reschedule transaction written directly against the
// SQLite C API (libsqlite3 alone), as the baseline of the store benchmark (`biosched-bench store`).
//
// It issues the same SQL reads and writes as biosched (Sources/SchedulingStore): the same SELECTs
// in the same order, the same INSERTs and UPDATEs, one BEGIN IMMEDIATE transaction per
// reschedule, synchronous=FULL, WAL, foreign keys on (GRDB's default). Statements are prepared once
// per connection and reused, as a C program would. Time zones: setenv("TZ") + tzset + mktime.
//
//   rawsqlite STORE slots CENTERS NOW_EPOCH LIMIT
//       CENTERS is one code or a comma-separated list: one slot search per entry, in order.
//       Prints one line per search: CODE NANOSECONDS COUNT CHECKSUM (sum of the slot starts).
//   rawsqlite STORE reschedule PLAN FROM COUNT NOW_EPOCH TAG
//       Reschedules plan lines [FROM, FROM+COUNT) as an agent (request ids TAG-<line>).
//   rawsqlite STORE worker PLAN FROM COUNT NOW_EPOCH TAG
//       The same, but prints READY and waits for a line on stdin first (to start many at once).
//   Both print: RESULT booked=N other=N errors=N start_ns=T end_ns=T first_ns=D waits=W1,W2,...
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

// MARK: Statements (prepared once)

static sqlite3_stmt *s_settings, *s_center, *s_hours, *s_closures, *s_slots;
static sqlite3_stmt *s_begin, *s_commit, *s_rollback;
static sqlite3_stmt *s_replay, *s_case, *s_reps, *s_current, *s_last_request, *s_pending, *s_booked;
static sqlite3_stmt *s_move_old, *s_root, *s_insert_appt, *s_link, *s_notice, *s_request, *s_audit;

static void prepare_all(void) {
    s_settings = prep("SELECT key, value FROM settings");
    s_center = prep("SELECT * FROM centers WHERE code = ?");
    s_hours = prep("SELECT weekday, open_minute, close_minute FROM center_hours WHERE center = ?");
    s_closures = prep("SELECT date FROM center_closures WHERE center = ?");
    s_slots = prep("SELECT start, booked FROM slots WHERE center = ? AND start >= ? AND start < ?");
    s_begin = prep("BEGIN IMMEDIATE TRANSACTION");
    s_commit = prep("COMMIT TRANSACTION");
    s_rollback = prep("ROLLBACK TRANSACTION");
    s_replay = prep("SELECT receipt, outcome_json FROM requests WHERE id = ?");
    s_case = prep("SELECT * FROM cases WHERE receipt = ?");
    s_reps = prep("SELECT account FROM representations WHERE receipt = ?");
    s_current = prep("SELECT * FROM appointments WHERE receipt = ? ORDER BY (status = 'scheduled') DESC, id DESC LIMIT 1");
    s_last_request = prep("SELECT max(received_at) FROM requests WHERE receipt = ?");
    s_pending = prep("SELECT id FROM requests WHERE receipt = ? AND decision = 'escalated' ORDER BY received_at DESC LIMIT 1");
    s_booked = prep("SELECT booked FROM slots WHERE center = ? AND start = ?");
    s_move_old = prep("UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ? AND version = ?");
    s_root = prep("SELECT coalesce(chain_root, id) FROM appointments WHERE id = ?");
    s_insert_appt = prep("INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at) "
                         "VALUES (?, ?, ?, 'scheduled', ?, ?, 1, ?)");
    s_link = prep("UPDATE appointments SET rescheduled_to = ? WHERE id = ?");
    s_notice = prep("INSERT INTO notices(number, receipt, appointment_id, issued_at, json) VALUES (?, ?, ?, ?, ?)");
    s_request = prep("INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note, "
                     "preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s_audit = prep("INSERT INTO audit(at, actor_role, actor, action, receipt, request_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)");
}

static void open_store(const char *path) {
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) die(path);
    // SQLite's default busy handler: sleeps of 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 ms ... up to 10 s.
    sqlite3_busy_timeout(db, 10000);
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

// MARK: Reschedule (Booking.reschedule, agent on the contact-center channel, reason medical)

typedef struct { char receipt[32], center[16], local[32]; int64_t epoch; } PlanItem;

enum { BOOKED, REFUSED, SLOT_FULL, FAILED };

static void json_escape(const char *in, char *out, size_t cap) {
    size_t j = 0;
    for (; *in && j + 7 < cap; in++) {
        unsigned char ch = (unsigned char)*in;
        if (ch == '"' || ch == '\\') { out[j++] = '\\'; out[j++] = (char)ch; }
        else if (ch < 0x20) j += (size_t)snprintf(out + j, cap - j, "\\u%04x", ch);
        else out[j++] = (char)ch;
    }
    out[j] = 0;
}

static int step_done(sqlite3_stmt *s) {
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE;
}

static Center old_center, new_center;

static int reschedule(const PlanItem *p, const char *request_id, int64_t now, int64_t *wait_ns) {
    static const char *actor = "bench.agent";
    int64_t asked = mono_ns();
    int rc = sqlite3_step(s_begin);
    sqlite3_reset(s_begin);
    if (rc != SQLITE_DONE) { fprintf(stderr, "rawsqlite: BEGIN IMMEDIATE: %s\n", sqlite3_errmsg(db)); return FAILED; }
    *wait_ns = mono_ns() - asked;
    int result = FAILED;

    // A stored answer to an earlier request with the same id.
    sqlite3_reset(s_replay);
    sqlite3_bind_text(s_replay, 1, request_id, -1, SQLITE_STATIC);
    if (sqlite3_step(s_replay) == SQLITE_ROW) { sqlite3_reset(s_replay); result = REFUSED; goto commit; }
    sqlite3_reset(s_replay);

    // The case snapshot: case, representations, current appointment, its center, last requests.
    char form[32], case_status[16], applicant[160];
    sqlite3_reset(s_case);
    sqlite3_bind_text(s_case, 1, p->receipt, -1, SQLITE_STATIC);
    if (sqlite3_step(s_case) != SQLITE_ROW) { sqlite3_reset(s_case); result = REFUSED; goto commit; }
    copy_text(form, sizeof form, s_case, 1);
    copy_text(case_status, sizeof case_status, s_case, 2);
    copy_text(applicant, sizeof applicant, s_case, 3);
    sqlite3_reset(s_case);
    sqlite3_reset(s_reps);
    sqlite3_bind_text(s_reps, 1, p->receipt, -1, SQLITE_STATIC);
    int reps = 0;
    while (sqlite3_step(s_reps) == SQLITE_ROW) reps++;
    sqlite3_reset(s_reps);
    (void)reps; // an agent may act on any case (R5)

    sqlite3_reset(s_current);
    sqlite3_bind_text(s_current, 1, p->receipt, -1, SQLITE_STATIC);
    if (sqlite3_step(s_current) != SQLITE_ROW) { sqlite3_reset(s_current); result = REFUSED; goto commit; }
    int64_t old_id = sqlite3_column_int64(s_current, 0);
    char old_center_code[16], old_status[16];
    copy_text(old_center_code, sizeof old_center_code, s_current, 2);
    int64_t old_start = sqlite3_column_int64(s_current, 3);
    copy_text(old_status, sizeof old_status, s_current, 4);
    int prior = sqlite3_column_int(s_current, 5);
    int version = sqlite3_column_int(s_current, 8);
    sqlite3_reset(s_current);
    if (!load_center(old_center_code, &old_center)) goto rollback;
    sqlite3_reset(s_last_request);
    sqlite3_bind_text(s_last_request, 1, p->receipt, -1, SQLITE_STATIC);
    sqlite3_step(s_last_request);
    sqlite3_reset(s_last_request);
    sqlite3_reset(s_pending);
    sqlite3_bind_text(s_pending, 1, p->receipt, -1, SQLITE_STATIC);
    sqlite3_step(s_pending);
    sqlite3_reset(s_pending);

    // The policy for an agent (R6, R7, R11). Anything but "allowed" is not part of the benchmark.
    int scheduled = strcmp(old_status, "scheduled") == 0, missed = strcmp(old_status, "missed") == 0;
    if (strcmp(case_status, "denied") == 0 || (!scheduled && !missed)) { result = REFUSED; goto commit; }
    int untimely = !(now < old_start) || missed, repeat = prior >= 2, asylum = strcmp(form, "I-589") == 0;
    if (untimely || repeat || asylum) { result = REFUSED; goto rollback; } // biosched would escalate

    // The target center, the window, and the slot (R12, R13).
    if (!load_center(p->center, &new_center)) { result = REFUSED; goto commit; }
    Settings st = read_settings();
    int y, mo, d, hh, mm;
    if (sscanf(p->local, "%d-%d-%dT%d:%d", &y, &mo, &d, &hh, &mm) != 5) { result = REFUSED; goto commit; }
    int64_t day = days_from_civil(y, mo, d);
    int minute = hh * 60 + mm;
    use_zone(new_center.zone);
    int64_t start = 0;
    int exists = local_instant(day, minute, &start);
    int booked = 0;
    if (exists) {
        sqlite3_reset(s_booked);
        sqlite3_bind_text(s_booked, 1, new_center.code, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s_booked, 2, start);
        if (sqlite3_step(s_booked) == SQLITE_ROW) booked = sqlite3_column_int(s_booked, 0);
        sqlite3_reset(s_booked);
    }
    int w = weekday_of(day);
    int is_slot = exists && !is_closed(&new_center, day) && minute >= new_center.open[w] &&
                  (minute - new_center.open[w]) % new_center.slot_minutes == 0 &&
                  minute + new_center.slot_minutes <= new_center.close[w];
    int64_t earliest = now + (int64_t)st.lead_hours * 3600, latest = now + (int64_t)st.horizon_days * 86400;
    if (!is_slot || !(start > earliest && start <= latest) ||
        (strcmp(old_center_code, new_center.code) == 0 && old_start == start)) { result = REFUSED; goto commit; }
    if (booked >= new_center.stations) { result = SLOT_FULL; goto commit; }

    // Book: the old appointment moves, the new one is inserted (the triggers keep the slot
    // counters and refuse overbooking), then the notice, the request and the audit line.
    sqlite3_bind_int64(s_move_old, 1, old_id);
    sqlite3_bind_int(s_move_old, 2, version);
    if (!step_done(s_move_old) || sqlite3_changes(db) != 1) goto rollback;
    sqlite3_bind_int64(s_root, 1, old_id);
    int64_t root = old_id;
    if (sqlite3_step(s_root) == SQLITE_ROW) root = sqlite3_column_int64(s_root, 0);
    sqlite3_reset(s_root);
    sqlite3_bind_text(s_insert_appt, 1, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_insert_appt, 2, new_center.code, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s_insert_appt, 3, start);
    sqlite3_bind_int(s_insert_appt, 4, prior + 1);
    sqlite3_bind_int64(s_insert_appt, 5, root);
    sqlite3_bind_int64(s_insert_appt, 6, now);
    rc = sqlite3_step(s_insert_appt);
    sqlite3_reset(s_insert_appt);
    if (rc != SQLITE_DONE) {
        if (strstr(sqlite3_errmsg(db), "slot_capacity")) result = SLOT_FULL;
        else fprintf(stderr, "rawsqlite: insert appointment: %s\n", sqlite3_errmsg(db));
        goto rollback;
    }
    int64_t new_id = sqlite3_last_insert_rowid(db);
    sqlite3_bind_int64(s_link, 1, new_id);
    sqlite3_bind_int64(s_link, 2, old_id);
    if (!step_done(s_link)) goto rollback;

    char number[32], when[64], old_when[64], name_j[400], cname_j[400], addr_j[600];
    snprintf(number, sizeof number, "BN%010lld", (long long)new_id);
    format_instant(start, 1, when, sizeof when);
    char address[512];
    snprintf(address, sizeof address, "%s%s%s%s%s", new_center.address,
             new_center.address[0] && new_center.city[0] ? ", " : "", new_center.city,
             (new_center.address[0] || new_center.city[0]) && new_center.state[0] ? ", " : "", new_center.state);
    json_escape(applicant, name_j, sizeof name_j);
    json_escape(new_center.name, cname_j, sizeof cname_j);
    json_escape(address, addr_j, sizeof addr_j);
    // Foundation encodes a Date as seconds since 2001-01-01.
    double start_ref = (double)(start - 978307200), now_ref = (double)(now - 978307200);
    char notice[2048];
    snprintf(notice, sizeof notice,
             "{\"number\":\"%s\",\"receipt\":\"%s\",\"applicantName\":\"%s\",\"centerName\":\"%s\",\"centerAddress\":\"%s\","
             "\"when\":\"%s\",\"start\":%.0f,\"issuedAt\":%.0f}",
             number, p->receipt, name_j, cname_j, addr_j, when, start_ref, now_ref);
    sqlite3_bind_text(s_notice, 1, number, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_notice, 2, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s_notice, 3, new_id);
    sqlite3_bind_int64(s_notice, 4, now);
    sqlite3_bind_text(s_notice, 5, notice, -1, SQLITE_STATIC);
    if (!step_done(s_notice)) goto rollback;

    char outcome[4096];
    snprintf(outcome, sizeof outcome,
             "{\"requestID\":\"%s\",\"result\":\"booked\",\"verdict\":{\"decision\":\"allowed\",\"codes\":[],"
             "\"message\":\"Rescheduled to %s at %s.\",\"guidance\":\"Print the new appointment notice and bring it.\","
             "\"warnings\":[]},\"notice\":%s,\"replayed\":false}",
             request_id, when, cname_j, notice);
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
    sqlite3_bind_text(r, 10, new_center.code, -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 11, p->local, -1, SQLITE_STATIC);
    sqlite3_bind_null(r, 12);
    sqlite3_bind_text(r, 13, "booked", -1, SQLITE_STATIC);
    sqlite3_bind_text(r, 14, "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(r, 15, new_id);
    sqlite3_bind_text(r, 16, outcome, -1, SQLITE_STATIC);
    sqlite3_bind_int64(r, 17, now);
    if (!step_done(r)) { fprintf(stderr, "rawsqlite: insert request: %s\n", sqlite3_errmsg(db)); goto rollback; }

    use_zone(old_center.zone);
    format_instant(old_start, 0, old_when, sizeof old_when);
    char detail[512];
    snprintf(detail, sizeof detail, "from=%s %s to=%s %s reason=medical", old_center.code, old_when, new_center.code, when);
    sqlite3_bind_int64(s_audit, 1, now);
    sqlite3_bind_text(s_audit, 2, "agent", -1, SQLITE_STATIC);
    sqlite3_bind_text(s_audit, 3, actor, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_audit, 4, "rescheduled", -1, SQLITE_STATIC);
    sqlite3_bind_text(s_audit, 5, p->receipt, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_audit, 6, request_id, -1, SQLITE_STATIC);
    sqlite3_bind_text(s_audit, 7, detail, -1, SQLITE_STATIC);
    if (!step_done(s_audit)) goto rollback;
    result = BOOKED;

commit:
    if (!step_done(s_commit)) {
        fprintf(stderr, "rawsqlite: COMMIT: %s\n", sqlite3_errmsg(db));
        step_done(s_rollback);
        return FAILED;
    }
    return result;
rollback:
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
