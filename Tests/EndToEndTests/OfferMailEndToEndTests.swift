import Foundation
import Testing

/// An offer of an earlier slot reaches the applicant through the real mailer: msmtp delivering to
/// an aiosmtpd sink (the harness of `MailerEndToEndTests`), on the demo store.
@Suite("The waiting list's offer by email, end to end", .serialized)
struct OfferMailEndToEndTests {
    @Test(
        "W4 an applicant on the waiting list is offered a freed earlier station by the mailer's own pass, which delivers the offer with the slot and the deadline in the center's zone"
    )
    func deliversOffer() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let maria = ["--as", "applicant", "--account", "maria.garcia"]
        let status = try h.biosched(["status", "IOE0923456781", "--json"] + maria).json
        let appointment = try #require(status["appointment"] as? [String: Any])
        let center = try #require(appointment["center"] as? String)
        let start = try #require(appointment["start"] as? String)
        let added = try h.biosched(["waitlist", "add", "IOE0923456781", "--notify", "email"] + maria)
        try #require(added.status == 0, "\(added.output)")
        // Another case at the same center, earlier than maria's appointment and past the lead time, moves away.
        let startSeconds = Int(MailHarness.date(start).timeIntervalSince1970)
        let earliest = Int(MailHarness.start.timeIntervalSince1970) + 25 * 3600
        let found = try TmuxSession.capture(
            "/usr/bin/sqlite3",
            [
                h.db,
                """
                SELECT receipt FROM appointments WHERE center = '\(center)' AND status = 'scheduled' AND start > \(earliest) AND start < \(startSeconds)
                AND receipt <> 'IOE0923456781' ORDER BY start LIMIT 1
                """
            ], errors: .merged
        ).output.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!found.isEmpty, "a case at \(center) before \(start)")
        let moved = try h.biosched(["reschedule", found, "--as", "agent", "--to", "2026-12-28T10:00", "--center", center, "--reason", "medical", "--json"]).json
        if moved["result"] as? String != "booked" { try h.bookFirstSlot(found, notify: nil) }
        #expect((try h.biosched(["offers", "--json"] + maria).json["offers"] as? [[String: Any]])?.isEmpty == true, "no offer before a pass")
        // The mailer makes the offer (its pass) and sends it in the same run.
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(run.status == 0, "\(run.output)")
        let offers = try h.biosched(["offers", "--json"] + maria).json["offers"] as? [[String: Any]] ?? []
        let offer = try #require(offers.first, "maria sees her offer")
        #expect(offers.count == 1 && offer["state"] as? String == "open")
        let mail = try h.messages()
        let m = try #require(
            mail.first { (($0["headers"] as? [String: String])?["Subject"] ?? "").contains("Earlier biometrics appointment held for you") },
            "\(mail.map { ($0["headers"] as? [String: String])?["Subject"] ?? "" })")
        let headers = try #require(m["headers"] as? [String: String])
        #expect(headers["To"]?.contains("maria.garcia@example.com") == true)
        let text = try #require(m["text"] as? String)
        #expect(text.contains("held for you") && text.contains("Answer by") && text.contains("biosched offers accept \(offer["id"] as? Int ?? -1)"), "\(text)")
        // The slot and the deadline on the center's wall clock, with its zone.
        let local = (offer["local"] as? String ?? "").replacingOccurrences(of: "T", with: " ")
        #expect(!local.isEmpty && text.contains(local), "\(local) in \(text)")
        #expect(text.contains("Until you accept, your current appointment stands"))
    }
}
