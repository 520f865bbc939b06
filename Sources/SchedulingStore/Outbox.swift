import Foundation
import Scheduling

/// Writes outbox messages inside the caller's transaction (a booking, an escalation, a review, the
/// reminders). A message stores only what it is about and who it goes to; its text, headers and
/// calendar file are built when it is sent (`Notifications.NotificationComposer`).
///
/// Who gets one: the applicant on the channel they chose (none chosen, none sent), and every
/// representative with a G-28 on file for the case a copy, by email, else by SMS.
package enum Outbox {
    package struct Subject {
        var kind: OutboxKind
        var receipt: ReceiptNumber
        var appointmentID: Int64?
        var previousAppointmentID: Int64? = nil
        var requestID: String? = nil
        var reminderDays: Int? = nil
        /// Goes to the applicant's message only.
        var enrollmentCode: String? = nil
        var offerID: Int64? = nil
    }

    package struct Recipient {
        var role: RecipientRole
        var account: String?
        var channel: NotifyChannel
        /// Nil when the account has no address for the channel (the row says so, and fails visibly).
        var address: String?
    }

    /// A booking moved the case from `previous` to `appointment`.
    package static func enqueueBooking(
        _ db: any SQLDatabase, receipt: ReceiptNumber, appointment: Int64, previous: Int64,
        notify: NotifyChannel?, enrollmentCode: String? = nil, now: Date
    ) throws {
        try enqueue(
            db,
            Subject(
                kind: .booked, receipt: receipt, appointmentID: appointment, previousAppointmentID: previous,
                enrollmentCode: enrollmentCode),
            to: try recipients(db, receipt: receipt, applicantChannel: notify), now: now)
    }

    /// An offer of an earlier slot, held until its deadline (the case's current appointment named too).
    package static func enqueueOffer(_ db: any SQLDatabase, offer: Offer, notify: NotifyChannel?) throws {
        let current = try db.fetchValue(
            Int64.self, sql: "SELECT id FROM appointments WHERE receipt = ? AND status = 'scheduled'",
            arguments: [offer.receipt.value])
        try enqueue(
            db, Subject(kind: .offer, receipt: offer.receipt, appointmentID: current, offerID: offer.id),
            to: try recipients(db, receipt: offer.receipt, applicantChannel: notify), now: offer.createdAt)
    }

    /// An escalation recorded, or an officer's denial, about request `requestID`.
    package static func enqueueDecision(
        _ db: any SQLDatabase, _ kind: OutboxKind, receipt: ReceiptNumber, requestID: String,
        notify: NotifyChannel?, now: Date
    ) throws {
        let appointment = try db.fetchValue(Int64.self, sql: "SELECT appointment_id FROM requests WHERE id = ?", arguments: [requestID])
        try enqueue(
            db, Subject(kind: kind, receipt: receipt, appointmentID: appointment, requestID: requestID),
            to: try recipients(db, receipt: receipt, applicantChannel: notify), now: now)
    }

    /// Inserts one message per recipient. `key` makes each at most once (the insert is ignored when
    /// a message with the same key exists); returns how many were new.
    @discardableResult
    package static func enqueue(
        _ db: any SQLDatabase, _ s: Subject, to recipients: [Recipient], now: Date,
        key: ((Recipient) -> String)? = nil
    ) throws -> Int {
        var added = 0
        for r in recipients {
            // Without a key every insert adds a row: nothing to wait for (sent with the next round trip).
            let later = key == nil
            let sql = """
                INSERT INTO outbox(receipt, channel, recipient, subject, body, created_at, kind, recipient_role, account,
                  appointment_id, previous_appointment_id, request_id, reminder_days, dedupe_key, next_attempt_at, enrollment_code, offer_id)
                VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """
            let arguments: SQLArguments = [
                s.receipt.value, r.channel.rawValue,
                r.address ?? "(no \(r.channel == .email ? "email address" : "phone number") on file for \(r.account ?? "a case without an online account"))",
                Records.seconds(now), s.kind.rawValue, r.role.rawValue,
                r.account, s.appointmentID, s.previousAppointmentID, s.requestID, s.reminderDays, key?(r),
                Records.seconds(now), r.role == .applicant ? s.enrollmentCode : nil, s.offerID
            ]
            if later { try db.runLater(sql: sql, arguments: arguments) } else { try db.run(sql: sql, arguments: arguments) }
            added += later ? 1 : db.changesCount
        }
        return added
    }

    package static let applicantAccountOf = "SELECT applicant_account FROM cases WHERE receipt = ?"
    package static let addressOf = "SELECT email, phone FROM accounts WHERE id = ?"
    package static let representativesOf =
        "SELECT a.id, a.email, a.phone FROM representations r JOIN accounts a ON a.id = r.account WHERE r.receipt = ? ORDER BY a.id"

    /// The applicant on `applicantChannel` (if one was chosen), and each representative.
    package static func recipients(_ db: any SQLDatabase, receipt: ReceiptNumber, applicantChannel: NotifyChannel?) throws -> [Recipient] {
        var out: [Recipient] = []
        if let channel = applicantChannel {
            let account = try db.fetchValue(String.self, sql: applicantAccountOf, arguments: [receipt.value])
            let contact = try account.flatMap { try db.fetchRow(sql: addressOf, arguments: [$0]) }
            // Kept even without an address: the mailer refuses it visibly (`biosched outbox --failed`).
            out.append(
                Recipient(
                    role: .applicant, account: account, channel: channel,
                    address: channel == .email ? contact?["email"] : contact?["phone"]))
        }
        for row in try db.fetchRows(sql: representativesOf, arguments: [receipt.value]) {
            let email: String? = row["email"], phone: String? = row["phone"]
            if let email, !email.isEmpty {
                out.append(Recipient(role: .representative, account: row["id"], channel: .email, address: email))
            } else if let phone, !phone.isEmpty {
                out.append(Recipient(role: .representative, account: row["id"], channel: .sms, address: phone))
            }
        }
        return out
    }
}
