import Foundation
import Scheduling
import SchedulingStore

@testable import TerminalUI

/// The in-memory store (no files, no SQLite: the same protocols and the conformance suite's
/// guarantees) with a few cases, and programs driven headless on it at a fixed clock.
struct UIFixture {
    let dir: URL
    let store: MemoryBookingStore
    /// A file the program must never write (stands for the store's file when notices are saved).
    var protectedFile: String { dir.appendingPathComponent("store.sqlite").path }
    /// Monday 2026-06-15 09:00 EDT.
    static let now = ISO8601DateFormatter().date(from: "2026-06-15T13:00:00Z")!

    /// `longValues`: a center, an account and a case whose values are the longest a screen must
    /// show whole (the demo's longest zone, a long email, a long name).
    init(longValues: Bool = false) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-ui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        store = MemoryBookingStore(training: true, createdBy: "officer.jones", now: UIFixture.now)
        _ = FileManager.default.createFile(atPath: dir.appendingPathComponent("store.sqlite").path, contents: Data("STORE".utf8))
        var doc = ImportDocument()
        let hours: [Weekday: String] = [.mon: "08:00-12:00", .tue: "08:00-12:00", .wed: "08:00-12:00", .thu: "08:00-12:00", .fri: "08:00-12:00"]
        doc.centers = [
            .init(
                code: "BOS", name: "Boston ASC", address: "170 Tremont St", city: "Boston", state: "MA", timeZone: "America/New_York",
                slotMinutes: 30, stations: 2, hours: hours, closures: ["2026-06-19"]),
            .init(
                code: "PHX", name: "Phoenix ASC", address: "1 N Central Ave", city: "Phoenix", state: "AZ", timeZone: "America/Phoenix",
                slotMinutes: 30, stations: 2, hours: hours)
        ]
        doc.accounts = [
            .init(id: "maria", role: "applicant", name: "María García", email: "maria@example.org"),
            .init(id: "attorney.lee", role: "representative", name: "Jordan Lee")
        ]
        doc.cases = [
            .init(receipt: "EAC2414052317", form: "I-485", applicant: "maria", representatives: ["attorney.lee"]),
            .init(receipt: "WAC2390112345", form: "I-765", applicant: "maria"),
            .init(receipt: "IOE0923456781", form: "I-589", applicant: nil, applicantName: "Ana Pérez", representatives: ["attorney.lee"]),
            .init(receipt: "LIN2501234567", form: "N-400", applicant: nil, applicantName: "李小龙", representatives: ["attorney.lee"])
        ]
        doc.appointments = [
            .init(receipt: "EAC2414052317", center: "BOS", start: "2026-06-18T09:00"),
            .init(receipt: "WAC2390112345", center: "BOS", start: "2026-06-15T20:00"),
            .init(receipt: "IOE0923456781", center: "BOS", start: "2026-06-22T10:00"),
            .init(receipt: "LIN2501234567", center: "PHX", start: "2026-06-12T10:00", status: "missed")
            // Fill Wednesday 06-24 08:00 and 08:30 at BOS.
        ]
        for (i, t) in ["08:00", "08:00", "08:30"].enumerated() {
            let r = "MSC26000000\(10 + i)"
            doc.cases.append(.init(receipt: r, form: "I-90", applicant: nil, applicantName: "Filler \(i)"))
            doc.appointments.append(.init(receipt: r, center: "BOS", start: "2026-06-24T\(t)"))
        }
        if longValues {
            doc.centers.append(
                .init(
                    code: "IND", name: "Indianapolis ASC", address: "950 N Meridian St", city: "Indianapolis", state: "IN",
                    timeZone: "America/Indiana/Indianapolis", slotMinutes: 20, stations: 2, hours: hours))
            doc.accounts.append(
                .init(
                    id: "guadalupe", role: "applicant", name: "Guadalupe Shevchenko Rodríguez Wiśniewski Nakamura",
                    email: "guadalupe.rodriguez-nakamura.family@example.org", phone: "(317) 555-0199"))
            doc.cases.append(.init(receipt: "NBC2412345678", form: "I-130", applicant: "guadalupe"))
            doc.appointments.append(.init(receipt: "NBC2412345678", center: "IND", start: "2026-06-18T10:00"))
        }
        _ = try store.importDocument(doc, actor: Actor(role: .officer, id: "officer.jones"), now: UIFixture.now)
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    func program(
        _ actor: Actor, size: Size = Size(columns: 80, rows: 24), canWriteFiles: Bool = true, savingFiles: Bool = false,
        language: Language = .en
    ) throws -> Program {
        let config = AppConfig(
            actor: actor, isTraining: true, window: try store.storeInfo().window, sessionID: "t", canWriteFiles: canWriteFiles,
            language: language)
        let now = UIFixture.now
        var p = Program(
            state: AppState(config: config, now: now, size: size),
            runner: EffectRunner(store: store, clock: { now }, writeFile: savingFiles ? EffectRunner.writingFiles(protecting: protectedFile) : nil))
        p.send(.tick(now))
        return p
    }

    static let agent = Actor(role: .agent, id: "agent.smith")
    static let officer = Actor(role: .officer, id: "officer.jones")
    static let maria = Actor(role: .applicant, id: "maria")
    static let lee = Actor(role: .representative, id: "attorney.lee")
}
