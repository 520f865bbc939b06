import Foundation
import Testing

/// `biosched mailer` with real parts: msmtp as sendmail delivering to an aiosmtpd sink on
/// 127.0.0.1, a fake SMS gateway, the demo store, and Python's `email` and `icalendar` reading
/// what arrived. The clock is the global `--now` (a training store), so retries and leases are
/// tested by moving it, never by waiting.
@Suite("The mailer end to end: msmtp, an SMTP sink, icalendar", .serialized)
struct MailerEndToEndTests {
    static let t0 = MailHarness.start

    func messageIDs(_ messages: [[String: Any]]) -> [String] {
        messages.compactMap { ($0["headers"] as? [String: String])?["Message-ID"] }
    }

    @Test(
        "R4 R13 R16 a booking by email: headers, the time in the center's zone, the notice, an .ics whose DTSTART is the booked instant; SMS through the gateway; a representative's copy"
    )
    func deliversBookings() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let before = try h.biosched(["status", "IOE0923456781", "--json", "--as", "applicant", "--account", "maria.garcia"]).json
        let oldStart = try #require((before["appointment"] as? [String: Any])?["start"] as? String)
        let maria = try h.bookFirstSlot("IOE0923456781", notify: "email", role: ["--as", "applicant", "--account", "maria.garcia"])
        let an = try h.bookFirstSlot("LIN2509876543", notify: "sms") // Nguyễn Văn An, at LAX; attorney.lee has a G-28
        let queued = try h.outbox()
        #expect(queued.count == 3 && queued.allSatisfy { $0["status"] as? String == "pending" })

        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("3 sent"))
        let rows = try h.outbox()
        #expect(rows.count == 3 && rows.allSatisfy { $0["status"] as? String == "sent" && $0["attempts"] as? Int == 1 })

        let mail = try h.messages()
        #expect(mail.count == 2)
        let byTo = Dictionary(mail.map { (($0["headers"] as? [String: String])?["To"] ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let m = try #require(byTo.first { $0.key.contains("maria.garcia@example.com") }?.value, "maria's message: \(byTo.keys)")
        let headers = try #require(m["headers"] as? [String: String])
        let mariaRow = try #require(rows.first { ($0["recipient"] as? String) == "maria.garcia@example.com" })
        #expect(headers["Message-ID"] == mariaRow["messageId"] as? String)
        #expect(headers["Message-ID"]?.hasPrefix("<outbox-\(mariaRow["id"] as? Int ?? -1)@biosched.") == true)
        #expect(headers["To"] == "María García <maria.garcia@example.com>")
        #expect(headers["From"]?.contains("<no-reply@biosched.invalid>") == true)
        #expect(headers["Content-Type"]?.hasPrefix("multipart/mixed") == true)
        let local = maria.local.replacingOccurrences(of: "T", with: " ")
        #expect(headers["Subject"]?.contains("\(local) \(maria.zone)") == true, "\(headers["Subject"] ?? "")")
        let text = try #require(m["text"] as? String)
        let notice = try #require((maria.answer["notice"] as? [String: Any])?["number"] as? String)
        #expect(text.contains("New appointment: ") && text.contains("\(local) \(maria.zone)"))
        #expect(text.contains("Boston ASC") && text.contains(notice))
        #expect(text.contains("printed on paper") && text.contains("photo identification"))
        // The applicant's message carries the one-time enrollment code of the new notice; the store forgets it once sent.
        #expect(text.range(of: #"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"#, options: .regularExpression) != nil, "\(text)")
        let leftCodes = try TmuxSession.capture(
            "/usr/bin/sqlite3", [h.db, "SELECT count(*) FROM outbox WHERE enrollment_code IS NOT NULL AND status = 'sent'"], errors: .merged)
        #expect(leftCodes.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0")

        let calendars = try #require(m["calendars"] as? [[String: Any]])
        #expect(calendars.count == 2)
        let request = try #require(calendars.first { $0["method"] as? String == "REQUEST" })
        let cancel = try #require(calendars.first { $0["method"] as? String == "CANCEL" })
        #expect(request["crlf"] as? Bool == true && (request["maxOctets"] as? Int ?? 99) <= 75)
        #expect(request["timezones"] as? [String] == ["America/New_York"])
        let event = try #require((request["events"] as? [[String: Any]])?.first)
        #expect(event["start"] as? String == maria.start, "DTSTART is the booked instant")
        #expect(event["tzid"] as? String == "America/New_York")
        let cancelled = try #require((cancel["events"] as? [[String: Any]])?.first)
        #expect(cancelled["start"] as? String == oldStart)
        #expect(cancelled["status"] as? String == "CANCELLED")
        #expect(cancelled["uid"] as? String == event["uid"] as? String)
        #expect((cancelled["sequence"] as? Int ?? 99) < (event["sequence"] as? Int ?? -1))

        // The representative's copy, in the other center's zone.
        let copy = try #require(byTo.first { $0.key.contains("grace.lee@lee-immigration.example.com") }?.value)
        let copyHeaders = try #require(copy["headers"] as? [String: String])
        #expect(copyHeaders["Subject"]?.hasPrefix("[Copy]") == true)
        #expect((copy["text"] as? String)?.contains("Enrollment code") == false, "the code is the applicant's only")
        #expect((copy["text"] as? String)?.contains("\(an.local.replacingOccurrences(of: "T", with: " ")) \(an.zone)") == true)
        #expect(an.zone == "PST")
        let copyEvent = try #require(((copy["calendars"] as? [[String: Any]])?.first?["events"] as? [[String: Any]])?.first)
        #expect(copyEvent["start"] as? String == an.start && copyEvent["tzid"] as? String == "America/Los_Angeles")

        // The SMS: the number in E.164 on the first line, then the text.
        let sms = try String(contentsOfFile: h.smsLog, encoding: .utf8)
        #expect(sms.hasPrefix("+12135550148\n"), "\(sms)")
        #expect(sms.contains(an.local.replacingOccurrences(of: "T", with: " ")) && sms.contains("PST"))
        #expect(sms.components(separatedBy: "----\n").filter { !$0.isEmpty }.count == 1)

        // Nothing is sent twice: a second pass has nothing to do.
        let again = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(again.output.contains("0 sent"))
        #expect(h.sinkCount == 2)
    }

    @Test("A failing sendmail: retries after 1, 5 and 30 minutes are recorded, then failed; outbox retry re-queues it, with the same Message-ID")
    func backoffAndRetry() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        try h.bookFirstSlot("IOE0923456781", notify: "email")
        let failing = try h.failingSendmail()
        var now = Self.t0
        var expectedDelays: [TimeInterval] = [60, 300, 1800]
        for attempt in 1...4 {
            let run = try h.biosched(["mailer", "--once", "--sendmail", failing], now: now)
            #expect(run.status == 0)
            let row = try #require(try h.outbox(now: now).first)
            #expect(row["attempts"] as? Int == attempt)
            #expect((row["lastError"] as? String)?.contains("status 75") == true, "\(row)")
            #expect((row["lastError"] as? String)?.contains("try \(attempt) of 4") == true)
            if attempt < 4 {
                #expect(row["status"] as? String == "pending")
                let next = MailHarness.date(try #require(row["nextAttemptAt"] as? String))
                let last = MailHarness.date(try #require(row["lastAttemptAt"] as? String))
                #expect(next.timeIntervalSince(last) == expectedDelays.removeFirst())
                // Just before the retry time nothing is tried.
                let early = try h.biosched(["mailer", "--once", "--sendmail", failing], now: next.addingTimeInterval(-1))
                #expect(early.output.contains("0 sent, 0 to retry, 0 failed"))
                #expect(try h.outbox(now: now).first?["attempts"] as? Int == attempt)
                now = next
            } else {
                #expect(row["status"] as? String == "failed")
            }
        }
        let failed = try h.outbox(["--failed"], now: now)
        #expect(failed.count == 1)
        let id = try #require(failed.first?["id"] as? Int)
        let retried = try h.biosched(["outbox", "retry", String(id), "--json"], now: now)
        #expect(retried.status == 0 && retried.json["requeued"] as? [Int] == [id])
        // It is pending now: naming it again is bad input, and --all finds nothing.
        #expect(try h.biosched(["outbox", "retry", String(id)], now: now).status == 2)
        #expect(try h.biosched(["outbox", "retry", "--all", "--json"], now: now).json["requeued"] as? [Int] == [])
        let requeued = try #require(try h.outbox(now: now).first)
        #expect(requeued["status"] as? String == "pending" && requeued["attempts"] as? Int == 0)
        #expect(try h.outbox(["--failed"], now: now).isEmpty)
        let sent = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail()], now: now)
        #expect(sent.output.contains("1 sent"))
        #expect(messageIDs(try h.messages()) == [try #require(requeued["messageId"] as? String)])
        let audit = try h.biosched(["audit", "--receipt", "IOE0923456781", "--format", "json"], now: now).json
        #expect((audit["events"] as? [[String: Any]])?.contains { $0["action"] as? String == "outbox-retry" } == true)
    }

    /// Seven messages: bookings of story cases in several zones (the representatives' copies included).
    func queueSeveral(_ h: MailHarness) throws -> Int {
        try h.bookFirstSlot("IOE0923456781", notify: "email") // María García
        try h.bookFirstSlot("LIN2509876543", notify: "email") // Nguyễn Văn An + attorney.lee
        try h.bookFirstSlot("WAC2501928374", notify: nil) // José Núñez (no account): attorney.lee
        try h.bookFirstSlot("EAC2407031999", notify: "email") // Robert Brown
        try h.bookFirstSlot("CSC2460017010", notify: "email") // Sofía Hernández, Phoenix
        try h.bookFirstSlot("WAC2412300777", notify: "email") // Joaquín Camacho Cruz, Guam
        let rows = try h.outbox()
        #expect(rows.count == 7)
        return rows.count
    }

    @Test(
        "kill -9 of the mailer in the middle of a batch, then a restart: every message delivered, duplicates only with the same Message-ID, no row lost, the store intact"
    )
    func killNine() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let total = try queueSeveral(h)
        let slow = try h.sendmail(delay: 0.4)
        let mailer = try h.startMailer(["--once", "--sendmail", slow])
        let deadline = Date().addingTimeInterval(30)
        while h.sinkCount < 2 && Date() < deadline && mailer.isRunning { usleep(20_000) }
        #expect(mailer.isRunning, "the mailer finished before it could be killed")
        kill(mailer.processIdentifier, SIGKILL)
        mailer.waitUntilExit()
        #expect(mailer.terminationReason == .uncaughtSignal)
        let afterKill = try h.outbox()
        #expect(afterKill.count == total, "no row lost")
        let sentBefore = afterKill.filter { $0["status"] as? String == "sent" }.count
        #expect(sentBefore >= 1 && sentBefore < total)

        // A restart after the killed mailer's lease ran out (the clock moved 10 minutes).
        let later = Self.t0.addingTimeInterval(600)
        let restart = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail()], now: later)
        #expect(restart.status == 0)
        usleep(1_500_000) // a sendmail the killed mailer had started may still deliver
        let rows = try h.outbox(now: later)
        #expect(rows.count == total && rows.allSatisfy { $0["status"] as? String == "sent" })
        let ids = messageIDs(try h.messages())
        let expected = Set(rows.compactMap { $0["messageId"] as? String })
        #expect(Set(ids) == expected, "every message arrived at least once")
        #expect(ids.count - Set(ids).count <= 1, "at most the message in flight twice: \(ids)")
        #expect(ids.allSatisfy(expected.contains), "a duplicate carries the same Message-ID as its first delivery")
        let (_, check) = try TmuxSession.capture("/usr/bin/sqlite3", [h.db, "PRAGMA integrity_check"], errors: .merged)
        #expect(check.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    @Test("Two mailers at once never send a row twice")
    func twoMailers() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let total = try queueSeveral(h)
        let slow = try h.sendmail(delay: 0.2)
        let a = try h.startMailer(["--once", "--sendmail", slow])
        let b = try h.startMailer(["--once", "--sendmail", slow])
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let ids = messageIDs(try h.messages())
        #expect(ids.count == total && Set(ids).count == total, "\(ids)")
        let rows = try h.outbox()
        #expect(rows.allSatisfy { $0["status"] as? String == "sent" && $0["attempts"] as? Int == 1 })
    }

    /// Escalates the asylum story case (Yonas Tesfaye, no online account, rep-0007 has a G-28) to
    /// the first free slot at its center; returns the request id and that slot's instant.
    func escalateAsylum(_ h: MailHarness) throws -> (requestID: String, start: String) {
        let center = try #require(
            (try h.biosched(["status", "YSC2400012345", "--json", "--as", "agent"]).json["appointment"] as? [String: Any])?["center"] as? String)
        let slot = try #require((try h.biosched(["slots", "--center", center, "--limit", "1", "--json"]).json["slots"] as? [[String: Any]])?.first)
        let escalated = try h.biosched([
            "reschedule", "YSC2400012345", "--as", "agent", "--to", try #require(slot["local"] as? String),
            "--reason", "medical", "--json"
        ]).json
        #expect(escalated["result"] as? String == "escalated")
        return (try #require(escalated["requestId"] as? String), try #require(slot["start"] as? String))
    }

    @Test("R7 R8 an escalation and an officer's denial reach the representative, with the asylum warning")
    func escalationAndDenial() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let (requestID, _) = try escalateAsylum(h)
        #expect(try h.biosched(["review", "deny", requestID, "--note", "No medical letter", "--as", "officer"]).status == 0)
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail()])
        #expect(run.output.contains("2 sent"), "\(run.output)")
        let mail = try h.messages()
        #expect(mail.count == 2)
        let texts = mail.compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.contains("sent to an officer") && $0.contains("ASYLUM") && $0.contains("Form I-589") && $0.contains(requestID) })
        #expect(texts.contains { $0.contains("denied") && $0.contains("No medical letter") && $0.contains("current appointment stands") })
        #expect(texts.allSatisfy { $0.hasPrefix("Copy for ") })
    }

    @Test("R8 an officer's approval is sent as a booking that says so, its .ics at the preferred slot")
    func approval() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let (requestID, start) = try escalateAsylum(h)
        #expect(try h.biosched(["review", "approve", requestID, "--note", "Hospital letter seen", "--as", "officer"]).status == 0)
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail()])
        #expect(run.output.contains("2 sent"), "\(run.output)")
        let approved = try #require(try h.messages().first { (($0["headers"] as? [String: String])?["X-Biosched-Kind"]) == "booked" })
        #expect((approved["headers"] as? [String: String])?["Subject"]?.hasPrefix("[Copy] Approved") == true)
        #expect((approved["text"] as? String)?.contains("Hospital letter seen") == true)
        let calendars = try #require(approved["calendars"] as? [[String: Any]])
        let event = try #require((calendars.first { $0["method"] as? String == "REQUEST" }?["events"] as? [[String: Any]])?.first)
        #expect(event["start"] as? String == start)
    }

    @Test("Header injection: a name with a line break never reaches sendmail; the message fails for good, visibly")
    func headerInjection() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let doc = """
            {"accounts": [{"id": "eve", "role": "applicant", "name": "Eve\\r\\nBcc: victim@example.org", "email": "eve@example.org"}],
             "cases": [{"receipt": "MSC2499999999", "form": "I-90", "applicant": "eve", "status": "pending"}],
             "appointments": [{"receipt": "MSC2499999999", "center": "BOS", "start": "2026-12-14T09:00", "status": "scheduled", "priorReschedules": 0}]}
            """
        let file = h.dir.appendingPathComponent("eve.json")
        try Data(doc.utf8).write(to: file)
        // Import refuses a name with a line break (trust boundaries): the mailer must hold even when
        // one reaches the store another way, so it is written straight into the file here.
        let refused = try TmuxSession.capture(
            TmuxSession.binary, ["import", file.path, "--as", "officer", "--db", h.db, "--now", MailHarness.iso(MailHarness.start)], errors: .merged)
        #expect(refused.status == 2 && refused.output.contains("control character"), "\(refused.output)")
        try Data(doc.replacingOccurrences(of: "Eve\\r\\nBcc: victim@example.org", with: "Eve").utf8).write(to: file)
        let imported = try h.biosched(["import", file.path, "--as", "officer"])
        #expect(imported.status == 0, "\(imported.output)")
        let forged = try TmuxSession.capture(
            "/usr/bin/sqlite3", [h.db, "UPDATE accounts SET name = 'Eve' || char(13, 10) || 'Bcc: victim@example.org' WHERE id = 'eve'"], errors: .merged)
        #expect(forged.status == 0, "\(forged.output)")
        try h.bookFirstSlot("MSC2499999999", notify: "email")
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail()])
        #expect(run.output.contains("header injection"), "\(run.output)")
        #expect(h.sinkCount == 0)
        let failed = try h.outbox(["--failed"])
        #expect(failed.count == 1 && (failed.first?["lastError"] as? String)?.contains("header injection") == true)
    }

    @Test("Reminders run twice on the same day enqueue nothing new")
    func remindersOnce() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let day = Self.t0.addingTimeInterval(3 * 86_400)
        let first = try h.biosched(["reminders", "--once", "--json"], now: day).json
        let added = try #require(first["enqueued"] as? Int)
        #expect(added > 0)
        #expect(first["reminderDays"] as? [Int] == [7, 1])
        let counts = try h.biosched(["outbox", "--json", "--limit", "1"], now: day).json["counts"] as? [String: Int]
        #expect(counts?["pending"] == added)
        let second = try h.biosched(["reminders", "--once", "--json"], now: day.addingTimeInterval(3600)).json
        #expect(second["enqueued"] as? Int == 0)
        let after = try h.biosched(["outbox", "--json", "--limit", "1"], now: day).json["counts"] as? [String: Int]
        #expect(after == counts)
    }

    @Test("notice --format ics: an iCalendar file whose DTSTART is the appointment's instant in the center's zone")
    func noticeICS() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let status = try h.biosched(["status", "CSC2460017010", "--json", "--as", "agent"]).json
        let start = try #require((status["appointment"] as? [String: Any])?["start"] as? String)
        let ics = try h.biosched(["notice", "CSC2460017010", "--format", "ics", "--as", "agent"])
        #expect(ics.status == 0)
        #expect(ics.output.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let path = h.dir.appendingPathComponent("notice.ics").path
        try Data(ics.output.utf8).write(to: URL(fileURLWithPath: path))
        let facts = try h.calendarFacts(path)
        #expect(facts["method"] as? String == "PUBLISH")
        #expect(facts["timezones"] as? [String] == ["America/Phoenix"])
        let event = try #require((facts["events"] as? [[String: Any]])?.first)
        #expect(event["start"] as? String == start)
        #expect(event["tzid"] as? String == "America/Phoenix")
        let text = try h.biosched(["notice", "CSC2460017010", "--format", "text", "--as", "agent"])
        #expect(text.output.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE") && text.output.contains("MST"))
    }

    @Test("The enrollment host set with `settings set` is in the notice, the delivered email (Spanish account) and the SMS: ssh -p 2222 biosched@HOST")
    func enrollHostInMessages() throws {
        guard let h = try MailHarness.make() else { return }
        defer { h.close() }
        let set = try h.biosched(["settings", "set", "enroll-host", "Gateway.USCIS.example:2222", "--as", "officer", "--json"])
        #expect(set.status == 0 && set.json["enrollCommand"] as? String == "ssh -p 2222 biosched@gateway.uscis.example", "\(set.output)")
        let command = "ssh -p 2222 biosched@gateway.uscis.example"
        // María reads Spanish: her account's language.
        let lang = try TmuxSession.capture("/usr/bin/sqlite3", [h.db, "UPDATE accounts SET language = 'es' WHERE id = 'maria.garcia'"], errors: .merged)
        #expect(lang.status == 0, "\(lang.output)")
        let maria = try h.bookFirstSlot("IOE0923456781", notify: "email", role: ["--as", "applicant", "--account", "maria.garcia"])
        let noticeText = try #require((maria.answer["notice"] as? [String: Any])?["text"] as? String)
        #expect(noticeText.contains("to reach your cases over SSH with your own key: \(command);"), "\(noticeText)")
        _ = try h.bookFirstSlot("LIN2509876543", notify: "sms")
        let run = try h.biosched(["mailer", "--once", "--sendmail", try h.sendmail(), "--sms-command", try h.smsGateway()])
        #expect(run.status == 0 && run.output.contains("3 sent"), "\(run.output)")
        let mail = try h.messages()
        let m = try #require(mail.first { (($0["headers"] as? [String: String])?["To"] ?? "").contains("maria.garcia@example.com") })
        let text = try #require(m["text"] as? String)
        #expect(
            text.contains("Código de inscripción: ") && text.contains("para registrar su propia llave SSH: \(command), luego su número de recibo"), "\(text)")
        #expect(!text.contains("biosched@ "), "no vague host once one is set")
        let sms = try String(contentsOfFile: h.smsLog, encoding: .utf8)
        #expect(
            sms.range(
                of: #"Enrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4} \(ssh -p 2222 biosched@gateway\.uscis\.example\)"#, options: .regularExpression)
                != nil, "\(sms)")

        // Unset again: the next message names the account and says the host is the agency's, never a made-up one.
        #expect(try h.biosched(["settings", "unset", "enroll-host", "--as", "officer"]).status == 0)
        let again = try h.bookFirstSlot("IOE0923456781", notify: "email", role: ["--as", "applicant", "--account", "maria.garcia"])
        let plain = try #require((again.answer["notice"] as? [String: Any])?["text"] as? String)
        #expect(plain.contains("ssh biosched@ followed by the agency's SSH host name;") && !plain.contains("gateway.uscis.example"), "\(plain)")
    }
}
