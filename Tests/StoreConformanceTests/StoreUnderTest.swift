import Foundation
import PostgresTestSupport
import Scheduling
import SchedulingStore
import Testing

#if PostgreSQL
import PostgresStore
#endif

/// Every store the conformance suite runs against, built with the same small data set through
/// the public protocols only (no SQL).
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    /// `sqliteLean`: an interactive session's SQLite store (`lean: true`: reads through the writing
    /// connection, a small page cache), which must behave exactly as the pooled one.
    case memory, sqlite, sqliteLean = "sqlite-lean", postgresql
    var testDescription: String { rawValue }
    /// Every store this build has: PostgreSQL with the package trait `PostgreSQL` (the default).
    static var allCases: [StoreKind] {
        #if PostgreSQL
        [.memory, .sqlite, .sqliteLean, .postgresql]
        #else
        [.memory, .sqlite, .sqliteLean]
        #endif
    }
    /// The stores kept in a file or on a server.
    static var persistent: [StoreKind] { allCases.filter { $0 != .memory } }
}

typealias ConformingStore = BookingStore & StoreAdministration & StoreSettings & DocumentImporting & TransactionalStore

/// Monday 2026-06-15 09:00 EDT (13:00Z).
let conformanceNow = ISO8601DateFormatter().date(from: "2026-06-15T13:00:00Z")!
let officer = Actor(role: .officer, id: "officer.jones")
let agent = Actor(role: .agent, id: "agent.smith")
let maria = Actor(role: .applicant, id: "maria")
let li = Actor(role: .applicant, id: "li")

struct StoreUnderTest {
    let store: any ConformingStore
    let cleanup: () -> Void

    init(_ kind: StoreKind, stations: Int = 2, training: Bool = true) throws {
        switch kind {
        case .memory:
            store = MemoryBookingStore(training: training, createdBy: officer.id, now: conformanceNow)
            cleanup = {}
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            store = try SQLiteBookingStore.create(
                path: dir.appendingPathComponent("store.sqlite").path, training: training,
                createdBy: officer.id, now: conformanceNow)
            cleanup = { try? FileManager.default.removeItem(at: dir) }
        case .sqliteLean:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-conformance-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let path = dir.appendingPathComponent("store.sqlite").path
            try SQLiteBookingStore.create(path: path, training: training, createdBy: officer.id, now: conformanceNow).close()
            store = try SQLiteBookingStore(path: path, lean: true)
            cleanup = { try? FileManager.default.removeItem(at: dir) }
        case .postgresql:
            #if PostgreSQL
            let cluster = try PostgresUnderTest.cluster()
            let db = try cluster.createDatabase()
            let pg = try PostgresBookingStore.create(
                try PostgresLocation.parse(cluster.url(db)), training: training,
                createdBy: officer.id, now: conformanceNow)
            store = pg
            cleanup = {
                pg.close()
                _ = try? cluster.psql("DROP DATABASE \(db)")
            }
            #else
            throw StoreError.unusable("built without the PostgreSQL store")
            #endif
        }
        _ = try store.importDocument(Self.document(stations: stations), actor: officer, now: conformanceNow)
    }

    static func document(stations: Int) -> ImportDocument {
        var doc = ImportDocument()
        let weekdays: [Weekday: String] = [.mon: "08:00-16:00", .tue: "08:00-16:00", .wed: "08:00-16:00", .thu: "08:00-16:00", .fri: "08:00-16:00"]
        doc.centers = [
            .init(
                code: "BOS", name: "Boston ASC", address: "170 Tremont St", city: "Boston", state: "MA", timeZone: "America/New_York",
                slotMinutes: 30, stations: stations, hours: weekdays, closures: ["2026-06-19"])
        ]
        doc.accounts = [
            .init(
                id: "maria", role: "applicant", name: "María García", email: "maria@example.org", phone: "(617) 555-0142",
                aNumber: "A012345678", dateOfBirth: LocalDate(iso: "1985-03-14")),
            .init(id: "li", role: "applicant", name: "Li Wei"),
            .init(id: "jose", role: "applicant", name: "José Luis Garcia", dateOfBirth: LocalDate(iso: "1990-07-01"))
        ]
        doc.cases = [
            .init(receipt: "EAC2414052317", form: "I-485", applicant: "maria"),
            .init(receipt: "WAC2390112345", form: "I-765", applicant: "li"),
            .init(receipt: "IOE0923456781", form: "I-589", applicant: nil, applicantName: "Ana Pérez"),
            .init(receipt: "LIN2501234567", form: "I-130", applicant: "jose")
        ]
        doc.appointments = [
            .init(receipt: "EAC2414052317", center: "BOS", start: "2026-06-18T09:00"),
            .init(receipt: "WAC2390112345", center: "BOS", start: "2026-06-15T20:00"),
            .init(receipt: "IOE0923456781", center: "BOS", start: "2026-06-22T10:00")
        ]
        for i in 0..<16 {
            let r = "MSC26" + String(format: "%08d", i)
            doc.cases.append(.init(receipt: r, form: "N-400", applicant: nil, applicantName: "Filler \(i)"))
            // Tuesday 06-23, one booking per slot from 08:00 on: never over capacity.
            doc.appointments.append(.init(receipt: r, center: "BOS", start: String(format: "2026-06-23T%02d:%02d", 8 + i / 2, i % 2 * 30)))
        }
        return doc
    }
}

func receipt(_ s: String) -> ReceiptNumber { try! ReceiptNumber(parsing: s) }

func request(
    _ r: String, _ actor: Actor, to: String, reason: GoodCauseReason? = .medical, id: String = UUID().uuidString,
    version: Int? = nil, appointment: Int64? = nil, center: String? = nil
) -> RescheduleRequest {
    RescheduleRequest(
        requestID: id, receipt: receipt(r), actor: actor,
        goodCause: reason.map { GoodCause(reason: $0, explanation: $0 == .other ? "court date" : "") },
        centerCode: center, to: LocalDateTime(iso: to)!, notify: .email, expectedVersion: version, expectedAppointmentID: appointment)
}

let clock: @Sendable () -> Date = { conformanceNow }

/// The private cluster, or a loud skip naming the package to install (a failure when
/// BIOSCHED_REQUIRE_POSTGRES=1, as in CI).
enum PostgresUnderTest {
    static func cluster() throws -> PostgresCluster {
        switch PostgresCluster.shared {
        case let .success(c): return c
        case let .failure(why):
            if PostgresCluster.required { throw why }
            FileHandle.standardError.write(Data("SKIPPED (PostgreSQL): \(why)\n".utf8))
            try Test.cancel("PostgreSQL not available: \(why)")
        }
    }
}
