import Foundation
import GRDB
import Scheduling
import Testing

@testable import SchedulingStore

/// The default demo store that the first `biosched` makes (no --db; `$XDG_DATA_HOME/biosched/
/// biosched.sqlite`) is there whole or not at all: it is built in a hidden file beside its path and
/// linked into place when it is complete (`StoreFile.createAtomically`). The real binary, killed
/// while it builds, and two first runs started together.
@Suite("The first run's demo store is never half-written", .serialized)
struct DemoStoreFirstRunTests {
    static let building = ".biosched.sqlite.creating-"

    static func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-first-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Names in the store's folder that are a creation's hidden file.
    static func buildingFiles(_ storeFolder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: storeFolder.path)) ?? []).filter { $0.hasPrefix(building) }
    }

    /// Waits (up to two minutes, the binary may be slow on a loaded machine) until a creation's file shows.
    static func waitForBuilding(_ storeFolder: URL, _ p: Process) -> Bool {
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && p.isRunning {
            if !buildingFiles(storeFolder).isEmpty { return true }
            usleep(2_000)
        }
        return false
    }

    /// How many times the store was filled with the demo data (its `imported` audit rows), and whether the chain holds.
    static func imports(_ path: String) throws -> (Int, Bool) {
        let store = try SQLiteBookingStore(path: path)
        defer { store.close() }
        let intact = try store.verifyAudit().firstBroken == nil
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        let n = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE action = 'imported'") ?? -1 }
        return (n, intact)
    }

    @Test("A first run killed while it builds the demo store leaves no store; the next run removes the dead one's file and builds it whole")
    func killedMidway() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_DATA_HOME": dir.path, "HOME": dir.path]
        let storeFolder = dir.appendingPathComponent("biosched")
        let store = storeFolder.appendingPathComponent("biosched.sqlite").path
        let (p, out, err) = Binary.process(["--json", "summary"], env: env)
        try p.run()
        let caught = Self.waitForBuilding(storeFolder, p)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        #expect(caught, "the binary was not seen building the store")
        #expect(p.terminationReason == .uncaughtSignal)
        // Nothing at the store's path: the next run must not take a part for a store.
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(Self.buildingFiles(storeFolder).count == 1)

        let again = try Binary.run(["--json", "summary"], env: env)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(FileManager.default.fileExists(atPath: store))
        #expect(Self.buildingFiles(storeFolder).isEmpty, "the dead creation's file is removed")
        let (n, intact) = try Self.imports(store)
        #expect(n == 1 && intact)
    }

    @Test("Two first runs at once: the second says it waits, waits for the first, and uses the store the first made")
    func twoAtOnce() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["XDG_DATA_HOME": dir.path, "HOME": dir.path]
        let storeFolder = dir.appendingPathComponent("biosched")
        let store = storeFolder.appendingPathComponent("biosched.sqlite").path
        let (first, out1, err1) = Binary.process(["--json", "summary"], env: env)
        try first.run()
        let caught = Self.waitForBuilding(storeFolder, first)
        let (second, out2, err2) = Binary.process(["--json", "summary"], env: env)
        try second.run()
        let o1 = out1.fileHandleForReading.readDataToEndOfFile()
        let e1 = err1.fileHandleForReading.readDataToEndOfFile()
        let o2 = out2.fileHandleForReading.readDataToEndOfFile()
        let e2 = err2.fileHandleForReading.readDataToEndOfFile()
        first.waitUntilExit()
        second.waitUntilExit()
        #expect(caught, "the first run was not seen building the store")
        #expect(first.terminationStatus == 0, "\(String(decoding: e1, as: UTF8.self))")
        #expect(second.terminationStatus == 0, "\(String(decoding: e2, as: UTF8.self))")
        #expect(String(decoding: e2, as: UTF8.self).contains("Another biosched is creating the store at \(store) right now: waiting for it to finish"))
        // Both read the same store: one set of demo data, one chain.
        #expect(!o1.isEmpty && o1 == o2)
        let (n, intact) = try Self.imports(store)
        #expect(n == 1 && intact)
        #expect(Self.buildingFiles(storeFolder).isEmpty)
    }

    @Test("An existing store is never replaced: createDemo refuses it, the first run's creation keeps it as it was")
    func existingPathRefused() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("store.sqlite").path
        let now = DemoStoreCreationTests.now
        try SQLiteBookingStore.createDemo(path: path, createdBy: "trainer", now: now, seed: 1, caseCount: 100)
        let before = try DemoStoreCreationTests.fingerprint(path)
        #expect(throws: StoreError.self) { try SQLiteBookingStore.createDemo(path: path, createdBy: "trainer", now: now, seed: 2, caseCount: 100) }
        // The default store's first use keeps what is there.
        var waited = false
        let made = try SQLiteBookingStore.createDemoIfMissing(path: path, createdBy: "trainer", now: now, seed: 2, caseCount: 100) { waited = true }
        #expect(made == nil && !waited)
        #expect(try DemoStoreCreationTests.fingerprint(path) == before)
        #expect(Self.buildingFiles(dir).isEmpty)
    }

    @Test("A creation that another one, alive, keeps waiting past the limit gives up, saying so: nothing made, nothing removed")
    func waitIsBounded() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("store.sqlite").path
        // Another creator holds the folder (flock belongs to the open file description: this one is
        // not the creation's own), and its hidden file is there.
        let holder = open(dir.path, O_RDONLY | O_DIRECTORY)
        try #require(holder >= 0 && flock(holder, LOCK_EX) == 0)
        defer { close(holder) }
        let theirs = dir.appendingPathComponent(".store.sqlite.creating-4242").path
        try Data("half".utf8).write(to: URL(fileURLWithPath: theirs))
        var waited = false, built = false
        let started = Date()
        do {
            _ = try StoreFile.createAtomically(
                path, group: nil, keepExisting: true, waitingAtMost: 0.3, waiting: { waited = true },
                build: { (_: String) throws(StoreError) in built = true })
            Issue.record("created while another creation held the folder")
        } catch {
            #expect(error.isBusy)
            let text = error.message(in: .en)
            #expect(text.contains(path) && text.contains("has not finished") && text.contains(".store.sqlite.creating-PID"), "\(text)")
            #expect(error.message(in: .es).contains("no ha terminado"))
        }
        #expect(waited && !built)
        #expect(Date().timeIntervalSince(started) >= 0.3)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(FileManager.default.fileExists(atPath: theirs), "a live creator's file is its own")
        // Once the other creation is done, the next one goes ahead (and removes what a dead one left).
        flock(holder, LOCK_UN)
        let made: Bool? = try StoreFile.createAtomically(
            path, group: nil, keepExisting: true, waitingAtMost: 0.3, waiting: {},
            build: { (file: String) throws(StoreError) -> Bool in FileManager.default.createFile(atPath: file, contents: Data("store".utf8)) })
        #expect(made == true && FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: theirs))
    }
}
