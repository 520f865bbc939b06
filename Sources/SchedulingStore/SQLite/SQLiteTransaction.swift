import Foundation
import GRDB
import Scheduling

/// The booking primitives on one SQLite connection, inside a transaction the store began: reads
/// and writes of rows, nothing of the policy (`ReschedulingService` decides). Also used for plain
/// reads (`CaseReads`) in read transactions.
struct SQLiteTransaction: BookingTransaction {
    let db: any SQLDatabase
    let origin: AuditOrigin

    func caseFile(_ receipt: ReceiptNumber) throws -> CaseFile? { try Records.caseFile(db, receipt: receipt) }
    func currentAppointment(_ receipt: ReceiptNumber) throws -> Appointment? { try Records.currentAppointment(db, receipt: receipt) }
    func center(_ code: String) throws -> Center? { try Records.center(db, code: code) }
    func slotWindow() throws -> SlotWindow { try Records.window(db) }
    func isTrainingStore() throws -> Bool { try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'training'") == "1" }
    func bookedCount(center: String, start: Date) throws -> Int { try Records.booked(db, center: center, start: start) }

    func lastRequest(appointmentID: Int64, before: Date) throws -> Date? {
        try db.fetchValue(Int64.self, sql: "SELECT max(received_at) FROM requests WHERE appointment_id = ? AND received_at < ? AND decision <> 'refused'",
                          arguments: [appointmentID, Records.seconds(before)]).map(Records.date)
    }

    func pendingEscalation(_ receipt: ReceiptNumber) throws -> String? {
        try db.fetchValue(String.self, sql: "SELECT id FROM requests WHERE receipt = ? AND decision = 'escalated' ORDER BY received_at DESC LIMIT 1",
                          arguments: [receipt.value])
    }

    func request(_ id: String) throws -> StoredRequest? {
        guard let row = try db.fetchRow(sql: "SELECT * FROM requests WHERE id = ?", arguments: [id]) else { return nil }
        guard let role = Role(rawValue: row["actor_role"]), let decision = RequestDecision(rawValue: row["decision"]) else {
            throw StoreError.failed("request \(id) holds an unknown role or decision")
        }
        let outcome = try JSONDecoder().decode(RescheduleOutcome.self, from: Data((row["outcome_json"] as String).utf8))
        return StoredRequest(id: id, receipt: try ReceiptNumber(parsing: row["receipt"] as String), actor: Actor(role: role, id: row["actor"]),
                             decision: decision, appointmentID: row["appointment_id"],
                             notify: (row["notify"] as String?).flatMap(NotifyChannel.init(rawValue:)), outcome: outcome,
                             item: try SQLiteBookingStore.reviewItem(db, row))
    }

    func slotCounts(center: String, from: Date, to: Date) throws -> [Date: Int] {
        try SQLiteBookingStore.booked(db, center: center, from: from, to: to)
    }

    func scheduledAppointments(center: String, from: Date, to: Date) throws -> [Appointment] {
        try db.fetchRows(sql: "SELECT * FROM appointments WHERE center = ? AND start >= ? AND start < ? AND status = 'scheduled'",
                         arguments: [center, Records.seconds(from), Records.seconds(to)]).map(Records.appointment)
    }

    func centers(inState state: String) throws -> [Center] {
        try db.fetchRows(sql: "SELECT * FROM centers WHERE state = ? ORDER BY code", arguments: [state]).map { try Records.center(db, row: $0) }
    }

    func addClosure(center: String, date: LocalDate, reason: String) throws -> Bool {
        try db.run(sql: "INSERT OR IGNORE INTO center_closures(center, date) VALUES (?, ?)", arguments: [center, date.iso])
        return db.changesCount == 1
    }

    func contact(account: String) throws -> Contact? {
        try db.fetchRow(sql: "SELECT email, phone, language FROM accounts WHERE id = ?", arguments: [account]).map {
            Contact(email: $0["email"], phone: $0["phone"], language: ($0["language"] as String?).flatMap(Language.init(rawValue:)))
        }
    }

    func supersede(_ appointment: Appointment) throws -> Bool {
        try db.run(sql: "UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = ? AND version = ?",
                   arguments: [appointment.id, appointment.version])
        return db.changesCount == 1
    }

    func insertAppointment(_ a: NewAppointment) throws -> Int64 {
        let root = try db.fetchValue(Int64.self, sql: "SELECT coalesce(chain_root, id) FROM appointments WHERE id = ?", arguments: [a.previous]) ?? a.previous
        let id = try db.fetchValue(Int64.self, sql: """
            INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at)
            VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?) RETURNING id
            """, arguments: [a.receipt.value, a.centerCode, Records.seconds(a.start), a.priorReschedules, root, a.version, Records.seconds(a.createdAt)])
        guard let id else { throw StoreError.failed("the new appointment got no id") }
        return id
    }

    func linkSuccessor(of old: Int64, to new: Int64) throws {
        try db.run(sql: "UPDATE appointments SET rescheduled_to = ? WHERE id = ?", arguments: [new, old])
    }

    func insertNotice(_ notice: AppointmentNotice, appointmentID: Int64) throws {
        try db.run(sql: "INSERT INTO notices(number, receipt, appointment_id, issued_at, json) VALUES (?, ?, ?, ?, ?)",
                   arguments: [notice.number, notice.receipt.value, appointmentID, Records.seconds(notice.issuedAt),
                               String(decoding: try JSONEncoder().encode(notice), as: UTF8.self)])
    }

    func enqueueNotification(_ n: PendingNotification) throws {
        switch n.kind {
        case .booked:
            try Outbox.enqueueBooking(db, receipt: n.receipt, appointment: n.appointmentID ?? 0, previous: n.previousAppointmentID ?? 0,
                                      notify: n.notify, enrollmentCode: n.enrollmentCode, now: n.createdAt)
        default:
            try Outbox.enqueueDecision(db, n.kind, receipt: n.receipt, requestID: n.requestID ?? "", notify: n.notify, now: n.createdAt)
        }
    }

    func insertRequest(_ rec: RequestRecord) throws {
        let r = rec.request
        try db.run(sql: """
            INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note,
              preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.requestID, r.receipt.value, rec.appointmentID, r.channel.rawValue, r.actor.role.rawValue, r.actor.id,
                             r.goodCause?.reason.rawValue, r.goodCause?.explanation ?? "", r.note, rec.centerCode, r.to.iso,
                             r.notify?.rawValue, rec.decision.rawValue, rec.codes.map(\.rawValue).joined(separator: ","), rec.newAppointmentID,
                             String(decoding: try JSONEncoder().encode(rec.outcome), as: UTF8.self), Records.seconds(rec.receivedAt)])
    }

    func recordReview(_ r: ReviewRecord) throws {
        try db.run(sql: """
            UPDATE requests SET decision = ?, reviewed_by = ?, review_note = ?, reviewed_at = ?, new_appointment_id = coalesce(?, new_appointment_id),
              outcome_json = ? WHERE id = ?
            """, arguments: [r.decision.rawValue, r.officer, r.note, Records.seconds(r.at), r.newAppointmentID,
                             String(decoding: try JSONEncoder().encode(r.outcome), as: UTF8.self), r.requestID])
    }

    func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws -> String {
        try SQLiteBookingStore.issueCode(db, account: account, actor: actor, now: now, origin: origin)
    }

    func appendAudit(_ e: AuditEvent) throws {
        try Audit.append(db, origin: origin, at: e.at, actor: e.actor, action: e.action, receipt: e.receipt, requestID: e.requestID, detail: e.detail)
    }
}

extension SQLiteBookingStore: TransactionalStore {
    /// One `BEGIN IMMEDIATE` transaction. SQLite's own refusals are typed here by result code and
    /// constraint name: the capacity CHECK (`slot_capacity`) is `.capacityExceeded`, the one
    /// scheduled appointment per case (a UNIQUE index) is `.conflict`.
    public func withWriteTransaction<T>(_ body: (any BookingTransaction) throws -> T) throws(StoreError) -> T {
        do {
            let origin = self.origin
            return try immediate { db in try body(SQLiteTransaction(db: db, origin: origin)) }
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_CHECK && StoreConstraint.named(e) == StoreConstraint.slotCapacity {
            throw .capacityExceeded
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && StoreConstraint.named(e) == StoreConstraint.oneScheduledPerCase {
            throw .conflict
        } catch {
            throw Self.map(error, context: nil)
        }
    }

    public func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.reschedule(request, in: self, clock: clock)
    }

    public func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.review(decision, in: self, clock: clock)
    }
}
