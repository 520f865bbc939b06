#if PostgreSQL
import Foundation
import PostgresStore
import Scheduling

/// The raw PostgreSQL floor of `biosched-bench store --db`: the statements biosched's PostgreSQL
/// store sends for one booked reschedule (read from the server's statement log of a biosched run,
/// in the same order and the same round trips, with the same locks, the same guarded counter
/// update, rows of the same size in every table and the audit row handed to the server to chain at
/// commit, as biosched does), as a pgbench script. pgbench takes each transaction's plan line from `bench_plan` (a table the benchmark adds
/// to its run database), in the same statement that reads the case; what biosched computes in Swift between statements (the rules, the notice,
/// the messages) it does not.
enum PGBenchScript {
    struct RawRun {
        let tag: String
        let booked: Int
        let failed: Int
        let latencies: [UInt64]
        let seconds: Double
        var rate: Double { seconds > 0 ? Double(booked) / seconds : 0 }
        var p50: UInt64 { percentile(latencies, 50) }
        var p99: UInt64 { percentile(latencies, 99) }
        var worst: UInt64 { latencies.max() ?? 0 }
    }

    /// `bench_plan(n, receipt, center, local, start)`, one row per plan line, numbered from 0.
    static func loadPlan(_ plan: [String], into database: String, server: PGServer, store: PostgresBookingStore) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-bench-plan-\(getpid()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        var csv = ""
        for (i, line) in plan.enumerated() {
            let f = line.split(separator: " ")
            guard f.count == 4, f.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == ":" || $0 == "T" } }) else {
                throw BenchFailure("bad plan line \(i): \(line)")
            }
            csv += "\(i),\(f[0]),\(f[1]),\(f[2]),\(f[3])\n"
        }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        try server.psql(
            "CREATE TABLE bench_plan (n INT PRIMARY KEY, receipt TEXT NOT NULL, center TEXT NOT NULL, local TEXT NOT NULL, start BIGINT NOT NULL)",
            database: database)
        try server.psql("\\copy bench_plan FROM '\(file.path)' WITH (FORMAT csv)", database: database)
    }

    /// Runs the script from `clients` connections, `each` transactions each, on plan lines from `firstLine`.
    static func run(server: PGServer, database: String, script: URL, clients: Int, each: Int, firstLine: Int, tag: String, logDir: URL) throws -> RawRun {
        let prefix = logDir.appendingPathComponent("raw-\(clients)").path
        let threads = min(clients, max(1, ProcessInfo.processInfo.activeProcessorCount))
        try server.run(
            server.bin + "/pgbench",
            [
                "-n", "-M", "simple", "-c", String(clients), "-j", String(threads), "-t", String(each),
                "-f", script.path, "-l", "--log-prefix=\(prefix)", "-D", "tag=\(tag)",
                "-D", "first=\(firstLine)", "-D", "each=\(each)", "-D", "k=0",
                "-D", "now=\(BenchStore.nowSeconds)"
            ] + server.connection + [database])
        var latencies: [UInt64] = []
        var first = Double.infinity, last = 0.0
        for name in try FileManager.default.contentsOfDirectory(atPath: logDir.path) where name.hasPrefix("raw-\(clients).") {
            let text = try String(contentsOfFile: logDir.appendingPathComponent(name).path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                // client_id transaction_no time script_no time_epoch time_us
                let f = line.split(separator: " ")
                guard f.count >= 6, let us = UInt64(f[2]), let epoch = Double(f[4]), let frac = Double(f[5]) else { continue }
                latencies.append(us * 1_000)
                let end = epoch + frac / 1e6
                last = max(last, end)
                first = min(first, end - Double(us) / 1e6)
            }
            try FileManager.default.removeItem(atPath: logDir.appendingPathComponent(name).path)
        }
        let booked = Int(try server.psql("SELECT count(*) FROM requests WHERE id LIKE '\(tag)-%' AND decision = 'booked'", database: database)) ?? -1
        return RawRun(tag: tag, booked: booked, failed: clients * each - booked, latencies: latencies, seconds: latencies.isEmpty ? 0 : last - first)
    }

    /// The script: one booked reschedule by an agent, as biosched's PostgreSQL store sends it for a
    /// case without an applicant account (the benchmark's cases), to a slot of another center or
    /// the same one: the same statements in the same four round trips (pgbench's compound
    /// statements, `\\;`, sent as one query each; simple protocol, because pgbench's pipelines
    /// cannot carry the values one round trip needs from the one before). The first round trip
    /// reads the plan line with the case, and the other reads of it find the receipt by the plan
    /// line (a subquery on its primary key). Variables: `tag` (request ids), `now` (epoch seconds).
    static var text: String {
        """
        \\set n :first + :client_id * :each + :k
        \\set k :k + 1
        BEGIN ISOLATION LEVEL READ COMMITTED \\;
        SELECT * FROM requests WHERE id = ':tag-:n' \\;
        SELECT p.n AS p_n, p.receipt AS p_receipt, p.center AS p_center, p.local AS p_local, p.start AS p_start, c.*
          FROM bench_plan p JOIN cases c ON c.receipt = p.receipt WHERE p.n = :n \\;
        SELECT account FROM representations WHERE receipt = (SELECT receipt FROM bench_plan WHERE n = :n) \\;
        SELECT id AS a_id, version AS a_version, center AS a_center, start AS a_start, prior_reschedules AS a_prior
          FROM (SELECT * FROM appointments WHERE receipt = (SELECT receipt FROM bench_plan WHERE n = :n) ORDER BY (status = 'scheduled') DESC, id DESC LIMIT 1) a \\;
        SELECT id FROM requests WHERE receipt = (SELECT receipt FROM bench_plan WHERE n = :n) AND decision = 'escalated' ORDER BY received_at DESC LIMIT 1 \\;
        SELECT key, value FROM settings WHERE key IN ('lead_hours', 'horizon_days') \\;
        SELECT applicant_account FROM cases WHERE receipt = (SELECT receipt FROM bench_plan WHERE n = :n) \\;
        SELECT a.id, a.email, a.phone FROM representations r JOIN accounts a ON a.id = r.account WHERE r.receipt = (SELECT receipt FROM bench_plan WHERE n = :n) ORDER BY a.id \\;
        SELECT value FROM settings WHERE key = 'enrollment_days' \\;
        \(center("(SELECT center FROM bench_plan WHERE n = :n)")) \\aset
        SELECT max(received_at) FROM requests WHERE appointment_id = :a_id AND received_at < :a_start AND decision <> 'refused' \\;
        \(center("':a_center' AND ':a_center' <> ':p_center'")) \\;
        SELECT booked FROM slots WHERE center = ':p_center' AND start = :p_start \\;
        SELECT ((':a_center', (:a_start)::bigint) < (':p_center', (:p_start)::bigint))::int AS l_old_first \\aset
        \\if :l_old_first = 1
        \(writes(locking: [old, new]))
        \\else
        \(writes(locking: [new, old]))
        \\endif
        \\if :took = 1
        UPDATE appointments SET rescheduled_to = :new_id WHERE id = :a_id \\;
        INSERT INTO notices(number, receipt, appointment_id, issued_at, json)
          VALUES ('BN' || lpad(':new_id', 10, '0'), ':p_receipt', :new_id, :now,
                  rpad('{"receipt":"' || ':p_receipt' || '","center":"' || ':p_center' || '","start":' || ':p_start', 290, ' ') || '}') \\;
        INSERT INTO requests(id, receipt, appointment_id, channel, actor_role, actor, reason, explanation, note,
          preferred_center, preferred_local, notify, decision, codes, new_appointment_id, outcome_json, received_at)
          VALUES (':tag-:n', ':p_receipt', :a_id, 'contact-center', 'agent', 'bench.agent', 'medical', '', '',
                  ':p_center', ':p_local', NULL, 'booked', '', :new_id, rpad('{"result":"booked","new":' || ':new_id', 1700, ' ') || '}', :now) \\;
        SELECT biosched_audit_append(:now, 'agent', 'bench.agent', 'rescheduled', ':p_receipt', ':tag-:n',
                  'from=' || ':a_center' || ' to=' || ':p_center' || ' ' || ':p_local' || ' reason=medical', 'bench', '', '') \\;
        COMMIT;
        \\else
        ROLLBACK;
        \\endif

        """
    }

    static let old = (center: "':a_center'", start: ":a_start")
    static let new = (center: "':p_center'", start: ":p_start")

    /// A center with its hours and closures, as `Records.centerSelect` reads it.
    static func center(_ code: String) -> String {
        """
        SELECT c.*,
          ARRAY(SELECT h.weekday || ' ' || h.open_minute || ' ' || h.close_minute FROM center_hours h WHERE h.center = c.code) AS hours_list,
          ARRAY(SELECT x.date FROM center_closures x WHERE x.center = c.code) AS closures_list
          FROM centers c WHERE c.code = \(code)
        """
    }

    /// The third round trip: the appointment's row lock and version, both slots locked in
    /// (center, start) order, the station given back, the mark, the guarded counter, the new appointment.
    static func writes(locking slots: [(center: String, start: String)]) -> String {
        let locks = slots.map { s in
            """
            INSERT INTO slots(center, start, capacity, booked) SELECT code, \(s.start), stations, 0 FROM centers WHERE code = \(s.center) ON CONFLICT DO NOTHING \\;
            SELECT 1 AS l_locked FROM slots WHERE center = \(s.center) AND start = \(s.start) FOR UPDATE \\;
            """
        }.joined(separator: "\n")
        return """
            SELECT 1 AS v_ok FROM appointments WHERE id = :a_id AND version = :a_version FOR UPDATE \\;
            \(locks)
            UPDATE slots SET booked = booked - 1 WHERE center = ':a_center' AND start = :a_start
              AND EXISTS (SELECT 1 FROM appointments WHERE id = :a_id AND status IN ('scheduled', 'attended', 'missed')) \\;
            UPDATE appointments SET status = 'rescheduled', version = version + 1 WHERE id = :a_id \\;
            WITH u AS (UPDATE slots SET booked = booked + 1 WHERE center = ':p_center' AND start = :p_start AND booked < capacity RETURNING 1)
              SELECT count(*) AS took FROM u \\;
            INSERT INTO appointments(receipt, center, start, status, prior_reschedules, chain_root, version, created_at)
              VALUES (':p_receipt', ':p_center', :p_start, 'scheduled', :a_prior + 1,
                      coalesce((SELECT coalesce(chain_root, id) FROM appointments WHERE id = :a_id), :a_id), :a_version + 2, :now) RETURNING id AS new_id \\aset
            """
    }
}
#endif
