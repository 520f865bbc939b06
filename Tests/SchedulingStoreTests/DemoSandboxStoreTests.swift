import Foundation
import Scheduling
import Testing

@testable import SchedulingStore

/// `DemoSandboxStore`, the store behind `biosched demo`: made, copied from the prepared template,
/// opened through the hooks for a database, refused when it is a production store; its folder
/// removed at the end and on every refusal.
@Suite("The demo sandbox's store", .serialized)
struct DemoSandboxStoreTests {
    static let now = DemoDataTests.now

    /// Records what the sandbox asked of its hooks.
    final class Calls: @unchecked Sendable {
        var creating: [String] = []
        var guarded: [String] = []
        var unguarded = 0
        var database: [String] = []
    }

    static func hooks(_ calls: Calls, database: (any TrainingSandbox)? = nil) -> DemoSandboxStore.Hooks {
        DemoSandboxStore.Hooks(
            isDatabase: { $0.hasPrefix("postgresql://") },
            openDatabase: { location, _, _ throws(StoreError) in
                calls.database.append(location)
                guard let database else { throw .unusable("no server here") }
                return (database, false)
            },
            creating: { calls.creating.append($0) },
            guardFolder: { calls.guarded.append($0) },
            unguardFolder: { calls.unguarded += 1 })
    }

    static func ownFolders() -> Set<String> {
        let all = (try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? []
        return Set(all.filter { $0.hasPrefix("biosched-demo-\(getpid())-") })
    }

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test("Without --db: a new training store in the session's folder, made once, kept for reset, removed at the end")
    func madeAndRemoved() throws {
        let calls = Calls()
        let before = Self.ownFolders()
        let sandbox = try DemoSandboxStore.open(db: nil, now: Self.now, flowStart: nil, seed: 1, user: "trainer", template: nil, hooks: Self.hooks(calls))
        #expect(sandbox.created && !sandbox.fromTemplate)
        #expect(sandbox.info.isTraining)
        #expect(sandbox.start == Self.now && sandbox.storiesPlacedAt == Self.now)
        #expect(calls.creating == [sandbox.folder.appendingPathComponent("sandbox.sqlite").path])
        #expect(calls.guarded == [sandbox.folder.path] && calls.unguarded == 1)
        #expect(calls.database.isEmpty)
        #expect(FileManager.default.fileExists(atPath: sandbox.pristine.name))
        try sandbox.store.reset(to: sandbox.pristine)
        sandbox.remove()
        #expect(!FileManager.default.fileExists(atPath: sandbox.folder.path))
        #expect(Self.ownFolders() == before)
    }

    @Test("The usual run copies a young prepared template: not made again, its clock from the template's moment")
    func fromTemplate() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let template = DemoTemplate(path: dir.appendingPathComponent("template.sqlite").path)
        let made = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 - 3600)
        _ = try SQLiteBookingStore.createDemo(path: template.path, createdBy: "trainer", now: made, seed: 1, caseCount: 100)
        #expect(template.isUsable(now: Date()))
        #expect(!template.isUsable(now: made.addingTimeInterval(DemoTemplate.maxAge + 1))) // a week old: rebuilt
        let calls = Calls()
        let sandbox = try DemoSandboxStore.open(db: nil, now: nil, flowStart: nil, seed: 1, user: "trainer", template: template, hooks: Self.hooks(calls))
        defer { sandbox.remove() }
        #expect(sandbox.fromTemplate && !sandbox.created)
        #expect(calls.creating.isEmpty)
        #expect(sandbox.start == made && sandbox.storiesPlacedAt == made)
        #expect(sandbox.store.location != template.path) // a copy: the template is never written
    }

    @Test(
        "A production store at --db is refused by name and left as it was; the session's folder goes",
        arguments: [Language.en, .es])
    func productionRefused(_ language: Language) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("prod.sqlite").path
        try SQLiteBookingStore.create(path: path, training: false, createdBy: "admin", now: Self.now).close()
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        let before = Self.ownFolders()
        let calls = Calls()
        do {
            _ = try DemoSandboxStore.open(db: path, now: nil, flowStart: nil, seed: 1, user: "trainer", template: nil, hooks: Self.hooks(calls))
            Issue.record("a production store was opened as a sandbox")
        } catch {
            guard case let .notTraining(location, database) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(location == path && !database)
            #expect(error.message(Catalog(language)) == Catalog(language).demoNotProduction(path))
        }
        #expect(calls.creating.isEmpty)
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == size)
        #expect(Self.ownFolders() == before)
    }

    @Test("A database location goes to the hook; its store error is the sandbox's, and nothing is left behind")
    func database() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let calls = Calls()
        let before = Self.ownFolders()
        #expect(throws: DemoSandboxError.self) {
            try DemoSandboxStore.open(
                db: "postgresql://trainer@db/demo", now: Self.now, flowStart: nil, seed: 1, user: "trainer",
                template: nil, hooks: Self.hooks(calls))
        }
        #expect(calls.database == ["postgresql://trainer@db/demo"])
        #expect(Self.ownFolders() == before)
        // A training store the hook hands back is the sandbox, kept for reset as any other.
        let store = try SQLiteBookingStore.create(path: dir.appendingPathComponent("db.sqlite").path, training: true, createdBy: "trainer", now: Self.now)
        let sandbox = try DemoSandboxStore.open(
            db: "postgresql://trainer@db/demo", now: Self.now, flowStart: nil, seed: 1, user: "trainer",
            template: nil, hooks: Self.hooks(calls, database: store))
        defer { sandbox.remove() }
        #expect(!sandbox.created && sandbox.info.isTraining && calls.creating.isEmpty)
    }
}
