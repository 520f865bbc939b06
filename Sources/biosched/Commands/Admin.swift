import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "Print the current appointment notice (R16).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The receipt number.") var receipt: String
    @Option(help: "text, or ics (an iCalendar file of the appointment, RFC 5545).") var format: NoticeCalendar.Format = .text
    func run() throws {
        let s = try Session.open(global)
        let r = try s.receipt(receipt)
        if format == .ics { return try NoticeCalendar.write(r, session: s) }
        let notice: AppointmentNotice?
        do { notice = try s.store.currentNotice(r, for: s.actor) } catch { throw Failure(storeError: error) }
        guard let notice else { throw Failure(.refused, "\(VerdictCode.notScheduled.rawValue): \(r.value) has no scheduled appointment, so there is no current notice.") }
        if s.json { s.sayJSON(["notice": Present.noticeJSON(notice)]) } else { s.say(notice.text) }
    }
}

struct AuditCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Print the append-only audit log (staff only).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only events of this receipt.") var receipt: String?
    @Option(help: "text, csv or json.") var format: Format = .text
    func run() throws {
        let s = try Session.open(global)
        guard s.actor.role.isStaff else { throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): the audit log is for staff.") }
        let r = try receipt.map { (t: String) throws(Failure) in try s.receipt(t) }
        let entries: [AuditEntry]
        do { entries = try s.store.auditLog(receipt: r) } catch { throw Failure(storeError: error) }
        let fmt: Format = s.json ? .json : format
        switch fmt {
        case .json:
            s.sayJSON(["events": entries.map { e -> [String: Any] in
                ["id": e.id, "at": JSONOutput.iso(e.at), "actorRole": e.actorRole, "actor": e.actor, "action": e.action,
                 "receipt": e.receipt ?? NSNull(), "requestId": e.requestID ?? NSNull(), "detail": e.detail]
            }])
        case .csv:
            if s.info.isTraining { print("# \(Session.trainingBanner)") }
            print("id,at,actor_role,actor,action,receipt,request_id,detail")
            for e in entries {
                print([String(e.id), JSONOutput.iso(e.at), e.actorRole, e.actor, e.action, e.receipt ?? "", e.requestID ?? "", e.detail].map(csv).joined(separator: ","))
            }
        case .text:
            s.say(entries.map { "\($0.id)\t\(JSONOutput.iso($0.at))\t\($0.actorRole):\($0.actor)\t\($0.action)\t\($0.receipt ?? "-")\t\($0.detail)" }
                .joined(separator: "\n") + (entries.isEmpty ? "No audit events." : ""))
        }
    }
    func csv(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

struct Users: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Which local users are staff (officers only).",
                                                    subcommands: [Add.self, Remove.self, List.self], defaultSubcommand: List.self)

    static func officer(_ g: GlobalOptions) throws(Failure) -> Session { try Session.openAsOfficer(g, to: "manage staff users") }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make a local user an agent, officer or gateway (the SSH service account).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The local login name.") var user: String
        @Option(help: "agent, officer or gateway.") var role: String
        func run() throws {
            let s = try Users.officer(global)
            guard let r = StaffRole(rawValue: role.lowercased()) else { throw Failure(.badInput, "--role \"\(role)\": expected agent, officer or gateway.") }
            do { try s.store.addStaff(user, role: r, by: s.actor.id, now: s.now) } catch { throw Failure(storeError: error) }
            s.say("\(user) is now \(r == .agent ? "an" : "a") \(r.rawValue).")
        }
    }
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a staff user.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The local login name.") var user: String
        func run() throws {
            let s = try Users.officer(global)
            do { try s.store.removeStaff(user, by: s.actor.id, now: s.now) } catch { throw Failure(storeError: error) }
            s.say("\(user) is no longer staff.")
        }
    }
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff users.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let s = try Users.officer(global)
            let list: [StaffMember]
            do { list = try s.store.staff() } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON(["users": list.map { ["user": $0.user, "role": $0.role.rawValue, "addedAt": JSONOutput.iso($0.addedAt), "addedBy": $0.addedBy] }])
            } else {
                s.say(list.map { "\($0.user)\t\($0.role.rawValue)\tadded \(JSONOutput.iso($0.addedAt)) by \($0.addedBy)" }.joined(separator: "\n"))
            }
        }
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create a store. --demo fills a training store with demo data.")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Fill the store with deterministic demo data (implies --training).") var demo = false
    @Flag(help: "Create a training store (takes --now, any role may be taken, every output says so).") var training = false
    @Option(help: "The demo data's seed.") var seed: UInt64 = 1
    @Option(name: .customLong("lead-hours"), help: "Slots must start more than this many hours ahead.") var leadHours = 24
    @Option(name: .customLong("horizon-days"), help: "Slots must start at most this many days ahead.") var horizonDays = 30

    func run() throws {
        let path = global.db ?? Session.defaultPath()
        let user = Session.currentUser()
        let now = try global.now.map { (t: String) throws(Failure) in try Session.parseNow(t) } ?? Date()
        let isTraining = training || demo
        if global.now != nil && !isTraining { throw Failure(.badInput, "--now is refused: only training stores (--training or --demo) take a fixed clock.") }
        guard (0...720).contains(leadHours), (1...366).contains(horizonDays) else {
            throw Failure(.badInput, "--lead-hours must be 0 to 720 and --horizon-days 1 to 366.")
        }
        if demo {
            try DemoStore.create(path: path, user: user, now: now, seed: seed, quiet: true)
        } else {
            do {
                _ = try SQLiteBookingStore.create(path: path, training: isTraining, createdBy: user, now: now,
                                                  window: SlotWindow(leadHours: leadHours, horizonDays: horizonDays))
            } catch { throw Failure(storeError: error) }
        }
        let store: SQLiteBookingStore
        do { store = try SQLiteBookingStore(path: path) } catch { throw Failure(storeError: error) }
        let info: StoreInfo
        do { info = try store.storeInfo() } catch { throw Failure(storeError: error) }
        let s = Session(store: store, info: info, actor: Actor(role: .officer, id: user), osUser: user, fixedNow: nil, json: global.json)
        if global.json {
            s.sayJSON(["path": path, "demo": demo, "createdBy": user])
        } else {
            s.say("Created \(isTraining ? "a training" : "a production") store at \(path)\(demo ? " with demo data (seed \(seed))" : ""). \(user) is its first officer.")
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load centers, accounts, cases and appointments from JSON: all or nothing.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The JSON file (see README for the format).") var file: String
    func run() throws {
        let s = try Session.openAsOfficer(global, to: "import data")
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(.badInput, "Cannot read \(file): no such file, or not readable.") }
        let doc: ImportDocument
        do { doc = try ImportDocument.parse(json: data) } catch { throw Failure(.badInput, "Import refused, nothing was written. \(file): \(error.description)") }
        let summary: ImportSummary
        do { summary = try s.store.importDocument(doc, actor: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
        if s.json {
            s.sayJSON(["centers": summary.centers, "accounts": summary.accounts, "cases": summary.cases, "appointments": summary.appointments])
        } else {
            s.say("Imported \(summary.centers) centers, \(summary.accounts) accounts, \(summary.cases) cases, \(summary.appointments) appointments.")
        }
    }
}

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Summarize the store (the default).", shouldDisplay: false)
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let s = try Session.open(global)
        let c: StoreCounts
        do { c = try s.store.counts() } catch { throw Failure(storeError: error) }
        if s.json {
            s.sayJSON(["path": s.store.path, "centers": c.centers, "cases": c.cases, "appointments": c.appointments,
                       "scheduled": c.scheduled, "escalated": c.escalated, "actor": ["role": s.actor.role.rawValue, "id": s.actor.id]])
            return
        }
        s.say("""
        biosched store \(s.store.path)
          \(c.centers) centers, \(c.cases) cases, \(c.appointments) appointments (\(c.scheduled) scheduled), \(c.escalated) escalated requests waiting
          acting as \(s.actor.role.rawValue) \(s.actor.id)
        Try: biosched status IOE0923456781 · biosched slots --center BOS · biosched tui · biosched --help
        """)
    }
}

/// Creates a training store filled with the demo data.
enum DemoStore {
    static func create(path: String, user: String, now: Date, seed: UInt64, quiet: Bool) throws(Failure) {
        if !quiet { FileHandle.standardError.write(Data("Creating a training store with demo data at \(path) ...\n".utf8)) }
        do {
            let store = try SQLiteBookingStore.create(path: path, training: true, createdBy: user, now: now)
            _ = try store.importDocument(DemoData.document(seed: seed, now: now), actor: Actor(role: .officer, id: user), now: now)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw Failure(storeError: error)
        }
    }
}
