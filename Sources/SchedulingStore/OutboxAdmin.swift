import Foundation
import Scheduling

/// Listing and re-queueing outbox messages (`biosched outbox`), and the reminders (`biosched reminders`).
extension SQLStore {
    /// Messages, newest first; `status` narrows them, `limit` caps them.
    public func outboxEntries(status: OutboxStatus? = nil, limit: Int = 100) throws(StoreError) -> [OutboxEntry] {
        try sqlRead { db in
            try db.fetchRows(
                sql: """
                    SELECT * FROM outbox WHERE (CAST(?1 AS TEXT) IS NULL OR status = CAST(?1 AS TEXT)) ORDER BY id DESC LIMIT ?2
                    """, arguments: [status?.rawValue, limit]
            ).map(Self.outboxEntry)
        }
    }

    /// How many messages are in each status.
    public func outboxCounts() throws(StoreError) -> [OutboxStatus: Int] {
        try sqlRead { db in
            var out: [OutboxStatus: Int] = [:]
            for s in OutboxStatus.allCases { out[s] = 0 }
            for row in try db.fetchRows(sql: "SELECT status, count(*) AS n FROM outbox GROUP BY status") {
                if let s = OutboxStatus(rawValue: row["status"]) { out[s] = row["n"] }
            }
            return out
        }
    }

    /// Puts failed messages back in the queue, due at once, their tries counted from 0 again.
    /// `ids` nil: every failed message. Returns the ids re-queued; an id that is not failed is an error.
    public func retryOutbox(ids: [Int64]?, actor: Actor, now: Date) throws(StoreError) -> [Int64] {
        try sqlWrite { db in
            let targets: [Int64]
            if let ids {
                for id in ids {
                    guard let status = try db.fetchValue(String.self, sql: "SELECT status FROM outbox WHERE id = ?", arguments: [id]) else {
                        throw StoreError.invalid(Localized { $0.noOutboxMessage(id) })
                    }
                    guard status == OutboxStatus.failed.rawValue else {
                        throw StoreError.invalid(Localized { $0.outboxNotFailed(id, status) })
                    }
                }
                targets = ids
            } else {
                targets = try db.fetchValues(Int64.self, sql: "SELECT id FROM outbox WHERE status = 'failed' ORDER BY id")
            }
            for id in targets {
                try db.run(
                    sql: "UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ? AND status = 'failed'",
                    arguments: [Records.seconds(now), id])
                let receipt = try db.fetchValue(String.self, sql: "SELECT receipt FROM outbox WHERE id = ?", arguments: [id])
                try Audit.append(
                    db, origin: origin, at: now, actor: actor, action: .outboxRetry, receipt: try receipt.map(ReceiptNumber.init(parsing:)),
                    detail: "outbox=\(id)")
            }
            return targets
        }
    }

    /// The store's reminder offsets (setting `reminder_days`, default `7,1`).
    public func reminderSchedule() throws(StoreError) -> ReminderSchedule {
        try sqlRead { db in
            let text = try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'reminder_days'") ?? ReminderSchedule.standard.setting
            guard let schedule = ReminderSchedule(setting: text) else {
                throw StoreError.invalid(Localized { $0.badReminderDays(text) })
            }
            return schedule
        }
    }

    /// Enqueues the reminders due at `now` (`ReminderSchedule.due`) for every scheduled appointment,
    /// each at most once per appointment, offset and recipient (a unique key in SQLite). Returns
    /// how many messages were new.
    public func enqueueReminders(now: Date) throws(StoreError) -> Int {
        let schedule = try reminderSchedule()
        return try sqlWrite { db in
            let nowS = Records.seconds(now)
            let rows = try db.fetchRows(
                sql: """
                    SELECT a.id, a.receipt, a.start, a.created_at, c.time_zone FROM appointments a JOIN centers c ON c.code = a.center
                    WHERE a.status = 'scheduled' AND a.start > ? AND a.start <= ? ORDER BY a.start, a.id
                    """, arguments: [nowS, nowS + Int64(schedule.horizon)])
            var added = 0
            for row in rows {
                let id: Int64 = row["id"]
                guard let zone = ZoneCache.rules(row["time_zone"]),
                    let days = schedule.due(start: Records.date(row["start"]), bookedAt: Records.date(row["created_at"]), now: now, zone: zone)
                else { continue }
                let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
                let recipients = try Outbox.recipients(db, receipt: receipt, applicantChannel: try reminderChannel(db, receipt: receipt, appointment: id))
                    .filter { $0.address != nil }
                added += try Outbox.enqueue(
                    db, Outbox.Subject(kind: .reminder, receipt: receipt, appointmentID: id, reminderDays: days),
                    to: recipients, now: now,
                    key: { "reminder:\(id):\(days):\($0.role.rawValue):\($0.account ?? "-")" })
            }
            return added
        }
    }

    /// The channel the applicant chose when this appointment was booked, else email, else SMS, by
    /// what their account has; nil without an online account (the notice goes by post).
    func reminderChannel(_ db: any SQLDatabase, receipt: ReceiptNumber, appointment: Int64) throws -> NotifyChannel? {
        if let chosen = try db.fetchValue(
            String.self, sql: "SELECT notify FROM requests WHERE new_appointment_id = ? AND notify IS NOT NULL",
            arguments: [appointment])
        {
            return NotifyChannel(rawValue: chosen)
        }
        guard
            let row = try db.fetchRow(
                sql: """
                    SELECT a.email, a.phone FROM cases c JOIN accounts a ON a.id = c.applicant_account WHERE c.receipt = ?
                    """, arguments: [receipt.value])
        else { return nil }
        if let e: String = row["email"], !e.isEmpty { return .email }
        if let p: String = row["phone"], !p.isEmpty { return .sms }
        return nil
    }

    static func outboxEntry(_ row: SQLRow) -> OutboxEntry {
        OutboxEntry(
            id: row["id"], receipt: row["receipt"], kind: OutboxKind(rawValue: row["kind"]) ?? .legacy,
            channel: NotifyChannel(rawValue: row["channel"]) ?? .email, recipient: row["recipient"],
            recipientRole: RecipientRole(rawValue: row["recipient_role"]) ?? .applicant,
            status: OutboxStatus(rawValue: row["status"]) ?? .pending, attempts: row["attempts"],
            createdAt: Records.date(row["created_at"]), nextAttemptAt: Records.date(row["next_attempt_at"]),
            lastAttemptAt: (row["last_attempt_at"] as Int64?).map(Records.date), sentAt: (row["sent_at"] as Int64?).map(Records.date),
            claimedBy: row["claimed_by"], leaseUntil: (row["lease_until"] as Int64?).map(Records.date),
            lastError: row["last_error"], reminderDays: row["reminder_days"])
    }
}

extension SQLStore {
    /// One setting of the store (`mail_from`, `reminder_days`, ...), nil when unset.
    public func setting(_ key: String) throws(StoreError) -> String? {
        try sqlRead { db in try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    /// The store's id: the domain of its Message-IDs and calendar UIDs (setting `store_id`).
    public func outboxStoreID() throws(StoreError) -> String {
        try sqlRead { db in try OutboxFacts.storeID(db) }
    }

    /// The case's scheduled appointment as a calendar event, if the actor may see the case.
    public func currentCalendarAppointment(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> (CalendarAppointment, applicantName: String)? {
        return try sqlRead { db in
            let snap = try CaseSnapshot.load(receipt, for: actor, from: transaction(on: db))
            guard snap.appointment.status == .scheduled,
                let a = try OutboxFacts.calendarAppointment(db, id: snap.appointment.id)
            else { return nil }
            return (a, snap.caseFile.applicantName)
        }
    }
}
