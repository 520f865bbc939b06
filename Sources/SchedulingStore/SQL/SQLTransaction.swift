import Foundation
import Scheduling

/// The booking primitives on one connection, inside a transaction the store began: reads and
/// writes of rows, nothing of the policy (`ReschedulingService` decides), the same SQL on SQLite
/// and PostgreSQL. Also used for plain reads (`CaseReads`) in read transactions.
///
/// Where the two databases keep the capacity invariant differently, the dialect says which way:
/// SQLite's triggers move `slots.booked` with each appointment (one writer holds the whole file);
/// on PostgreSQL this transaction locks the slot rows in one fixed order (center, start) and moves
/// the counters itself with a guarded UPDATE, the server's deferred trigger checking them at commit.
///
/// Round trips: on a database that fetches ahead (PostgreSQL), `prepare` reads what a decision
/// needs in two round trips, the writes up to the new appointment's id go in a third (their
/// checks, the version and the free station, read from its results) and the rest with `COMMIT`.
package final class SQLTransaction: BookingTransaction {
    let db: any SQLDatabase
    let origin: AuditOrigin
    /// Makes an enrollment code for an account (the store's key registry; hashed, audited).
    let issueCode: (any SQLDatabase, String, Actor, Date, AuditOrigin) throws -> String
    /// An appointment `supersede` matched and locked, not yet marked: the mark waits until the new
    /// appointment's slot is known, so both slot rows are locked in one fixed order (center, start).
    private var pending: (id: Int64, center: String, start: Int64)?

    package init(
        db: any SQLDatabase, origin: AuditOrigin,
        issueCode: @escaping (any SQLDatabase, String, Actor, Date, AuditOrigin) throws -> String
    ) {
        self.db = db
        self.origin = origin
        self.issueCode = issueCode
    }

    /// Locks the slot rows of `keys` in (center, start) order, making the rows that do not exist yet.
    func lockSlots(_ keys: [(center: String, start: Int64)]) throws {
        let sorted = keys.sorted { ($0.center, $0.start) < ($1.center, $1.start) }
        var seen = Set<String>()
        for k in sorted where seen.insert("\(k.center)@\(k.start)").inserted {
            try db.runLater(
                sql: """
                    INSERT INTO slots(center, start, capacity, booked) SELECT code, ?, stations, 0 FROM centers WHERE code = ?
                    ON CONFLICT DO NOTHING
                    """, arguments: [k.start, k.center])
            try db.runLater(sql: "SELECT 1 FROM slots WHERE center = ? AND start = ? FOR UPDATE", arguments: [k.center, k.start])
        }
    }

    /// Marks the matched appointment rescheduled and gives its station back (its slot is locked
    /// first); what `supersede` left for later on PostgreSQL. Called before every other write and
    /// at the end of the transaction.
    package func flush(lockingAlso other: (center: String, start: Int64)? = nil) throws {
        guard let p = pending else {
            if let other { try lockSlots([other]) }
            return
        }
        pending = nil
        try lockSlots([(p.center, p.start)] + (other.map { [$0] } ?? []))
        // Its station comes back if it held one (scheduled, attended, missed), read before the mark.
        try db.runLater(
            sql: """
                UPDATE slots SET booked = booked - 1 WHERE center = ? AND start = ?
                  AND EXISTS (SELECT 1 FROM appointments WHERE id = ? AND status IN ('scheduled', 'attended', 'missed'))
                """, arguments: [p.center, p.start, p.id])
        try db.runLater(sql: "UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ?", arguments: [p.id])
    }

    /// Reads ahead what deciding `r` reads (`SQLDatabase.prefetch`): what the request names (its id,
    /// the case, the center asked for, the settings), then what the case names (its appointment's
    /// center and last request, the account's contact and codes, the slot's count). Every answer
    /// is one the decision asks for before this transaction writes it; a guess that misses (a
    /// center's zone not seen yet) costs a round trip later, nothing else.
    package func prepare(for r: RescheduleRequest, now: Date) throws {
        guard db.fetchesAhead else { return }
        let receipt: SQLArguments = [r.receipt.value]
        let asked = r.centerCode?.uppercased()
        var first = [
            SQLStatement(Self.requestByID, [r.requestID]), SQLStatement(Records.caseByReceipt, receipt),
            SQLStatement(Records.representationsOf, receipt), SQLStatement(Records.currentAppointmentOf, receipt),
            SQLStatement(Self.pendingEscalationOf, receipt), SQLStatement(Records.windowSettings),
            SQLStatement(Outbox.applicantAccountOf, receipt), SQLStatement(Outbox.representativesOf, receipt),
            SQLStatement(EnrollmentReads.enrollmentDays), SQLStatement(SettingsSQL.doorSettings)
        ]
        if let asked { first.append(Records.centerStatement(db.dialect, code: asked)) }
        try db.prefetch(first)
        guard let file = try caseFile(r.receipt), let appointment = try currentAppointment(r.receipt) else { return }
        var second = [SQLStatement(Self.lastRequestOf, [appointment.id, Records.seconds(appointment.start)])]
        if asked != appointment.centerCode { second.append(Records.centerStatement(db.dialect, code: appointment.centerCode)) }
        if let account = file.applicantAccount {
            second += [
                SQLStatement(Self.contactOf, [account]), SQLStatement(Outbox.addressOf, [account]),
                SQLStatement(EnrollmentReads.accountCount, [account]), SQLStatement(EnrollmentReads.openCodes, [account, Records.seconds(now)])
            ]
        }
        let target = asked ?? appointment.centerCode
        let zone = try asked.flatMap { try center($0)?.zone } ?? ZoneCache.lastSeen(center: target)
        if let instant = zone?.instant(of: r.to) { second.append(Records.bookedStatement(center: target, start: instant)) }
        try db.prefetch(second)
    }

    package func caseFile(_ receipt: ReceiptNumber) throws -> CaseFile? { try Records.caseFile(db, receipt: receipt) }
    package func currentAppointment(_ receipt: ReceiptNumber) throws -> Appointment? { try Records.currentAppointment(db, receipt: receipt) }
    package func center(_ code: String) throws -> Center? { try Records.center(db, code: code) }
    package func slotWindow() throws -> SlotWindow { try Records.window(db) }
    package func isTrainingStore() throws -> Bool { try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'training'") == "1" }
    package func enrollmentDoor() throws -> EnrollmentDoor { try SettingsSQL.door(db) }
    package func bookedCount(center: String, start: Date) throws -> Int { try Records.booked(db, center: center, start: start) }

    static let lastRequestOf = "SELECT max(received_at) FROM requests WHERE appointment_id = ? AND received_at < ? AND decision <> 'refused'"
    static let pendingEscalationOf = "SELECT id FROM requests WHERE receipt = ? AND decision = 'escalated' ORDER BY received_at DESC LIMIT 1"
    static let requestByID = "SELECT * FROM requests WHERE id = ?"
    static let contactOf = "SELECT email, phone, language FROM accounts WHERE id = ?"

    package func lastRequest(appointmentID: Int64, before: Date) throws -> Date? {
        try db.fetchValue(Int64.self, sql: Self.lastRequestOf, arguments: [appointmentID, Records.seconds(before)]).map(Records.date)
    }

    package func pendingEscalation(_ receipt: ReceiptNumber) throws -> String? {
        try db.fetchValue(String.self, sql: Self.pendingEscalationOf, arguments: [receipt.value])
    }

    package func request(_ id: String) throws -> StoredRequest? {
        guard let row = try db.fetchRow(sql: Self.requestByID, arguments: [id]) else { return nil }
        guard let role = Role(rawValue: row["actor_role"]), let decision = RequestDecision(rawValue: row["decision"]) else {
            throw StoreError.failed("request \(id) holds an unknown role or decision")
        }
        let outcome = try JSONDecoder().decode(RescheduleOutcome.self, from: Data((row["outcome_json"] as String).utf8))
        return StoredRequest(
            id: id, receipt: try ReceiptNumber(parsing: row["receipt"] as String), actor: Actor(role: role, id: row["actor"]),
            decision: decision, appointmentID: row["appointment_id"],
            notify: (row["notify"] as String?).flatMap(NotifyChannel.init(rawValue:)), outcome: outcome,
            item: try SQLiteBookingStore.reviewItem(db, row))
    }

    package func slotCounts(center: String, from: Date, to: Date) throws -> [Date: Int] {
        try SQLiteBookingStore.booked(db, center: center, from: from, to: to)
    }

    package func scheduledAppointments(center: String, from: Date, to: Date) throws -> [Appointment] {
        try db.fetchRows(
            sql: "SELECT * FROM appointments WHERE center = ? AND start >= ? AND start < ? AND status = 'scheduled'",
            arguments: [center, Records.seconds(from), Records.seconds(to)]
        ).map(Records.appointment)
    }

    package func centers(inState state: String) throws -> [Center] {
        try db.fetchRows(sql: Records.centerSelect(db.dialect) + " WHERE c.state = ? ORDER BY c.code", arguments: [state]).map {
            try Records.center(db, row: $0)
        }
    }

    package func addClosure(center: String, date: LocalDate, reason: String) throws -> Bool {
        try flush()
        try db.run(sql: "INSERT INTO center_closures(center, date, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", arguments: [center, date.iso, reason])
        return db.changesCount == 1
    }

    package func contact(account: String) throws -> Contact? {
        try db.fetchRow(sql: Self.contactOf, arguments: [account]).map {
            Contact(email: $0["email"], phone: $0["phone"], language: ($0["language"] as String?).flatMap(Language.init(rawValue:)))
        }
    }

    package func supersede(_ appointment: Appointment) throws -> Bool {
        try flush()
        if db.dialect.slotsCountedByTriggers {
            try db.run(
                sql: "UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ? AND version = ?",
                arguments: [appointment.id, appointment.version])
            return db.changesCount == 1
        }
        // The row lock makes a second writer of the same appointment wait, then see the new version:
        // no row, and the transaction fails with CONFLICT before it commits. (A version is the
        // appointment's as read: its center and start are those.)
        try db.expect(
            sql: "SELECT 1 FROM appointments WHERE id = ? AND version = ? FOR UPDATE",
            arguments: [appointment.id, appointment.version], rows: 1, otherwise: .conflict)
        pending = (appointment.id, appointment.centerCode, Records.seconds(appointment.start))
        return true
    }

    /// The guarded booking: the slot's counter goes up only while below capacity; no row changed
    /// means another booking took the last station (`SLOT_FULL`), whatever was read before. (On
    /// SQLite the appointment's triggers move the counters and its CHECK refuses a full slot.)
    package func insertAppointment(_ a: NewAppointment) throws -> Int64 {
        let start = Records.seconds(a.start)
        if !db.dialect.slotsCountedByTriggers {
            try flush(lockingAlso: (a.centerCode, start))
            try db.expect(
                sql: "UPDATE slots SET booked = booked + 1 WHERE center = ? AND start = ? AND booked < capacity",
                arguments: [a.centerCode, start], rows: 1, otherwise: .capacityExceeded)
        }
        guard
            let id = try db.fetchValue(
                Int64.self,
                sql: """
                    INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at)
                    VALUES (?, ?, ?, 'scheduled', ?, coalesce((SELECT coalesce(chain_root, id) FROM appointments WHERE id = ?), ?), ?, ?) RETURNING id
                    """, arguments: [a.receipt.value, a.centerCode, start, a.priorReschedules, a.previous, a.previous, a.version, Records.seconds(a.createdAt)])
        else { throw StoreError.failed("the new appointment got no id") }
        return id
    }

    package func linkSuccessor(of old: Int64, to new: Int64) throws {
        try flush()
        try db.runLater(sql: "UPDATE appointments SET rescheduled_to = ? WHERE id = ?", arguments: [new, old])
    }

    package func insertNotice(_ notice: AppointmentNotice, appointmentID: Int64) throws {
        try flush()
        try db.runLater(
            sql: "INSERT INTO notices(number, receipt, appointment_id, issued_at, json) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                notice.number, notice.receipt.value, appointmentID, Records.seconds(notice.issuedAt),
                String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)
            ])
    }

    package func enqueueNotification(_ n: PendingNotification) throws {
        try flush()
        switch n.kind {
        case .booked:
            try Outbox.enqueueBooking(
                db, receipt: n.receipt, appointment: n.appointmentID ?? 0, previous: n.previousAppointmentID ?? 0,
                notify: n.notify, enrollmentCode: n.enrollmentCode, now: n.createdAt)
        default:
            try Outbox.enqueueDecision(db, n.kind, receipt: n.receipt, requestID: n.requestID ?? "", notify: n.notify, now: n.createdAt)
        }
    }

    package func insertRequest(_ rec: RequestRecord) throws {
        try flush()
        let r = rec.request
        try db.runLater(
            sql: """
                INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note,
                  preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                r.requestID, r.receipt.value, rec.appointmentID, r.channel.rawValue, r.actor.role.rawValue, r.actor.id,
                r.goodCause?.reason.rawValue, r.goodCause?.explanation ?? "", r.note, rec.centerCode, r.to.iso,
                r.notify?.rawValue, rec.decision.rawValue, rec.codes.map(\.rawValue).joined(separator: ","), rec.newAppointmentID,
                String(decoding: try JSONEncoder().encode(rec.outcome), as: UTF8.self), Records.seconds(rec.receivedAt)
            ])
    }

    package func recordReview(_ r: ReviewRecord) throws {
        try flush()
        try db.runLater(
            sql: """
                UPDATE requests SET decision = ?, reviewed_by = ?, review_note = ?, reviewed_at = ?, new_appointment_id = coalesce(?, new_appointment_id),
                  outcome_json = ? WHERE id = ?
                """,
            arguments: [
                r.decision.rawValue, r.officer, r.note, Records.seconds(r.at), r.newAppointmentID,
                String(decoding: try JSONEncoder().encode(r.outcome), as: UTF8.self), r.requestID
            ])
    }

    package func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws -> String {
        try flush()
        return try issueCode(db, account, actor, now, origin)
    }

    package func appendAudit(_ e: AuditEvent) throws {
        try flush()
        try Audit.append(db, origin: origin, at: e.at, actor: e.actor, action: e.action, receipt: e.receipt, requestID: e.requestID, detail: e.detail)
    }
}
