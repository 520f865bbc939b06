import Foundation
import Scheduling

/// Reads what an outbox message is about into an `OutboxItem`: the case, the recipient, the
/// appointments and the request it names. Rows are read as they are now; appointments and
/// requests only ever gain later states, so a retry describes the same booking.
package enum OutboxFacts {
    package static func item(_ db: any SQLDatabase, id: Int64) throws -> OutboxItem? {
        guard
            let row = try db.fetchRow(
                sql: """
                    SELECT o.*, c.applicant_name, c.status AS case_status, a.name AS account_name, a.language AS account_language
                    FROM outbox o JOIN cases c ON c.receipt = o.receipt LEFT JOIN accounts a ON a.id = o.account
                    WHERE o.id = ?
                    """, arguments: [id])
        else { return nil }
        let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
        let kind = OutboxKind(rawValue: row["kind"]) ?? .legacy
        let role = RecipientRole(rawValue: row["recipient_role"]) ?? .applicant
        let applicantName: String = row["applicant_name"]
        let accountName: String? = row["account_name"]
        let appointment = try (row["appointment_id"] as Int64?).flatMap { try calendarAppointment(db, id: $0) }
        var requestID: String? = row["request_id"]
        if requestID == nil, kind == .booked, let a = appointment {
            requestID = try db.fetchValue(String.self, sql: "SELECT id FROM requests WHERE new_appointment_id = ?", arguments: [a.id])
        }
        var item = OutboxItem(
            id: id, kind: kind, channel: NotifyChannel(rawValue: row["channel"]) ?? .email, recipient: row["recipient"],
            recipientName: accountName ?? applicantName, recipientRole: role, receipt: receipt, applicantName: applicantName,
            caseStatus: CaseStatus(rawValue: row["case_status"]) ?? .pending, attempts: row["attempts"],
            storeID: try storeID(db), storedSubject: row["subject"], storedBody: row["body"], appointment: appointment,
            previous: try (row["previous_appointment_id"] as Int64?).flatMap { try calendarAppointment(db, id: $0) },
            request: try requestID.flatMap { try request(db, id: $0) }, reminderDays: row["reminder_days"])
        item.enrollmentCode = row["enrollment_code"]
        if item.enrollmentCode != nil { item.enrollDoor = try SettingsSQL.door(db) }
        item.language = (row["account_language"] as String?).flatMap(Language.init(rawValue:)) ?? .en
        if kind == .offer, let offerID = row["offer_id"] as Int64? { item.offer = try offer(db, id: offerID) }
        return item
    }

    package static func offer(_ db: any SQLDatabase, id: Int64) throws -> OfferFacts? {
        guard let row = try db.fetchRow(sql: "SELECT center, start, deadline, state FROM offers WHERE id = ?", arguments: [id]),
            let center = try Records.center(db, code: row["center"])
        else { return nil }
        return OfferFacts(
            id: id, center: center, start: Records.date(row["start"]), deadline: Records.date(row["deadline"]),
            state: OfferState(rawValue: row["state"]) ?? .withdrawn)
    }

    package static func storeID(_ db: any SQLDatabase) throws -> String {
        try db.fetchValue(String.self, sql: "SELECT value FROM settings WHERE key = 'store_id'") ?? "store"
    }

    package static func calendarAppointment(_ db: any SQLDatabase, id: Int64) throws -> CalendarAppointment? {
        guard
            let row = try db.fetchRow(
                sql: "SELECT id, center, start, status, coalesce(chain_root, id) AS root FROM appointments WHERE id = ?",
                arguments: [id]),
            let center = try Records.center(db, code: row["center"])
        else { return nil }
        let root: Int64 = row["root"]
        let position =
            try db.fetchValue(
                Int.self, sql: "SELECT count(*) FROM appointments WHERE (id = ? OR chain_root = ?) AND id < ?",
                arguments: [root, root, id]) ?? 0
        let number = try db.fetchValue(String.self, sql: "SELECT number FROM notices WHERE appointment_id = ?", arguments: [id])
        return CalendarAppointment(
            id: id, center: center, start: Records.date(row["start"]),
            status: AppointmentStatus(rawValue: row["status"]) ?? .cancelled,
            noticeNumber: number ?? ReschedulingService.noticeNumber(id), chainRoot: root, position: position)
    }

    package static func request(_ db: any SQLDatabase, id: String) throws -> RequestFacts? {
        guard let row = try db.fetchRow(sql: "SELECT * FROM requests WHERE id = ?", arguments: [id]),
            let decision = RequestFacts.Decision(rawValue: row["decision"])
        else { return nil }
        let codes = (row["codes"] as String).split(separator: ",").compactMap { VerdictCode(rawValue: String($0)) }
        let center = try Records.center(db, code: row["preferred_center"])
        let preferred = (LocalDateTime(iso: row["preferred_local"])).flatMap { local in center?.zone.instant(of: local).map { center!.zone.formatLong($0) } }
        return RequestFacts(
            id: id, decision: decision, codes: codes, reviewNote: row["review_note"],
            preferredWhen: preferred, preferredCenterName: center?.name)
    }
}
