import Foundation
import Scheduling

/// What an import does the same way on every database: the settings, and the centers (few rows,
/// each read and checked against the store's own, then inserted or changed field by field). The
/// bulk records after them (accounts, cases, appointments) are loaded by each store's importer in
/// the way its database takes many rows fastest.
package enum ImportCenters {
    /// Loads the settings and centers of `doc`; the time zone of each center named, by code.
    /// `guarded` runs one record's statements and turns the database's refusal (a duplicate, a
    /// check) into an `ImportError` naming the record.
    /// When appointment record `a` starts, in seconds: its center's zone (from `zones`, else read from
    /// the store and kept there) turns the record's local time into an instant. An unknown center, a
    /// malformed time or one the zone skips is an `ImportError` naming the record (`at`).
    package static func start(
        of a: ImportDocument.AppointmentRecord, at: String, zones: inout [String: ZoneRules],
        in db: any SQLDatabase
    ) throws -> Int64 {
        var zone = zones[a.center]
        if zone == nil, let tz = try db.fetchValue(String.self, sql: "SELECT time_zone FROM centers WHERE code = ?", arguments: [a.center]) {
            zone = ZoneRules(identifier: tz)
            zones[a.center] = zone
        }
        guard let zone else { throw ImportError(at + ".center") { $0.importUnknownCenter(a.center) } }
        guard let local = LocalDateTime(iso: a.start) else {
            throw ImportError(at + ".start") { $0.importLocalTime(Echo.show(a.start)) }
        }
        guard let instant = zone.instant(of: local) else {
            throw ImportError(at + ".start") { $0.importSkippedTime(a.start, zone.identifier) }
        }
        return Records.seconds(instant)
    }

    package static func load(
        _ db: any SQLDatabase, _ doc: ImportDocument, summary: inout ImportSummary,
        guarded: (String, () throws -> Void) throws -> Void
    ) throws -> [String: ZoneRules] {
        if let s = doc.settings {
            if let l = s.leadHours { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'lead_hours'", arguments: [String(l)]) }
            if let h = s.horizonDays { try db.execute(sql: "UPDATE settings SET value = ? WHERE key = 'horizon_days'", arguments: [String(h)]) }
        }
        var zones: [String: ZoneRules] = [:]
        for (i, c) in doc.centers.enumerated() {
            let at = "centers[\(i)] (code \"\(c.code)\")"
            let existing = try db.fetchRow(sql: "SELECT * FROM centers WHERE code = ?", arguments: [c.code])
            try guarded(at) {
                if let existing {
                    // Capacity or hours added: the waiting list's next pass looks at every slot here.
                    if try addsRoom(db, c, existing: existing) {
                        try db.execute(
                            sql: "INSERT INTO freed_stations(center, start, freed_at_ms) VALUES (?, ?, ?)",
                            arguments: [c.code, Records.seconds(FreedStation.everySlot), Int64(Date().timeIntervalSince1970 * 1000)])
                    }
                    try updateCenter(db, c, existing: existing, at: at)
                } else {
                    if let missing = ImportDocument.CenterRecord.requiredForNew.first(where: { !c.given.contains($0) }) {
                        throw ImportError(at + ".\(missing)") { $0.importNewCenterNeeds(ImportDocument.CenterRecord.requiredForNew.joined(separator: ", ")) }
                    }
                    try db.execute(
                        sql: "INSERT INTO centers(code, name, address, city, state, time_zone, slot_minutes, stations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        arguments: [c.code, c.name, c.address, c.city, c.state, c.timeZone, c.slotMinutes, c.stations])
                }
                // Only the weekdays given change; the others keep their hours.
                for (wd, text) in c.hours {
                    guard let h = OpeningHours(parsing: text) else { throw ImportError(at + ".hours.\(wd.rawValue)") { $0.importHoursShort } }
                    try db.execute(
                        sql: """
                            INSERT INTO center_hours(center, weekday, open_minute, close_minute) VALUES (?, ?, ?, ?)
                            ON CONFLICT(center, weekday) DO UPDATE SET open_minute = excluded.open_minute, close_minute = excluded.close_minute
                            """, arguments: [c.code, wd.rawValue, h.open.minutes, h.close.minutes])
                }
                for d in c.closures {
                    try db.execute(sql: "INSERT INTO center_closures(center, date) VALUES (?, ?) ON CONFLICT DO NOTHING", arguments: [c.code, d])
                }
            }
            let tz = c.given.contains("timeZone") ? c.timeZone : (existing?["time_zone"] as String?) ?? c.timeZone
            zones[c.code] = ZoneRules(identifier: tz)
            summary.centers += 1
        }
        return zones
    }

    /// Whether the record gives a center already in the store more room: more stations, or a
    /// weekday's hours opening earlier or closing later (or a day that had none).
    static func addsRoom(_ db: any SQLDatabase, _ c: ImportDocument.CenterRecord, existing: SQLRow) throws -> Bool {
        if c.given.contains("stations") && c.stations > (existing["stations"] as Int) { return true }
        for (wd, text) in c.hours {
            guard let h = OpeningHours(parsing: text) else { continue }
            guard
                let old = try db.fetchRow(
                    sql: "SELECT open_minute, close_minute FROM center_hours WHERE center = ? AND weekday = ?",
                    arguments: [c.code, wd.rawValue])
            else { return true }
            if h.open.minutes < (old["open_minute"] as Int) || h.close.minutes > (old["close_minute"] as Int) { return true }
        }
        return false
    }

    /// A center already in the store: only the fields the document gives change. A new time zone
    /// or slot length would move or orphan the wall-clock times of scheduled appointments, so it is
    /// refused while any are scheduled there; fewer stations than a slot already holds is refused.
    static func updateCenter(_ db: any SQLDatabase, _ c: ImportDocument.CenterRecord, existing: SQLRow, at: String) throws {
        let scheduled = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments WHERE center = ? AND status = 'scheduled'", arguments: [c.code]) ?? 0
        if c.given.contains("timeZone") && c.timeZone != (existing["time_zone"] as String) && scheduled > 0 {
            throw ImportError(at + ".timeZone") { $0.importZoneLocked(scheduled, existing["time_zone"] as String) }
        }
        if c.given.contains("slotMinutes") && c.slotMinutes != (existing["slot_minutes"] as Int) && scheduled > 0 {
            throw ImportError(at + ".slotMinutes") { $0.importSlotLengthLocked(scheduled, existing["slot_minutes"] as Int) }
        }
        if c.given.contains("stations") {
            let busiest = try Int.fetchOne(db, sql: "SELECT max(booked) FROM slots WHERE center = ?", arguments: [c.code]) ?? 0
            if c.stations < busiest {
                throw ImportError(at + ".stations") { $0.importStationsLocked(busiest, c.stations) }
            }
        }
        let columns: [(json: String, column: String, value: any SQLBindable)] = [
            ("name", "name", c.name), ("address", "address", c.address), ("city", "city", c.city), ("state", "state", c.state),
            ("timeZone", "time_zone", c.timeZone), ("slotMinutes", "slot_minutes", c.slotMinutes), ("stations", "stations", c.stations)
        ].filter { c.given.contains($0.json) }
        guard !columns.isEmpty else { return }
        try db.execute(
            sql: "UPDATE centers SET " + columns.map { "\($0.column) = ?" }.joined(separator: ", ") + " WHERE code = ?",
            arguments: SQLArguments(columns.map(\.value) + [c.code]))
    }
}
