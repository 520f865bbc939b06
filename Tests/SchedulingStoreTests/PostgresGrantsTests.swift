#if PostgreSQL
import Foundation
import PostgresTestSupport
import Testing

/// `deploy/postgresql/grants.sql`, as the docs tell an operator to run it, on a real server: an
/// owner role makes the store, the file gives the application role its privileges, and the
/// application role then does biosched's work and nothing the file says it may not.
@Suite("PostgreSQL roles and grants, as deployed", .serialized)
struct PostgresGrantsTests {
    static let grants = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/postgresql/grants.sql").path

    @Test(
        "The application role books, audits, verifies and sets the enrollment host; it cannot make a production store a training store, write audit rows of its own, create a table that shadows one, or find a function without its fixed search_path"
    )
    func applicationRole() throws {
        let c = try PostgresProcessTests.cluster()
        let tag = String(UInt32.random(in: 0...0xFFFFFF), radix: 16)
        let owner = "bs_owner_\(tag)", app = "bs_app_\(tag)", db = "bs_grants_\(tag)"
        try c.psql("CREATE ROLE \(owner) LOGIN; CREATE ROLE \(app) LOGIN")
        try c.psql("CREATE DATABASE \(db) OWNER \(owner)")
        try c.psql("ALTER SCHEMA public OWNER TO \(owner)", database: db)
        defer {
            _ = try? c.psql("DROP DATABASE \(db)")
            _ = try? c.psql("DROP ROLE \(app)")
            _ = try? c.psql("DROP ROLE \(owner)")
        }
        let asOwner = "host=\(c.socketDirectory) port=\(c.port) dbname=\(db) user=\(owner)"
        let asApp = "host=\(c.socketDirectory) port=\(c.port) dbname=\(db) user=\(app)"
        let made = try Binary.run(["init", "--db", asOwner])
        try #require(made.status == 0, "\(made.stdout)\(made.stderr)")
        // A production store runs on the real clock: an appointment and a slot a few weeks ahead, on weekdays.
        func weekday(_ ahead: Int) -> String {
            var cal = Calendar(identifier: .gregorian)
            cal.timeZone = TimeZone(identifier: "America/New_York")!
            var d = cal.date(byAdding: .day, value: ahead, to: Date())!
            while [1, 7].contains(cal.component(.weekday, from: d)) { d = cal.date(byAdding: .day, value: 1, to: d)! }
            let c = cal.dateComponents([.year, .month, .day], from: d)
            return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        }
        let doc: [String: Any] = [
            "centers": [
                [
                    "code": "TGT", "name": "Target ASC", "timeZone": "America/New_York", "slotMinutes": 30, "stations": 2,
                    "hours": PostgresProcessTests.weekdays
                ]
            ],
            "cases": [["receipt": "EAC2414052317", "form": "I-485", "applicantName": "Ana Perez"]],
            "appointments": [["receipt": "EAC2414052317", "center": "TGT", "start": weekday(10) + "T09:00"]]
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("grants-\(tag).json")
        try JSONSerialization.data(withJSONObject: doc).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Binary.run(["import", file.path, "--db", asOwner]).status == 0)

        // The operator's step, with this very file.
        let applied = try c.psql(as: owner, database: db, ["-v", "app=\(app)", "-f", Self.grants])
        try #require(applied.status == 0, "\(applied.output)")

        // biosched's work as the application role: a reschedule (with its audit row), a read, the chain.
        let booked = try Binary.run([
            "reschedule", "EAC2414052317", "--db", asApp, "--as", "officer", "--to", weekday(20) + "T09:00",
            "--reason", "medical", "--json"
        ])
        #expect(booked.status == 0 && booked.json["result"] as? String == "booked", "\(booked.stdout)\(booked.stderr)")
        let verify = try Binary.run(["audit", "verify", "--db", asApp, "--as", "officer"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        // Issue 22: the application role changes the enrollment host (an UPDATE of a row the migration made; it may not add settings).
        let host = try Binary.run(["settings", "set", "enroll-host", "gw.uscis.example", "--db", asApp, "--as", "officer", "--json"])
        #expect(host.status == 0 && host.json["enrollCommand"] as? String == "ssh biosched@gw.uscis.example", "\(host.stdout)\(host.stderr)")

        func refused(_ sql: String, _ what: String) throws {
            let r = try c.psql(as: app, database: db, ["-c", sql])
            #expect(r.status != 0, "\(what): \(r.output)")
        }
        try refused("UPDATE settings SET value = '1' WHERE key = 'training'", "the training flag")
        try refused("DELETE FROM settings WHERE key = 'training'", "the training flag, deleted")
        try refused("INSERT INTO audit_pending(at, actor_role, actor, action) VALUES (0, 'officer', 'x', 'forged')", "a row in audit_pending")
        try refused("INSERT INTO audit(id, at, actor_role, actor, action, prev_hash, hash) VALUES (999, 0, 'officer', 'x', 'forged', '', '')", "a row in audit")
        try refused("SELECT biosched_audit_append(0, 'officer', 'x', 'Forged; DROP', NULL, NULL, '', '', '', '')", "an audit action not biosched's")
        try refused("CREATE TABLE public.settings_shadow(x int)", "a table in the schema")
        try refused("TRUNCATE outbox", "emptying the outbox")
        // Not even the owner flips the flag.
        let ownerFlip = try c.psql(as: owner, database: db, ["-c", "UPDATE settings SET value = '1' WHERE key = 'training'"])
        #expect(ownerFlip.status != 0 && ownerFlip.output.contains("fixed when it is made"), "\(ownerFlip.output)")
        // Every function biosched defines has its fixed search_path; the audit's are the owner's.
        let loose = try c.psql(
            """
            SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.proname LIKE 'biosched\\_%'
              AND NOT coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']
            """, database: db)
        #expect(loose == "0")
        #expect(try c.psql("SELECT count(*) FROM pg_proc WHERE proname IN ('biosched_audit_append', 'biosched_audit_seal') AND prosecdef", database: db) == "2")
        // The settings flag is what it was, and the only audit rows are biosched's own.
        #expect(try c.psql("SELECT value FROM settings WHERE key = 'training'", database: db) == "0")
        #expect(try c.psql("SELECT count(*) FROM audit WHERE action = 'forged'", database: db) == "0")
    }
}
#endif
