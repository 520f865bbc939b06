import Foundation
import Scheduling
import SchedulingStore

/// Reading domain values out of rows.
enum PGRecords {
    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// A center's row with its opening hours and closures, in one statement (one round trip,
    /// where three were: a reschedule reads two centers).
    static let centerSelect = """
        SELECT c.*,
          ARRAY(SELECT h.weekday || ' ' || h.open_minute || ' ' || h.close_minute FROM center_hours h WHERE h.center = c.code) AS hours_list,
          ARRAY(SELECT x.date FROM center_closures x WHERE x.center = c.code) AS closures_list
        FROM centers c
        """

    static func center(_ db: PGDB, code: String) throws -> Center? {
        guard let row = try db.fetchRow(sql: centerSelect + " WHERE c.code = ?", arguments: [code]) else { return nil }
        return try center(db, row: row)
    }

    /// A center from a row of `centerSelect` (hours and closures read with it), or of `SELECT *
    /// FROM centers` (read now).
    static func center(_ db: PGDB, row: PGRow) throws -> Center {
        let code: String = row["code"]
        let tzName: String = row["time_zone"]
        guard let zone = ZoneCache.rules(tzName) else {
            throw StoreError.unusable("Center \(code) names an unknown time zone \"\(tzName)\".")
        }
        let hourLines: [String]
        let closureDates: [String]
        if row.has("hours_list") {
            hourLines = row["hours_list"]
            closureDates = row["closures_list"]
        } else {
            hourLines = try db.fetchRows(sql: "SELECT weekday, open_minute, close_minute FROM center_hours WHERE center = ?", arguments: [code]).map {
                "\($0["weekday"] as String) \($0["open_minute"] as Int) \($0["close_minute"] as Int)"
            }
            closureDates = try db.fetchValues(String.self, sql: "SELECT date FROM center_closures WHERE center = ?", arguments: [code])
        }
        var hours: [Weekday: OpeningHours] = [:]
        for line in hourLines {
            let f = line.split(separator: " ")
            if f.count == 3, let wd = Weekday(rawValue: String(f[0])), let om = Int(f[1]), let cm = Int(f[2]),
               let o = LocalTime(minutes: om), let c = LocalTime(minutes: cm), let oh = OpeningHours(open: o, close: c) { hours[wd] = oh }
        }
        return Center(code: code, name: row["name"], address: row["address"], city: row["city"], state: row["state"],
                      zone: zone, hours: hours, slotMinutes: row["slot_minutes"], stations: row["stations"],
                      closures: Set(closureDates.compactMap(LocalDate.init(iso:))))
    }

    static func caseFile(_ db: PGDB, receipt: ReceiptNumber) throws -> CaseFile? {
        guard let row = try db.fetchRow(sql: "SELECT * FROM cases WHERE receipt = ?", arguments: [receipt.value]) else { return nil }
        let reps = try db.fetchValues(String.self, sql: "SELECT account FROM representations WHERE receipt = ?", arguments: [receipt.value])
        let changed: Int64? = row["address_changed_at"]
        return CaseFile(receipt: receipt, form: FormType(row["form"]), status: CaseStatus(rawValue: row["status"]) ?? .pending,
                        applicantName: row["applicant_name"], applicantAccount: row["applicant_account"],
                        representatives: Set(reps), addressChangedAt: changed.map(date))
    }

    static func appointment(_ row: PGRow) throws -> Appointment {
        let receiptText: String = row["receipt"]
        let receipt = try ReceiptNumber(parsing: receiptText)
        return Appointment(id: row["id"], receipt: receipt, centerCode: row["center"], start: date(row["start"]),
                           status: AppointmentStatus(rawValue: row["status"]) ?? .cancelled,
                           priorReschedules: row["prior_reschedules"], version: row["version"])
    }

    /// The current appointment: the scheduled one, else the most recent of the case.
    static func currentAppointment(_ db: PGDB, receipt: ReceiptNumber) throws -> Appointment? {
        let row = try db.fetchRow(sql: """
            SELECT * FROM appointments WHERE receipt = ?
            ORDER BY (status = 'scheduled') DESC, id DESC LIMIT 1
            """, arguments: [receipt.value])
        return try row.map(appointment)
    }

    /// The store's booking window (lead time and horizon, R12).
    static func window(_ db: PGDB) throws -> SlotWindow {
        let rows = try db.fetchRows(sql: "SELECT key, value FROM settings WHERE key IN ('lead_hours', 'horizon_days')")
        var s: [String: String] = [:]
        for r in rows { s[r["key"]] = r["value"] }
        return SlotWindow(leadHours: Int(s["lead_hours"] ?? "") ?? 24, horizonDays: Int(s["horizon_days"] ?? "") ?? 30)
    }

    static func booked(_ db: PGDB, center: String, start: Date) throws -> Int {
        try db.fetchValue(Int.self, sql: "SELECT booked FROM slots WHERE center = ? AND start = ?", arguments: [center, seconds(start)]) ?? 0
    }

    static func settings(_ db: PGDB) throws -> [String: String] {
        Dictionary(try db.fetchRows(sql: "SELECT key, value FROM settings").map { ($0["key"], $0["value"]) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The append-only audit log, hash-chained (see `AuditChain`).
enum PGAudit {
    static func append(_ db: PGDB, origin: AuditOrigin, at: Date, actor: Actor, action: AuditAction, receipt: ReceiptNumber? = nil,
                       requestID: String? = nil, detail: String = "") throws {
        try append(db, origin: origin, at: at, actorRole: actor.role.rawValue, actor: actor.id, action: action.rawValue,
                   receipt: receipt?.value, requestID: requestID, detail: detail)
    }

    static func append(_ db: PGDB, origin: AuditOrigin, at: Date, actorRole: String, actor: String, action: String,
                       receipt: String?, requestID: String?, detail: String) throws {
        // The server numbers and hashes the row at commit, under the chain's lock (`biosched_audit_seal`),
        // so the lock is held for the commit alone; ids follow each other without gaps.
        try db.run(sql: """
            INSERT INTO audit_pending(at, actor_role, actor, action, receipt, request_id, detail, os_user, client, key_fingerprint)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [PGRecords.seconds(at), actorRole, actor, action, receipt, requestID, detail, origin.osUser, origin.client,
                             origin.keyFingerprint])
    }
}

/// Time zones are loaded once per process: `TimeZone(identifier:)` reads the zone database.
enum ZoneCache {
    nonisolated(unsafe) private static var cache: [String: ZoneRules] = [:]
    private static let lock = NSLock()
    static func rules(_ identifier: String) -> ZoneRules? {
        lock.lock(); defer { lock.unlock() }
        if let z = cache[identifier] { return z }
        guard let z = ZoneRules(identifier: identifier) else { return nil }
        cache[identifier] = z
        return z
    }
}

/// The audit log's hash chain, computed exactly as the SQLite store does (`AuditChain` there), so a
/// log copied between the two verifies on both: SHA-256 over the previous hash and each field,
/// length-prefixed.
enum PGAuditChain {
    static let genesis = String(repeating: "0", count: 64)

    static func fields(_ row: PGRow) -> [String] {
        [String(row["id"] as Int64), String(row["at"] as Int64), row["actor_role"], row["actor"], row["action"],
         (row["receipt"] as String?) ?? "", (row["request_id"] as String?) ?? "", row["detail"],
         row["os_user"], row["client"], row["key_fingerprint"]]
    }

    static func hash(prev: String, fields: [String]) -> String {
        var s = SHA256()
        s.update(Array(prev.utf8))
        for f in fields {
            let bytes = Array(f.utf8)
            s.update(Array("\(bytes.count):".utf8))
            s.update(bytes)
        }
        return SHA256.hexString(s.finalize())
    }

    static func verify(_ db: PGDB) throws -> AuditVerification {
        var prev = genesis
        var count = 0
        var after: Int64 = 0
        while true {
            let rows = try db.fetchRows(sql: "SELECT * FROM audit WHERE id > ? ORDER BY id LIMIT 5000", arguments: [after])
            if rows.isEmpty { break }
            for row in rows {
                let id: Int64 = row["id"]
                let stored: String = row["hash"]
                let storedPrev: String = row["prev_hash"]
                if storedPrev != prev {
                    return AuditVerification(rows: count, firstBroken: id) { $0.auditRowUnlinked(id) }
                }
                if stored != hash(prev: prev, fields: fields(row)) {
                    return AuditVerification(rows: count, firstBroken: id) { $0.auditRowChanged(id) }
                }
                prev = stored
                count += 1
                after = id
            }
        }
        return AuditVerification(rows: count, firstBroken: nil, problem: nil)
    }
}
