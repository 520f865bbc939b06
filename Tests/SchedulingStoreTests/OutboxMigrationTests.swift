import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

@Suite("Migration v2-outbox-delivery on a store made before it")
struct OutboxMigrationTests {
    @Test("Rows of the v1 outbox become legacy messages: unsent ones pending (sent by the mailer as they were written), sent ones sent")
    func upgradesV1() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-v1-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("v1.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v1")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO settings(key, value) VALUES ('training', '1'), ('created_by', 'officer.jones');
                    INSERT INTO cases(receipt, form, status, applicant_name) VALUES ('EAC2414052317', 'I-485', 'pending', 'María García');
                    INSERT INTO outbox(receipt, channel, recipient, subject, body, created_at) VALUES
                      ('EAC2414052317', 'email', 'maria@example.org', 'Your biometrics appointment was rescheduled', 'Receipt EAC2414052317: ...', 100),
                      ('EAC2414052317', 'sms', '+16175550100', 'Rescheduled', 'Receipt EAC2414052317: sent long ago', 90);
                    UPDATE outbox SET sent_at = 95 WHERE channel = 'sms';
                    """)
        }
        try queue.close()
        let store = try SQLiteBookingStore(path: path)
        let entries = try store.outboxEntries()
        #expect(entries.map(\.status) == [.sent, .pending], "newest first")
        #expect(entries.allSatisfy { $0.kind == .legacy })
        let item = try #require(try store.claimNextMessage(worker: "w", now: Date(timeIntervalSince1970: 200), lease: 300))
        #expect(item.kind == .legacy && item.storedSubject == "Your biometrics appointment was rescheduled")
        #expect(try store.setting("reminder_days") == "7,1")
        #expect(try store.outboxStoreID().count == 16)
    }
}
