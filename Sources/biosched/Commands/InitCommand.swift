import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a store. --demo fills a training store with demo data.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Fill the store with deterministic demo data (implies --training).") var demo = false
    @Flag(help: "Create a training store (takes --now, any role may be taken, every output says so).") var training = false
    @Option(help: "The demo data's seed.") var seed: UInt64 = 1
    @Option(name: .customLong("lead-hours"), help: "Slots must start more than this many hours ahead.") var leadHours = SlotWindow.defaultLeadHours
    @Option(name: .customLong("horizon-days"), help: "Slots must start at most this many days ahead.") var horizonDays = SlotWindow.defaultHorizonDays
    @Option(
        help: ArgumentHelp(
            "Make the store (and any folder made for it) readable and writable by this group too (0660/2770); by default only its owner may (0600/0700).",
            valueName: "group"))
    var group: String?
    @Option(
        name: .customLong("enroll-host"),
        help: ArgumentHelp(
            "Where callers enroll their SSH key: notices and messages say `ssh enroll-user@HOST` (a DNS name, an IPv4 address or [IPv6], optionally :PORT). Later: `biosched settings set enroll-host HOST`.",
            valueName: "host"))
    var enrollHost: String?
    @Option(
        name: .customLong("enroll-user"),
        help: ArgumentHelp("The service account sshd admits, as notices name it (default biosched: scripts/install.sh --user).", valueName: "login"))
    var enrollUser: String?

    /// `--enroll-host` and `--enroll-user`, checked before anything is made.
    func settings(_ t: Catalog) throws(Failure) -> [StoreSetting: String] {
        var out: [StoreSetting: String] = [:]
        for (setting, value) in [(StoreSetting.enrollHost, enrollHost), (.enrollUser, enrollUser)] {
            guard let value else { continue }
            do { out[setting] = try setting.normalize(value) } catch { throw Failure(.badInput, error.message(in: t.language)) }
        }
        return out
    }

    /// What notices will say, after the store is made (text output only).
    func doorLine(_ s: Session) -> String {
        guard let door = try? s.store.enrollmentDoor() else { return "" }
        return "\n" + (door.command.map { s.t.initEnrollHost($0) } ?? s.t.initNoEnrollHost)
    }

    func run() throws {
        let path = try Session.storePath(global)
        let user = Session.currentUser()
        let t = Session.catalog(global)
        let now = try global.now.map { (text: String) throws(Failure) in try Session.parseNow(text, t) } ?? Date()
        let isTraining = training || demo
        if global.now != nil && !isTraining { throw Failure(.badInput, t.nowOnlyTraining) }
        guard SlotWindow.leadHoursRange.contains(leadHours), SlotWindow.horizonDaysRange.contains(horizonDays) else {
            throw Failure(.badInput, t.badWindow)
        }
        let settings = try settings(t)
        if StoreBackends.isPostgres(path) {
            try createPostgres(path, user: user, now: now, isTraining: isTraining, settings: settings)
            return
        }
        let origin = try Session.origin(global, user: user)
        if demo {
            try DemoStore.create(path: path, user: user, now: now, seed: seed, quiet: true, origin: origin, group: group, settings: settings)
        } else {
            do {
                _ = try SQLiteBookingStore.create(
                    path: path, training: isTraining, createdBy: user, now: now,
                    window: SlotWindow(leadHours: leadHours, horizonDays: horizonDays),
                    origin: origin, group: group, settings: settings)
            } catch { throw Failure(storeError: error) }
        }
        let store: SQLiteBookingStore
        do { store = try SQLiteBookingStore(path: path) } catch { throw Failure(storeError: error) }
        let info: StoreInfo
        do { info = try store.storeInfo() } catch { throw Failure(storeError: error) }
        let s = Session(
            store: store, info: info, actor: Actor(role: .officer, id: user), osUser: user, fixedNow: nil, json: global.json,
            language: try Session.language(global))
        if global.json {
            s.sayJSON(["path": path, "demo": demo, "createdBy": user, "enrollCommand": (try? store.enrollmentDoor())?.command ?? NSNull()])
        } else {
            s.say(s.t.storeCreated(training: isTraining, path, demoSeed: demo ? seed : nil, user) + doorLine(s))
        }
    }

    /// The schema by migrations in an empty database and (with --demo) the demo data, in one
    /// transaction; a database that holds a biosched store already is refused.
    func createPostgres(_ url: String, user: String, now: Date, isTraining: Bool, settings: [StoreSetting: String]) throws(Failure) {
        if group != nil { throw Failure(.badInput, Session.catalog(global).groupNotOnPostgres) }
        #if PostgreSQL
        let origin = try Session.origin(global, user: user)
        let store: PostgresBookingStore
        do {
            let location = try PostgresLocation.parse(url)
            store = try PostgresBookingStore.create(
                location, training: isTraining, createdBy: user, now: now,
                window: SlotWindow(leadHours: leadHours, horizonDays: horizonDays), origin: origin,
                contents: demo ? DemoData.document(seed: seed, now: now) : nil, settings: settings)
        } catch { throw Failure(storeError: error) }
        defer { store.close() }
        let info: StoreInfo
        do { info = try store.storeInfo() } catch { throw Failure(storeError: error) }
        let s = Session(
            store: store, info: info, actor: Actor(role: .officer, id: user), osUser: user, fixedNow: nil, json: global.json,
            language: try Session.language(global))
        if global.json {
            s.sayJSON(["path": store.location, "demo": demo, "createdBy": user, "enrollCommand": (try? store.enrollmentDoor())?.command ?? NSNull()])
        } else {
            s.say(s.t.storeCreated(training: isTraining, store.location, demoSeed: demo ? seed : nil, user) + doorLine(s))
        }
        #else
        throw Failure(storeError: StoreBackends.withoutPostgres)
        #endif
    }
}
