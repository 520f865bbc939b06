import Foundation
import GRDB
import Scheduling

@testable import SchedulingStore

/// A real SQLite store in a fresh temporary folder, with a small known data set.
struct StoreFixture {
    let dir: URL
    let path: String
    let store: SQLiteBookingStore

    /// Monday 2026-06-15 09:00 EDT (13:00Z): a fixed now, far from any DST change.
    static let now = iso("2026-06-15T13:00:00Z")
    static let agent = Actor(role: .agent, id: "agent.smith")
    static let officer = Actor(role: .officer, id: "officer.jones")
    static let maria = Actor(role: .applicant, id: "maria")

    static func iso(_ s: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: s)!
    }

    /// A Boston center (2 stations) and a few cases; `extra` lets a test add more.
    init(stations: Int = 2, extraCases: Int = 0, training: Bool = true) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        path = dir.appendingPathComponent("store.sqlite").path
        store = try SQLiteBookingStore.create(path: path, training: training, createdBy: "officer.jones", now: StoreFixture.now)
        var doc = ImportDocument()
        let weekdays: [Weekday: String] = [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"]
        doc.centers = [
            .init(
                code: "BOS", name: "Boston ASC", address: "170 Tremont St", city: "Boston", state: "MA", timeZone: "America/New_York",
                slotMinutes: 30, stations: stations, hours: weekdays, closures: ["2026-06-19"]),
            .init(
                code: "PHX", name: "Phoenix ASC", address: "1 N Central Ave", city: "Phoenix", state: "AZ", timeZone: "America/Phoenix",
                slotMinutes: 30, stations: stations, hours: weekdays)
        ]
        doc.accounts = [
            .init(id: "maria", role: "applicant", name: "María García", email: "maria@example.org", phone: "+1-617-555-0100"),
            .init(id: "li", role: "applicant", name: "李小龙"),
            .init(id: "attorney.lee", role: "representative", name: "Jordan Lee, Esq.")
        ]
        doc.cases = [
            .init(receipt: "EAC2414052317", form: "I-485", applicant: "maria", representatives: ["attorney.lee"]),
            .init(receipt: "WAC2390112345", form: "I-765", applicant: "li"),
            .init(receipt: "IOE0923456781", form: "I-589", applicant: nil, applicantName: "Ana Pérez"),
            .init(receipt: "LIN2501234567", form: "I-600", applicant: nil, applicantName: "Sam Doe")
        ]
        doc.appointments = [
            .init(receipt: "EAC2414052317", center: "BOS", start: "2026-06-18T09:00"),
            .init(receipt: "WAC2390112345", center: "BOS", start: "2026-06-18T09:30"),
            .init(receipt: "IOE0923456781", center: "BOS", start: "2026-06-22T10:00"),
            .init(receipt: "LIN2501234567", center: "BOS", start: "2026-06-22T10:30", priorReschedules: 2)
        ]
        for i in 0..<extraCases {
            let receipt = "MSC26" + String(format: "%08d", i)
            doc.cases.append(.init(receipt: receipt, form: "N-400", applicant: nil, applicantName: "Filler \(i)"))
            // Spread over Tuesday and Wednesday mornings, never over capacity.
            let slot = i / stations
            let day = 23 + slot / 16
            let minutes = 8 * 60 + (slot % 16) * 30
            doc.appointments.append(.init(receipt: receipt, center: "PHX", start: String(format: "2026-06-%02dT%02d:%02d", day, minutes / 60, minutes % 60)))
        }
        _ = try store.importDocument(doc, actor: StoreFixture.officer, now: StoreFixture.now)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    static func receipt(_ s: String) -> ReceiptNumber { try! ReceiptNumber(parsing: s) }

    func count(_ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// Counts of every table that a write could touch.
    func tableCounts() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in ["appointments", "requests", "notices", "outbox", "audit", "slots", "cases"] {
            out[t] = try count("SELECT count(*) FROM \(t)")
        }
        out["booked"] = try count("SELECT coalesce(sum(booked), 0) FROM slots")
        return out
    }

    /// Every count but the audit log's: a refusal writes nothing but its audit row.
    func countsBesidesAudit() throws -> [String: Int] {
        var c = try tableCounts()
        c["audit"] = nil
        return c
    }

    /// The actions of the audit rows after row `after`.
    func auditActions(after: Int) throws -> [String] {
        try store.pool.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit WHERE id > ? ORDER BY id", arguments: [after]) }
    }
}
