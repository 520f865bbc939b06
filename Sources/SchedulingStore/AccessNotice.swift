import Foundation
import Scheduling

/// Messages that tell an account about its own access, queued in the outbox in the same
/// transaction as the change: a key linked to it (by enrollment or by staff), a new enrollment
/// code issued by staff. Each goes on the account's channel (email when it has an address, else
/// SMS), in its language, about one of its cases (the outbox names a case). The text is made now,
/// from the catalog (a `legacy` message carries its subject and body), and holds no code.
enum AccessNotice {
    /// "2026-12-06 14:30 UTC": when, the same for every reader.
    static func when(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return f.string(from: date)
    }

    /// A key linked to `account`; `receipt` is the case it came through (enrollment), else the
    /// account's first case. An account without a case gets no message (nothing to send it about).
    static func keyLinked(_ db: any SQLDatabase, account: String, receipt: ReceiptNumber?, fingerprint: String, from: String, enrolled: Bool, now: Date) throws
    {
        try send(db, account: account, receipt: receipt, now: now) { t in
            (t.keyLinkedSubject, t.keyLinkedBody(account, when(now), from, fingerprint, enrolled: enrolled, ContactCenter.phone))
        }
    }

    /// A new enrollment code issued by staff (`by`: their role and login).
    static func codeIssued(_ db: any SQLDatabase, account: String, by: String, now: Date) throws {
        try send(db, account: account, receipt: nil, now: now) { t in
            (t.codeIssuedSubject, t.codeIssuedBody(account, when(now), by, ContactCenter.phone))
        }
    }

    static func send(_ db: any SQLDatabase, account: String, receipt: ReceiptNumber?, now: Date, text: (Catalog) -> (String, String)) throws {
        guard let who = try db.fetchRow(sql: "SELECT email, phone, language FROM accounts WHERE id = ?", arguments: [account]) else { return }
        var about = receipt?.value
        if about == nil {
            about = try db.fetchValue(
                String.self,
                sql: """
                    SELECT receipt FROM (SELECT receipt FROM cases WHERE applicant_account = ? UNION SELECT receipt FROM representations WHERE account = ?) AS theirs
                    ORDER BY receipt LIMIT 1
                    """, arguments: [account, account])
        }
        guard let about, let r = try? ReceiptNumber(parsing: about) else { return }
        let email: String? = who["email"], phone: String? = who["phone"]
        let channel: NotifyChannel = (email?.isEmpty == false || phone?.isEmpty != false) ? .email : .sms
        let address = channel == .email ? email.flatMap { $0.isEmpty ? nil : $0 } : phone
        let t = Catalog((who["language"] as String?).flatMap(Language.init(rawValue:)) ?? .en)
        let (subject, body) = text(t)
        try db.run(
            sql: """
                INSERT INTO outbox(receipt, channel, recipient, subject, body, created_at, kind, recipient_role, account, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 'legacy', ?, ?, ?)
                """,
            arguments: [
                r.value, channel.rawValue,
                address ?? "(no \(channel == .email ? "email address" : "phone number") on file for \(account))",
                subject, body, Records.seconds(now),
                try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [account]) ?? "applicant",
                account, Records.seconds(now)
            ])
    }
}
