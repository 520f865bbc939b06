import Foundation
import Scheduling

/// Reading domain values out of rows, the same on every database.
package enum Records {
    package static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
    package static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// A center's row with its opening hours and closures, in one statement (one round trip where
    /// three were: a reschedule reads two centers).
    package static func centerSelect(_ d: SQLDialect) -> String {
        """
        SELECT c.*,
          \(d.list("h.weekday || ' ' || h.open_minute || ' ' || h.close_minute", from: "center_hours h WHERE h.center = c.code")) AS hours_list,
          \(d.list("x.date || ' ' || x.reason", from: "center_closures x WHERE x.center = c.code")) AS closures_list
        FROM centers c
        """
    }

    package static func center(_ db: any SQLDatabase, code: String) throws -> Center? {
        let s = centerStatement(db.dialect, code: code)
        guard let row = try db.fetchRow(sql: s.sql, arguments: s.arguments) else { return nil }
        return try center(db, row: row)
    }

    package static func centerStatement(_ d: SQLDialect, code: String) -> SQLStatement {
        SQLStatement(centerSelect(d) + " WHERE c.code = ?", [code])
    }

    /// A center from a row of `centerSelect` (hours and closures read with it), or of `SELECT *
    /// FROM centers` (read now).
    package static func center(_ db: any SQLDatabase, row: SQLRow) throws -> Center {
        // A row read with its hours and closures is the whole center: the same row, the same center
        // (parsing the lists is most of a reschedule's work in Swift on PostgreSQL, which reads two).
        let whole = row.has("hours_list")
        var key = ""
        if whole {
            for v in row.values {
                switch v {
                case .null: key += "\u{0}"
                case let .integer(i): key += String(i)
                case let .text(t): key += t
                case let .texts(l): key += l.joined(separator: "\u{1E}")
                case let .integers(l): key += l.map(String.init).joined(separator: "\u{1E}")
                }
                key += "\u{1F}"
            }
        }
        if whole, let known = CenterCache.center(key) { return known }
        let center = try parseCenter(db, row: row)
        if whole { CenterCache.keep(center, key) }
        return center
    }

    private static func parseCenter(_ db: any SQLDatabase, row: SQLRow) throws -> Center {
        let code: String = row["code"]
        let tzName: String = row["time_zone"]
        guard let zone = ZoneCache.rules(tzName, of: code) else {
            throw StoreError.unusable("Center \(code) names an unknown time zone \"\(tzName)\".")
        }
        let hourLines: [String]
        let closureDates: [String]
        if row.has("hours_list") {
            hourLines = try db.dialect.readList(row.value("hours_list"))
            closureDates = try db.dialect.readList(row.value("closures_list"))
        } else {
            hourLines = try db.fetchRows(sql: "SELECT weekday, open_minute, close_minute FROM center_hours WHERE center = ?", arguments: [code]).map {
                "\($0["weekday"] as String) \($0["open_minute"] as Int) \($0["close_minute"] as Int)"
            }
            closureDates = try db.fetchValues(String.self, sql: "SELECT date || ' ' || reason FROM center_closures WHERE center = ?", arguments: [code])
        }
        var hours: [Weekday: OpeningHours] = [:]
        for line in hourLines {
            let f = line.split(separator: " ")
            if f.count == 3, let wd = Weekday(rawValue: String(f[0])), let om = Int(f[1]), let cm = Int(f[2]),
                let o = LocalTime(minutes: om), let c = LocalTime(minutes: cm), let oh = OpeningHours(open: o, close: c)
            {
                hours[wd] = oh
            }
        }
        return Center(
            code: code, name: row["name"], address: row["address"], city: row["city"], state: row["state"],
            zone: zone, hours: hours, slotMinutes: row["slot_minutes"], stations: row["stations"],
            closures: Set(closureDates.compactMap { LocalDate(iso: String($0.prefix(10))) }),
            closureReasons: Dictionary(
                closureDates.compactMap { line -> (LocalDate, String)? in
                    guard let d = LocalDate(iso: String(line.prefix(10))), line.count > 11 else { return nil }
                    return (d, String(line.dropFirst(11)))
                }, uniquingKeysWith: { a, _ in a }))
    }

    package static let caseByReceipt = "SELECT * FROM cases WHERE receipt = ?"
    package static let representationsOf = "SELECT account FROM representations WHERE receipt = ?"

    package static func caseFile(_ db: any SQLDatabase, receipt: ReceiptNumber) throws -> CaseFile? {
        guard let row = try db.fetchRow(sql: caseByReceipt, arguments: [receipt.value]) else { return nil }
        let reps = try db.fetchValues(String.self, sql: representationsOf, arguments: [receipt.value])
        let changed: Int64? = row["address_changed_at"]
        return CaseFile(
            receipt: receipt, form: FormType(row["form"]), status: CaseStatus(rawValue: row["status"]) ?? .pending,
            applicantName: row["applicant_name"], applicantAccount: row["applicant_account"],
            representatives: Set(reps), addressChangedAt: changed.map(date))
    }

    package static func appointment(_ row: SQLRow) throws -> Appointment {
        let receiptText: String = row["receipt"]
        let receipt = try ReceiptNumber(parsing: receiptText)
        return Appointment(
            id: row["id"], receipt: receipt, centerCode: row["center"], start: date(row["start"]),
            status: AppointmentStatus(rawValue: row["status"]) ?? .cancelled,
            priorReschedules: row["prior_reschedules"], version: row["version"])
    }

    /// The current appointment: the scheduled one, else the most recent of the case.
    package static let currentAppointmentOf = "SELECT * FROM appointments WHERE receipt = ? ORDER BY (status = 'scheduled') DESC, id DESC LIMIT 1"

    package static func currentAppointment(_ db: any SQLDatabase, receipt: ReceiptNumber) throws -> Appointment? {
        try db.fetchRow(sql: currentAppointmentOf, arguments: [receipt.value]).map(appointment)
    }

    /// The store's booking window (lead time and horizon, R12).
    package static func window(_ db: any SQLDatabase) throws -> SlotWindow {
        let rows = try db.fetchRows(sql: windowSettings)
        var s: [String: String] = [:]
        for r in rows { s[r["key"]] = r["value"] }
        return SlotWindow(storedLeadHours: s["lead_hours"], horizonDays: s["horizon_days"])
    }

    package static let windowSettings = "SELECT key, value FROM settings WHERE key IN ('lead_hours', 'horizon_days')"

    package static func booked(_ db: any SQLDatabase, center: String, start: Date) throws -> Int {
        let s = bookedStatement(center: center, start: start)
        return try db.fetchValue(Int.self, sql: s.sql, arguments: s.arguments) ?? 0
    }

    package static func bookedStatement(center: String, start: Date) -> SQLStatement {
        SQLStatement("SELECT booked FROM slots WHERE center = ? AND start = ?", [center, seconds(start)])
    }

    package static func settings(_ db: any SQLDatabase) throws -> [String: String] {
        Dictionary(try db.fetchRows(sql: "SELECT key, value FROM settings").map { ($0["key"], $0["value"]) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The append-only audit log, hash-chained (see `AuditChain`).
package enum Audit {
    package static func append(
        _ db: any SQLDatabase, origin: AuditOrigin, at: Date, actor: Actor, action: AuditAction, receipt: ReceiptNumber? = nil,
        requestID: String? = nil, detail: String = ""
    ) throws {
        try append(
            db, origin: origin, at: at, actorRole: actor.role.rawValue, actor: actor.id, action: action.rawValue,
            receipt: receipt?.value, requestID: requestID, detail: detail)
    }

    package static func append(
        _ db: any SQLDatabase, origin: AuditOrigin, at: Date, actorRole: String, actor: String, action: String,
        receipt: String?, requestID: String?, detail: String
    ) throws {
        let at = Records.seconds(at)
        switch db.dialect {
        case .postgresql:
            // Through the schema's own function (the application role may not write audit_pending
            // itself); the server numbers and hashes the row at commit, under the chain's lock
            // (`biosched_audit_seal`), so the lock is held for the commit alone.
            try db.runLater(
                sql: "SELECT biosched_audit_append(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [at, actorRole, actor, action, receipt, requestID, detail, origin.osUser, origin.client, origin.keyFingerprint])
        case .sqlite:
            // SQLite's one writer holds the file's lock for the whole transaction: the chain is extended here.
            let last = try db.fetchRow(sql: "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
            let id = ((last?["id"] as Int64?) ?? 0) + 1
            let prev = (last?["hash"] as String?) ?? AuditChain.genesis
            let fields = [
                String(id), String(at), actorRole, actor, action, receipt ?? "", requestID ?? "", detail,
                origin.osUser, origin.client, origin.keyFingerprint
            ]
            try db.run(
                sql: """
                    INSERT INTO audit(id, at, actor_role, actor, action, receipt, request_id, detail, os_user, client, key_fingerprint, prev_hash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, at, actorRole, actor, action, receipt, requestID, detail, origin.osUser, origin.client,
                    origin.keyFingerprint, prev, AuditChain.hash(prev: prev, fields: fields)
                ])
        }
    }
}

/// Centers as last read, by their whole row: a process reads the same few again and again.
package enum CenterCache {
    nonisolated(unsafe) private static var centers: [String: Center] = [:]
    private static let lock = NSLock()
    static func center(_ key: String) -> Center? {
        lock.lock()
        defer { lock.unlock() }
        return centers[key]
    }
    static func keep(_ center: Center, _ key: String) {
        lock.lock()
        defer { lock.unlock() }
        if centers.count >= 1_024 { centers = [:] }
        centers[key] = center
    }
}

/// Time zones are loaded once per process: `TimeZone(identifier:)` reads the zone database.
package enum ZoneCache {
    nonisolated(unsafe) private static var cache: [String: ZoneRules] = [:]
    private static let lock = NSLock()
    /// The zone each center was last read with, by code (a guess for reading ahead: `SQLTransaction.prepare`).
    nonisolated(unsafe) private static var centers: [String: ZoneRules] = [:]

    package static func rules(_ identifier: String, of center: String? = nil) -> ZoneRules? {
        lock.lock()
        defer { lock.unlock() }
        let zone: ZoneRules
        if let z = cache[identifier] {
            zone = z
        } else {
            guard let z = ZoneRules(identifier: identifier) else { return nil }
            cache[identifier] = z
            zone = z
        }
        if let center { centers[center] = zone }
        return zone
    }

    /// The zone `center` had when last read in this process, if it was.
    package static func lastSeen(center: String) -> ZoneRules? {
        lock.lock()
        defer { lock.unlock() }
        return centers[center]
    }
}
