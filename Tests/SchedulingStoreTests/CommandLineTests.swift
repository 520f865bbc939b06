import Foundation
import GRDB
import Testing

/// The command line contract: output shapes and exit codes (0 done, 1 refused, 2 bad input, 3 conflict, 4 store error).
@Suite("The biosched command line")
struct CommandLineTests {
    let dir: URL
    let db: String
    let now = "2026-06-15T09:00:00-04:00"

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        db = dir.appendingPathComponent("cli.sqlite").path
        try #require(Binary.run(["init", "--training", "--db", db, "--now", now]).status == 0)
        let doc = """
            {"settings": {"leadHours": 24, "horizonDays": 30},
             "centers": [{"code": "BOS", "name": "Boston ASC", "address": "170 Tremont St", "city": "Boston", "state": "MA",
                          "timeZone": "America/New_York", "slotMinutes": 30, "stations": 1,
                          "hours": {"mon": "08:00-16:00", "tue": "08:00-16:00", "wed": "08:00-16:00", "thu": "08:00-16:00", "fri": "08:00-16:00"},
                          "closures": ["2026-06-19"]}],
             "accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org", "phone": "617-555-0142",
                           "aNumber": "A-123-456-789", "dateOfBirth": "1985-03-14"},
                          {"id": "attorney.lee", "role": "representative", "name": "Jordan Lee"}],
             "cases": [{"receipt": "EAC2414052317", "form": "I-485", "applicant": "maria", "representatives": ["attorney.lee"]},
                       {"receipt": "IOE0923456781", "form": "I-589", "applicantName": "Ana Pérez"},
                       {"receipt": "LIN2501234567", "form": "I-765", "applicantName": "Sam Doe", "status": "denied"}],
             "appointments": [{"receipt": "EAC2414052317", "center": "BOS", "start": "2026-06-18T09:00"},
                              {"receipt": "IOE0923456781", "center": "BOS", "start": "2026-06-15T20:00", "priorReschedules": 0},
                              {"receipt": "LIN2501234567", "center": "BOS", "start": "2026-06-22T09:00"}]}
            """
        let file = dir.appendingPathComponent("doc.json")
        try Data(doc.utf8).write(to: file)
        let r = try Binary.run(["import", file.path, "--db", db, "--now", now])
        try #require(r.status == 0, "\(r.stderr)")
    }

    /// Row counts of every table a command could write, and the slot counters.
    func fingerprint() throws -> [Int] {
        try DatabaseQueue(path: db).read { db throws -> [Int] in
            try ["appointments", "requests", "notices", "outbox", "audit", "staff", "cases", "centers"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? -1
            } + [try Int.fetchOne(db, sql: "SELECT coalesce(sum(booked), 0) FROM slots") ?? -1]
        }
    }

    func run(_ args: [String]) throws -> Binary.Result { try Binary.run(args + ["--db", db, "--now", now]) }

    @Test("--lang es: status, the notice and a refusal in Spanish, before or after the subcommand; the account's language gives the notice its language")
    func spanishOutput() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let status = try Binary.run(["--lang", "es", "status", "EAC2414052317", "--as", "agent", "--db", db, "--now", now])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("[SISTEMA DE PRÁCTICA: datos de prueba, no son casos reales.]"))
        #expect(status.stdout.contains("Cita:      jue 2026-06-18 09:00 EDT  Boston ASC [BOS]  programada"))
        #expect(status.stdout.contains("Decisión:  PERMITIDO"))
        #expect(status.stdout.contains("El agente puede cambiar esta cita ahora."))
        let notice = try run(["notice", "EAC2414052317", "--as", "agent", "--lang", "es"])
        #expect(notice.stdout.contains("AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS"))
        #expect(notice.stdout.contains("Fecha y hora:       jueves, 18 de junio de 2026, 9:00 a. m. EDT"))
        let refused = try run([
            "reschedule", "IOE0923456781", "--as", "applicant", "--account", "maria", "--to", "2026-06-17T09:00", "--reason", "medical", "--lang", "es"
        ])
        #expect(refused.status == 1)
        #expect(refused.stdout.contains("RECHAZADA"))
        #expect(refused.stdout.contains("NOT_AUTHORIZED"))
        #expect(refused.stdout.contains("Usted no tiene autorización para actuar en este caso."))
        // María's account prefers Spanish: her session speaks Spanish, and an agent's notice of her case too.
        let file = dir.appendingPathComponent("lang.json")
        try Data(#"{"accounts": [{"id": "maria", "role": "applicant", "name": "María García", "email": "maria@example.org", "language": "es"}]}"#.utf8).write(
            to: file)
        #expect(try run(["import", file.path]).status == 0)
        let hers = try run(["status", "EAC2414052317", "--as", "applicant", "--account", "maria"])
        #expect(hers.stdout.contains("Usted puede cambiar esta cita en línea"), "\(hers.stdout)")
        let agents = try run(["notice", "EAC2414052317", "--as", "agent"])
        #expect(agents.stdout.contains("AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS"))
        #expect(agents.stdout.contains("[TRAINING STORE: demo data, not real cases.]"), "the agent's own session stays English")
        let english = try run(["notice", "EAC2414052317", "--as", "agent", "--lang", "en"])
        #expect(english.stdout.contains("BIOMETRIC SERVICES APPOINTMENT NOTICE"))
    }

    @Test("R5 find: staff find a caller by name, A-number, phone or email; applicants are refused; bad input says what is expected")
    func find() throws {
        let byName = try run(["find", "garcia", "1985-03-14", "--as", "agent", "--json"])
        #expect(byName.status == 0, "\(byName.stderr)")
        let matches = byName.json["matches"] as? [[String: Any]] ?? []
        #expect(matches.map { $0["receipt"] as? String } == ["EAC2414052317"])
        #expect(matches.first?["dateOfBirth"] as? String == "1985-03-14")
        #expect((matches.first?["nextAppointment"] as? [String: Any])?["local"] as? String == "2026-06-18 09:00 EDT")
        for q in ["A123456789", "(617) 555 0142", "Maria@Example.org", "perez"] {
            let r = try run(["find", q, "--as", "agent"])
            #expect(r.status == 0 && (r.stdout.contains("EAC2414052317") || r.stdout.contains("IOE0923456781")), "\(q): \(r.stdout)\(r.stderr)")
        }
        let none = try run(["find", "nobody", "--as", "officer"])
        #expect(none.status == 0 && none.stdout.contains("No case matches"))
        let refused = try run(["find", "garcia", "--as", "applicant", "--account", "maria"])
        #expect(refused.status == 1 && refused.stderr.contains("NOT_AUTHORIZED"), "\(refused.status) \(refused.stderr)")
        #expect(!refused.stdout.contains("EAC2414052317"))
        let bad = try run(["find", "1985-03-14", "--as", "agent"])
        #expect(bad.status == 2 && bad.stderr.contains("needs a name with it"))
        let audit = try run(["audit", "--json"])
        let actions = (audit.json["events"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
        #expect(actions.filter { $0 == "callers-searched" }.count == 6)
        #expect(actions.contains("not-authorized"))
    }

    @Test("status --json gives the appointment in local time, the verdict under verdict, and training: true")
    func statusJSON() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["status", "eac-24-140-52317", "--as", "applicant", "--account", "maria", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = r.json
        #expect(o["training"] as? Bool == true)
        #expect(o["receipt"] as? String == "EAC2414052317")
        let appt = o["appointment"] as? [String: Any]
        #expect(appt?["local"] as? String == "2026-06-18T09:00")
        #expect(appt?["zone"] as? String == "EDT")
        let verdict = o["verdict"] as? [String: Any]
        #expect(verdict?["decision"] as? String == "allowed")
        #expect(verdict?["codes"] as? [String] == [])
    }

    @Test("R3a status text for an applicant within 12 hours says refused with the code and the Contact Center")
    func statusTextRefused() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["status", "IOE0923456781", "--as", "agent"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("[TRAINING STORE"))
        #expect(r.stdout.contains("ASYLUM"))
        let online = try Binary.run([
            "reschedule", "EAC2414052317", "--as", "applicant", "--account", "maria", "--to", "2026-06-24T09:00",
            "--reason", "medical", "--db", db, "--now", "2026-06-17T22:00:00-04:00"
        ])
        #expect(online.status == 1, "\(online.stdout)\(online.stderr)")
        #expect(online.stdout.contains("WITHIN_12_HOURS"))
        #expect(online.stdout.contains("800-375-5283"))
    }

    @Test("R15 a malformed receipt is bad input (exit 2) with the expected shape")
    func badReceipt() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["status", "EAC-12"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("INVALID_RECEIPT"))
        #expect(r.stderr.contains("three letters and ten digits"))
    }

    @Test("Bad input (unknown center, unknown reason, bad date, bad role) is exit 2 and changes nothing")
    func badInputs() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = try fingerprint()
        let base = ["reschedule", "EAC2414052317", "--as", "agent"]
        for (args, expect) in [
            (base + ["--to", "2026-06-24T09:00", "--reason", "medical", "--center", "ZZZ"], "Unknown center"),
            (base + ["--to", "2026-06-24T09:00", "--reason", "sick"], "medical, travel"),
            (base + ["--to", "June 24", "--reason", "medical"], "YYYY-MM-DDTHH:MM"),
            (["status", "EAC2414052317", "--as", "boss"], "applicant, representative, agent or officer"),
            (["slots", "--center", "BOS", "--from", "24/06/2026"], "YYYY-MM-DD"),
            (["reschedule", "EAC2414052317", "--reason", "medical"], "--to")
        ] {
            let r = try run(args)
            #expect(r.status == 2, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(expect), "\(args): \(r.stderr)")
        }
        #expect(try fingerprint() == before)
    }

    @Test("R12 a date outside the window is refused (exit 1) and a full slot is exit 3")
    func windowAndFull() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = try run(["reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-08-03T09:00", "--reason", "medical"])
        #expect(out.status == 1)
        #expect(out.stdout.contains("SLOT_OUT_OF_WINDOW"))
        let ok = try run(["reschedule", "EAC2414052317", "--as", "agent", "--to", "2026-06-24T09:00", "--reason", "medical", "--json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.json["decision"] as? String == "allowed")
        #expect((ok.json["notice"] as? [String: Any])?["when"] as? String == "Wed 2026-06-24 09:00 EDT")
        let status = try run(["status", "EAC2414052317", "--json"])
        #expect((status.json["appointment"] as? [String: Any])?["local"] as? String == "2026-06-24T09:00")
        let notice = try run(["notice", "EAC2414052317"])
        #expect(notice.stdout.contains("printed on paper"))
    }

    @Test("R7 R8 escalation is exit 0 with a request id; the officer approves from the queue")
    func escalationAndReview() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let esc = try run([
            "reschedule", "IOE0923456781", "--as", "agent", "--to", "2026-06-24T10:00", "--reason", "other",
            "--note", "court date", "--request-id", "r-77", "--json"
        ])
        #expect(esc.status == 0, "\(esc.stderr)")
        #expect(esc.json["decision"] as? String == "escalated")
        #expect(esc.json["codes"] as? [String] == ["OTHER_REASON", "ASYLUM"])
        let queue = try run(["review", "--json", "--as", "officer"])
        #expect(((queue.json["requests"] as? [[String: Any]])?.first)?["id"] as? String == "r-77")
        let agentTries = try run(["review", "approve", "r-77", "--note", "ok", "--as", "agent"])
        #expect(agentTries.status == 1)
        let approve = try run(["review", "approve", "r-77", "--note", "documents seen", "--as", "officer"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("BOOKED"))
        let audit = try run(["audit", "--receipt", "IOE0923456781", "--format", "csv"])
        #expect(audit.stdout.contains("escalated"))
        #expect(audit.stdout.contains("review-approved"))
    }

    @Test("R11 a denied case is refused with the I-290B route")
    func deniedCase() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["reschedule", "LIN2501234567", "--as", "agent", "--to", "2026-06-24T09:30", "--reason", "medical"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("CASE_DENIED"))
        #expect(r.stdout.contains("I-290B"))
    }

    @Test("--now is refused on a production store; a foreign file is a store error (exit 4)")
    func productionAndForeign() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let prod = dir.appendingPathComponent("prod.sqlite").path
        #expect(try Binary.run(["init", "--db", prod]).status == 0)
        let r = try Binary.run(["status", "EAC2414052317", "--db", prod, "--now", now])
        #expect(r.status == 2)
        #expect(r.stderr.contains("production store"))
        let plain = try Binary.run(["status", "EAC2414052317", "--db", prod, "--json"])
        #expect(plain.status == 2, "the creator is an officer, who may see every case: this one does not exist")
        #expect((plain.json["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND", "--json errors are JSON: \(plain.stdout)")
        // Global options also work before the subcommand.
        let before = try Binary.run(["--db", prod, "--json", "status", "EAC2414052317"])
        #expect(before.status == 2 && (before.json["error"] as? [String: Any])?["code"] as? String == "NOT_FOUND")
        let foreign = dir.appendingPathComponent("foreign.sqlite").path
        try DatabaseQueue(path: foreign).write { db in try db.execute(sql: "CREATE TABLE x(y)") }
        let f = try Binary.run(["status", "EAC2414052317", "--db", foreign])
        #expect(f.status == 4)
        #expect(f.stderr.contains("not a biosched store"))
    }

    @Test("R5 a representative sees only cases with their G-28; another case is NOT_AUTHORIZED and reveals nothing")
    func representative() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let own = try run(["status", "EAC2414052317", "--as", "representative", "--account", "attorney.lee"])
        #expect(own.status == 0)
        let other = try run(["status", "IOE0923456781", "--as", "representative", "--account", "attorney.lee"])
        let missing = try run(["status", "IOE0000000000", "--as", "representative", "--account", "attorney.lee"])
        #expect(other.status == 1)
        #expect(other.stderr == missing.stderr)
        #expect(!other.stderr.contains("Ana"))
    }
}

@Suite("Shell completions, as the install script writes them")
struct CompletionTests {
    @Test("bash, zsh and fish completion scripts name the subcommands and their options")
    func completions() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try Binary.run(["--generate-completion-script", shell])
            #expect(r.status == 0, "\(shell): \(r.stderr)")
            for word in ["find", "reschedule", "status", "review", "access"] {
                #expect(r.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }
}

extension CommandLineTests {
    @Test("access g28: an officer accepts a G-28 and the acceptance carries the representative's code; an agent cannot")
    func acceptG28() throws {
        let doc = dir.appendingPathComponent("rep.json")
        try Data(#"{"accounts": [{"id": "attorney.kim", "role": "representative", "name": "Sam Kim"}]}"#.utf8).write(to: doc)
        #expect(try run(["import", doc.path]).status == 0)
        let agent = try run(["access", "g28", "EAC2414052317", "--representative", "attorney.kim", "--as", "agent"])
        #expect(agent.status == 1 && agent.stderr.contains("only officers"))
        let ok = try run(["access", "g28", "EAC2414052317", "--representative", "attorney.kim"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.range(of: #"\nEnrollment code: [A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\n"#, options: .regularExpression) != nil, "\(ok.stdout)")
        #expect(ok.stdout.contains("Sam Kim (attorney.kim) may act for María García on case EAC2414052317"))
        let bad = try run(["access", "g28", "EAC2414052317", "--representative", "maria"])
        #expect(bad.status != 0 && bad.stderr.contains("not a representative"))
    }
}
