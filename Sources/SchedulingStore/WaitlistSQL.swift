import Foundation
import Scheduling

/// The waiting list's primitives (`WaitlistTransaction`), written once over `any SQLDatabase`.
///
/// Holds count against capacity as bookings do: on SQLite the triggers on `offers` move
/// `slots.booked` (migration v11-waitlist); on PostgreSQL this code moves it under the slot row
/// lock, taken in (center, start) order as `SQLTransaction` does, with the same guarded
/// `UPDATE ... WHERE booked < capacity`, and the deferred trigger checks the count at commit.
extension SQLTransaction: WaitlistTransaction {
    package func offerSettings() throws -> OfferSettings {
        let v = try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'offer_hold_minutes'")
        return OfferSettings(
            holdMinutes: v.flatMap(Int.init).map { min(max($0, OfferSettings.holdRange.lowerBound), OfferSettings.holdRange.upperBound) } ?? 120)
    }

    static let entrySelect = """
        SELECT w.*, a.center AS current_center, a.start AS current_start,
          (SELECT count(*) FROM offers o WHERE o.waitlist_id = w.id AND o.state = 'open') AS has_open
        FROM waitlist w JOIN appointments a ON a.receipt = w.receipt AND a.status = 'scheduled'
        """

    static func entry(_ row: SQLRow) throws -> WaitingEntry {
        guard let role = Role(rawValue: row["actor_role"]), let channel = Channel(rawValue: row["channel"]),
            let reason = GoodCauseReason(rawValue: row["reason"])
        else {
            throw StoreError.failed("waiting-list row \(row["id"] as Int64) holds an unknown role, channel or reason")
        }
        let exclusions = (try? WaitlistExclusions.parse(row["exclusions"]).get()) ?? WaitlistExclusions()
        let r = WaitlistRequest(
            receipt: try ReceiptNumber(parsing: row["receipt"] as String),
            centers: (row["centers"] as String).split(separator: ",").map(String.init),
            from: (row["from_date"] as String?).flatMap(LocalDate.init(iso:)),
            before: (row["before_date"] as String?).flatMap(LocalDate.init(iso:)),
            exclusions: exclusions, goodCause: GoodCause(reason: reason, explanation: row["explanation"]),
            notify: (row["notify"] as String?).flatMap(NotifyChannel.init(rawValue:)),
            askedAt: Records.date(row["asked_at"]), actor: Actor(role: role, id: row["actor"]), channel: channel)
        let open: Int64 = row["has_open"]
        return WaitingEntry(
            id: row["id"], request: r, currentCenter: row["current_center"], currentStart: Records.date(row["current_start"]),
            hasOpenOffer: open != 0)
    }

    package func waitingRequest(_ receipt: ReceiptNumber) throws -> WaitingEntry? {
        try db.fetchRow(sql: Self.entrySelect + " WHERE w.receipt = ? AND w.state = 'waiting'", arguments: [receipt.value]).map(Self.entry)
    }

    package func waitingEntries(center: String) throws -> [WaitingEntry] {
        try db.fetchRows(
            sql: Self.entrySelect + """
                 JOIN waitlist_centers wc ON wc.waitlist_id = w.id AND wc.center = ?
                WHERE w.state = 'waiting' ORDER BY w.asked_at, w.id
                """, arguments: [center]
        ).map(Self.entry)
    }

    package func waitlistIDsOffered(center: String, start: Date) throws -> Set<Int64> {
        Set(try db.fetchValues(Int64.self, sql: "SELECT waitlist_id FROM offers WHERE center = ? AND start = ?", arguments: [center, Records.seconds(start)]))
    }

    package func allWaiting() throws -> [WaitingEntry] {
        try db.fetchRows(sql: Self.entrySelect + " WHERE w.state = 'waiting' ORDER BY w.asked_at, w.id").map(Self.entry)
    }

    package func insertWaitlist(_ r: WaitlistRequest) throws -> Int64 {
        try flush()
        guard
            let id = try db.fetchValue(
                Int64.self,
                sql: """
                    INSERT INTO waitlist(receipt, centers, from_date, before_date, exclusions, reason, explanation, notify, channel, actor_role, actor, asked_at, state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting') RETURNING id
                    """,
                arguments: [
                    r.receipt.value, r.centers.joined(separator: ","), r.from?.iso, r.before?.iso, r.exclusions.text,
                    r.goodCause.reason.rawValue, r.goodCause.explanation, r.notify?.rawValue, r.channel.rawValue,
                    r.actor.role.rawValue, r.actor.id, Records.seconds(r.askedAt)
                ])
        else { throw StoreError.failed("the waiting-list request got no id") }
        for c in r.centers {
            try db.run(sql: "INSERT INTO waitlist_centers(waitlist_id, center) VALUES (?, ?)", arguments: [id, c])
        }
        return id
    }

    package func endWaitlist(id: Int64, state: String, at: Date) throws {
        try flush()
        try db.run(sql: "UPDATE waitlist SET state = ?, ended_at = ? WHERE id = ? AND state = 'waiting'", arguments: [state, Records.seconds(at), id])
    }

    package func lockSlots(_ slots: [(center: String, start: Date)]) throws {
        guard !db.dialect.slotsCountedByTriggers else { return }
        try flush()
        try lockSlots(slots.map { ($0.center, Records.seconds($0.start)) })
    }

    package func insertOffer(waitlistID: Int64, receipt: ReceiptNumber, center: String, start: Date, createdAt: Date, deadline: Date) throws -> Int64 {
        try flush()
        let s = Records.seconds(start)
        if !db.dialect.slotsCountedByTriggers {
            try lockSlots([(center, s)])
            try db.run(sql: "UPDATE slots SET booked = booked + 1 WHERE center = ? AND start = ? AND booked < capacity", arguments: [center, s])
            if db.changesCount != 1 { throw StoreError.capacityExceeded }
        }
        guard
            let id = try db.fetchValue(
                Int64.self,
                sql: """
                    INSERT INTO offers(waitlist_id, receipt, center, start, created_at, deadline, state) VALUES (?, ?, ?, ?, ?, ?, 'open') RETURNING id
                    """, arguments: [waitlistID, receipt.value, center, s, Records.seconds(createdAt), Records.seconds(deadline)])
        else { throw StoreError.failed("the offer got no id") }
        return id
    }

    static func offer(_ row: SQLRow) throws -> Offer {
        guard let state = OfferState(rawValue: row["state"]) else { throw StoreError.failed("offer \(row["id"] as Int64) holds an unknown state") }
        return Offer(
            id: row["id"], waitlistID: row["waitlist_id"], receipt: try ReceiptNumber(parsing: row["receipt"] as String),
            centerCode: row["center"], start: Records.date(row["start"]), createdAt: Records.date(row["created_at"]),
            deadline: Records.date(row["deadline"]), state: state, resolvedAt: (row["resolved_at"] as Int64?).map(Records.date))
    }

    package func offer(_ id: Int64) throws -> Offer? {
        try db.fetchRow(sql: "SELECT * FROM offers WHERE id = ?" + db.dialect.forUpdate, arguments: [id]).map(Self.offer)
    }

    package func offers(receipt: ReceiptNumber?) throws -> [Offer] {
        if let receipt {
            return try db.fetchRows(sql: "SELECT * FROM offers WHERE receipt = ? ORDER BY id", arguments: [receipt.value]).map(Self.offer)
        }
        return try db.fetchRows(sql: "SELECT * FROM offers ORDER BY id").map(Self.offer)
    }

    package func lateOffers(now: Date) throws -> [Offer] {
        try db.fetchRows(
            sql: "SELECT * FROM offers WHERE state = 'open' AND deadline <= ? ORDER BY deadline, id" + db.dialect.skipLocked,
            arguments: [Records.seconds(now)]
        ).map(Self.offer)
    }

    @discardableResult
    package func resolveOffer(_ id: Int64, to state: OfferState, at: Date, appointmentID: Int64?) throws -> Bool {
        try flush()
        if let appointmentID {
            try db.run(
                sql: "UPDATE offers SET appointment_id = ? WHERE id = ? AND state = 'accepted' AND appointment_id IS NULL",
                arguments: [appointmentID, id])
            return db.changesCount == 1
        }
        guard let row = try db.fetchRow(sql: "SELECT center, start FROM offers WHERE id = ? AND state = 'open'", arguments: [id]) else { return false }
        let center: String = row["center"], start: Int64 = row["start"]
        if !db.dialect.slotsCountedByTriggers { try lockSlots([(center, start)]) }
        try db.run(
            sql: "UPDATE offers SET state = ?, resolved_at = ? WHERE id = ? AND state = 'open'",
            arguments: [state.rawValue, Records.seconds(at), id])
        guard db.changesCount == 1 else { return false }
        if !db.dialect.slotsCountedByTriggers {
            try db.run(sql: "UPDATE slots SET booked = booked - 1 WHERE center = ? AND start = ?", arguments: [center, start])
        }
        return true
    }

    package func takeFreedStations(limit: Int) throws -> [FreedStation] {
        try flush()
        let rows = try db.fetchRows(
            sql: "SELECT id, center, start, freed_at_ms FROM freed_stations ORDER BY id LIMIT ?" + db.dialect.skipLocked,
            arguments: [limit])
        let out = rows.map { r in FreedStation(id: r["id"], centerCode: r["center"], start: Records.date(r["start"]), freedAtMillis: r["freed_at_ms"]) }
        for f in out { try db.run(sql: "DELETE FROM freed_stations WHERE id = ?", arguments: [f.id]) }
        return out
    }

    package func enqueueOffer(_ offer: Offer, notify: NotifyChannel?) throws {
        try flush()
        try Outbox.enqueueOffer(db, offer: offer, notify: notify)
    }
}
