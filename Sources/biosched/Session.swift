import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file.", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("A fixed clock, ISO 8601 with offset (training stores only), e.g. 2026-12-01T09:00:00-05:00.", valueName: "datetime"))
    var now: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting: applicant, representative, agent or officer.", valueName: "role"))
    var role: String?

    @Option(name: .long, help: ArgumentHelp("The account an applicant or representative acts as.", valueName: "id"))
    var account: String?

    @Flag(name: .long, help: "Print JSON (camelCase keys).")
    var json = false
}

/// An opened store, the acting person and the clock: what every command works with.
struct Session {
    let store: SQLiteBookingStore
    let info: StoreInfo
    let actor: Actor
    let osUser: String
    let fixedNow: Date?
    let json: Bool

    var now: Date { fixedNow ?? Date() }
    var clock: @Sendable () -> Date {
        let fixed = fixedNow
        return { fixed ?? Date() }
    }

    /// The default store location: $BIOSCHED_DB, else $XDG_DATA_HOME/biosched/biosched.sqlite.
    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["BIOSCHED_DB"], !p.isEmpty { return p }
        let data = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("biosched") as NSString).appendingPathComponent("biosched.sqlite")
    }

    static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    static func parseNow(_ text: String) throws(Failure) -> Date {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        if let d = f.date(from: text) { return d }
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = f.date(from: text) { return d }
        // Allow minutes without seconds: 2026-12-01T09:00-05:00.
        if let r = text.range(of: #"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})([+-]\d{2}:\d{2}|Z)$"#, options: .regularExpression) {
            let s = String(text[r])
            let idx = s.index(s.startIndex, offsetBy: 16)
            f.formatOptions = [.withInternetDateTime]
            if let d = f.date(from: String(s[..<idx]) + ":00" + String(s[idx...])) { return d }
        }
        throw Failure(.badInput, "--now \"\(text)\" is not an ISO 8601 date and time with an offset. Expected e.g. 2026-12-01T09:00:00-05:00 or 2026-12-01T14:00:00Z.")
    }

    /// Opens the store (creating the default demo store on first use) and resolves who is acting.
    static func open(_ g: GlobalOptions, createDefault: Bool = true) throws(Failure) -> Session {
        let path = g.db ?? defaultPath()
        let user = currentUser()
        var fixedNow: Date?
        if let n = g.now { fixedNow = try parseNow(n) }
        if g.db == nil && createDefault && !FileManager.default.fileExists(atPath: path) {
            try DemoStore.create(path: path, user: user, now: fixedNow ?? Date(), seed: 1, quiet: g.json)
        }
        let store: SQLiteBookingStore
        let info: StoreInfo
        do {
            store = try SQLiteBookingStore(path: path)
            info = try store.storeInfo()
        } catch { throw Failure(storeError: error) }
        if fixedNow != nil && !info.isTraining {
            throw Failure(.badInput, "--now is refused: \(path) is a production store, and only training stores take a fixed clock.")
        }
        let actor = try resolveActor(g, store: store, info: info, user: user)
        return Session(store: store, info: info, actor: actor, osUser: user, fixedNow: fixedNow, json: g.json)
    }

    /// Opens the store for a command only officers may run; `purpose` completes "only officers ...".
    static func openAsOfficer(_ g: GlobalOptions, to purpose: String) throws(Failure) -> Session {
        let s = try open(g)
        guard s.actor.role == .officer else {
            throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): only officers \(purpose) (acting as \(s.actor.role.rawValue)).")
        }
        return s
    }

    /// Who is acting, and whether this local user may act so (training stores allow any role).
    static func resolveActor(_ g: GlobalOptions, store: SQLiteBookingStore, info: StoreInfo, user: String) throws(Failure) -> Actor {
        var role: Role?
        if let r = g.role {
            guard let parsed = Role(rawValue: r.lowercased()) else {
                throw Failure(.badInput, "--as \"\(r)\" is not a role. Expected applicant, representative, agent or officer.")
            }
            role = parsed
        }
        let staff: StaffRole?
        do { staff = try store.staffRole(of: user) } catch { throw Failure(storeError: error) }
        if role == nil {
            switch staff {
            case .officer: role = .officer
            case .agent: role = .agent
            case .gateway: throw Failure(.badInput, "\(user) is the gateway account: name --as applicant or --as representative, and --account.")
            case nil:
                if info.isTraining { role = .agent } else {
                    throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): \(user) is not a staff user of this store. An officer can add you with `biosched users add \(user) --role agent`.")
                }
            }
        }
        let r = role!
        switch r {
        case .applicant, .representative:
            guard let account = g.account, !account.isEmpty else {
                throw Failure(.badInput, "--as \(r.rawValue) needs --account ID: the \(r.rawValue)'s account.")
            }
            if !info.isTraining && staff != .gateway {
                throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): only the gateway account may act as an applicant or representative on a production store.")
            }
            let accountRole: Role?
            do { accountRole = try store.accountRole(account) } catch { throw Failure(storeError: error) }
            guard accountRole == r else {
                throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): there is no \(r.rawValue) account \"\(account)\".")
            }
            return Actor(role: r, id: account)
        case .agent, .officer:
            if g.account != nil { throw Failure(.badInput, "--account is for applicants and representatives; staff act as their own login (\(user)).") }
            if !info.isTraining {
                let allowed = r == .agent ? (staff == .agent || staff == .officer) : staff == .officer
                guard allowed else {
                    throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): \(user) may not act as \(r.rawValue) on this store (staff role: \(staff?.rawValue ?? "none")).")
                }
            }
            return Actor(role: r, id: user)
        }
    }

    /// The banner every output on a training store carries.
    static let trainingBanner = "TRAINING STORE: demo data, not real cases."

    /// Prints text output, headed by the training banner on a training store.
    func say(_ text: String) {
        if info.isTraining { print("[\(Session.trainingBanner)]") }
        print(text)
    }

    /// Prints a JSON object, with `"training": true` on a training store.
    func sayJSON(_ object: [String: Any]) {
        var o = object
        o["training"] = info.isTraining
        print(JSONOutput.string(o))
    }

    func receipt(_ text: String) throws(Failure) -> ReceiptNumber {
        do { return try ReceiptNumber(parsing: text) } catch {
            throw Failure(.badInput, "\(VerdictCode.invalidReceipt.rawValue): \(error.message)")
        }
    }

    func center(_ code: String) throws(Failure) -> Center {
        let c: Center?
        do { c = try store.center(code: code) } catch { throw Failure(storeError: error) }
        guard let c else { throw Failure(storeError: .unknownCenter(code.uppercased())) }
        return c
    }
}

extension Failure {
    init(storeError e: StoreError) {
        switch e {
        case .notAuthorized: self.init(.refused, e.message)
        case .unknownCenter, .unknownRequest, .invalidInput: self.init(.badInput, e.message)
        case .busy, .unusable, .failed: self.init(.storeError, e.message)
        }
    }
}

enum JSONOutput {
    static func string(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
