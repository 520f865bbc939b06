import Foundation
import Testing

/// The UI never waits on the store: another process holds the store's write lock while a booking
/// is confirmed in the real binary in tmux.
@Suite("End to end: a booking waits for the store, the screen does not", .serialized)
struct StoreWaitEndToEndTests {
    /// `sqlite3 DB` holding `BEGIN IMMEDIATE` open through a pipe until `release`.
    final class LockHolder {
        let process = Process()
        let input = Pipe()
        init(db: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [db]
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('held', '1');\nSELECT 1;\n".utf8))
        }
        func release() {
            guard process.isRunning else { return }
            input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
            process.waitUntilExit()
        }
    }

    @Test(
        "While another process holds the write lock, the confirmed booking says it waits, a second Enter does nothing, help opens and closes; once released, the booking is made once"
    )
    func bookingWaitsForTheStore() throws {
        try #require(TmuxSession.available, "tmux is needed (apt-get install tmux)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "sqlite3 is needed to hold the lock (apt-get install sqlite3)")
        let e2e = TerminalEndToEndTests()
        let t = try e2e.session()
        defer { t.close() }
        try e2e.launch(t, "tui --as agent")
        try t.waitFor("Find a caller")
        try t.literal("IOE0923456781")
        try t.keys("Enter")
        try t.waitFor("Pick a new time")
        try t.keys("Right", "Right", "Down", "Enter", "Enter") // a week later, its first offered time
        try t.waitFor("Why can't they attend?")
        try t.keys("Enter", "Tab", "Tab", "Enter") // medical, notify, continue
        try t.waitFor("Confirm the new appointment")

        let holder = try LockHolder(db: t.db)
        defer { holder.release() }
        usleep(300_000) // the lock is taken
        let locked = Date()
        try t.keys("Enter")
        let waiting = try t.waitFor("waiting for the store", seconds: 3)
        #expect(waiting.contains("Submitting…"))
        #expect(!waiting.contains("APPOINTMENT NOTICE"))
        try t.keys("Enter") // a second Enter submits nothing more
        try t.keys("?")
        try t.waitFor("Everywhere:", seconds: 3)
        try t.keys("Escape")
        let closed = try t.waitFor("waiting for the store", seconds: 3)
        #expect(!closed.contains("Everywhere:"), "the help overlay closed while the store still waits")
        #expect(Date().timeIntervalSince(locked) < 7, "the checks above ran while the lock was held")
        usleep(UInt32(max(0, 8 - Date().timeIntervalSince(locked)) * 1_000_000))
        #expect(try t.screen().contains("waiting for the store"), "still waiting while the lock is held")
        holder.release()

        let booked = try t.waitFor("BIOMETRIC SERVICES APPOINTMENT NOTICE", seconds: 10)
        #expect(booked.contains("Booked"))
        #expect(!booked.contains("waiting for the store"))
        try t.keys("q")
        try t.waitFor("EXITED")
        let (status, json) = try t.run(["status", "IOE0923456781", "--db", t.db, "--now", TerminalEndToEndTests.now, "--json"])
        #expect(status == 0)
        let appt = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["appointment"] as? [String: Any]
        #expect(appt?["local"] as? String == "2026-12-10T08:00")
        #expect(appt?["priorReschedules"] as? Int == 1, "booked once")
    }
}
