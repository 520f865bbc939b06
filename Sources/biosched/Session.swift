import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store: a SQLite file, a postgresql://USER@HOST:PORT/DATABASE URL (no password: PGPASSWORD or ~/.pgpass), or `postgres` for the PGHOST/PGPORT/PGUSER/PGDATABASE environment.",
            valueName: "path|url"))
    var db: String?

    @Option(
        name: .long, help: ArgumentHelp("A fixed clock, ISO 8601 with offset (training stores only), e.g. 2026-12-01T09:00:00-05:00.", valueName: "datetime"))
    var now: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("Who is acting: applicant, representative, agent or officer.", valueName: "role"))
    var role: String?

    @Option(name: .long, help: ArgumentHelp("The account an applicant or representative acts as.", valueName: "id"))
    var account: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The staff person a session of the service account acts for (written into the forced command by `biosched access add --staff`; only the gateway account may name one).",
            valueName: "login"))
    var login: String?

    @Option(
        name: .customLong("via-key"),
        help: ArgumentHelp(
            "The fingerprint of the SSH key that let this session in (written by `biosched access add`; recorded in the audit log).", valueName: "fingerprint",
            visibility: .hidden))
    var viaKey: String?

    @Flag(name: .long, help: "Print JSON (camelCase keys).")
    var json = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The language of screens, messages and notices: en or es. Default: the account's language, else $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG, else English.",
            valueName: "code"))
    var lang: String?
}

/// An opened store, the acting person and the clock: what every command works with.
struct Session {
    let store: any OpenedStore
    let info: StoreInfo
    let actor: Actor
    let osUser: String
    let fixedNow: Date?
    let json: Bool
    /// The session's language: `--lang`, else the account's, else the environment's, else English.
    let language: Language
    /// Whether `--lang` named it (else it came from the account or the environment).
    var languageGiven = false
    var t: Catalog { Catalog(language) }
    /// The language of the session this process opened, for store errors said after it
    /// (`Failure(storeError:)`); one command, one session, set once when it opens.
    nonisolated(unsafe) static var spoken: Language?
    /// The default demo store runs a training clock from the moment its story cases were placed
    /// (the stories hold then, not days later): that moment, and when this process started it.
    var storyClock: (from: Date, startedAt: Date)? = nil

    var now: Date { clock() }
    var clock: @Sendable () -> Date {
        let fixed = fixedNow, story = storyClock
        return {
            if let fixed { return fixed }
            if let story { return story.from.addingTimeInterval(Date().timeIntervalSince(story.startedAt)) }
            return Date()
        }
    }

    /// Said when the session starts on the story clock.
    var storyClockNote: String? {
        storyClock.map { t.storyClockNote(JSONOutput.iso($0.from)) }
    }

    /// The default store location: $BIOSCHED_DB, else $XDG_DATA_HOME/biosched/biosched.sqlite.
    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["BIOSCHED_DB"], !p.isEmpty { return p }
        let data =
            env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((data as NSString).appendingPathComponent("biosched") as NSString).appendingPathComponent("biosched.sqlite")
    }

    static func currentUser() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    static func parseNow(_ text: String, _ t: Catalog = .en) throws(Failure) -> Date {
        guard let d = Timestamp.parse(text) else {
            throw Failure(.badInput, t.badNow(Echo.show(text), Timestamp.grammar))
        }
        return d
    }

    /// The store from --db or the environment: a plain path, or a PostgreSQL URL (`postgresql://`,
    /// `postgres://`, or `postgres` for the libpq environment), parsed strictly here. Any other URL
    /// (`file:...`, `mysql://...`) is refused by name rather than taken for a folder.
    static func storePath(_ g: GlobalOptions) throws(Failure) -> String {
        let t = catalog(g)
        if Session.spoken == nil { Session.spoken = t.language }
        let path = g.db ?? defaultPath()
        if path.isEmpty { throw Failure(.badInput, t.dbEmpty) }
        if Echo.hasControlCharacters(path) { throw Failure(.badInput, t.dbControl(Echo.show(path))) }
        if StoreBackends.isPostgres(path) {
            do { try StoreBackends.check(path) } catch { throw Failure(storeError: error) }
            return path
        }
        if let scheme = urlScheme(path), path.dropFirst(scheme.count + 1).hasPrefix("//") || path.lowercased().hasPrefix("file:") {
            throw Failure(.badInput, t.dbURL(Echo.show(path), String(scheme)))
        }
        return path
    }

    /// The scheme of a URL-looking path (`^[A-Za-z][A-Za-z0-9+.-]*:`), without its colon. Matched by
    /// hand, as the fingerprint below: a regular expression would load ICU's regex engine into
    /// every session at start (about 110 kB of heap that stays).
    static func urlScheme(_ path: String) -> Substring? {
        let u = path.utf8
        guard let first = u.first, isASCIILetter(first), let colon = u.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        guard u[..<colon].allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2E || $0 == 0x2D }) else { return nil }
        return path[..<colon]
    }

    /// `^SHA256:[A-Za-z0-9+/]{43}$`: an SSH key's fingerprint as sshd's %f gives it.
    static func isKeyFingerprint(_ k: String) -> Bool {
        let u = k.utf8
        guard u.count == 50, k.hasPrefix("SHA256:") else { return false }
        return u.dropFirst(7).allSatisfy { isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2B || $0 == 0x2F }
    }

    private static func isASCIILetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }

    /// Where this process's actions come from (the audit log records it with each row).
    static func origin(_ g: GlobalOptions, user: String) throws(Failure) -> AuditOrigin {
        let env = ProcessInfo.processInfo.environment
        var key = ""
        if let k = g.viaKey {
            guard k.count <= 100, isKeyFingerprint(k) else {
                throw Failure(.badInput, Catalog((try? language(g)) ?? .en).badViaKey(Echo.show(k)))
            }
            key = k
        }
        return AuditOrigin(osUser: user, client: AuditOrigin.client(fromSSHConnection: env["SSH_CONNECTION"]), keyFingerprint: key)
    }

    /// `--lang`, checked; `nil` when not given. An unknown code is a usage error listing the languages.
    static func requestedLanguage(_ g: GlobalOptions) throws(Failure) -> Language? {
        guard let text = g.lang else { return nil }
        guard let l = Language.parse(text) else { throw Failure(.badInput, Language.unknownMessage(text, what: "--lang")) }
        return l
    }

    /// The language before a store is open: `--lang`, else the environment's, else English.
    static func language(_ g: GlobalOptions, account: Language? = nil) throws(Failure) -> Language {
        try requestedLanguage(g) ?? account ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) ?? .en
    }

    /// Opens the store (creating the default demo store on first use) and resolves who is acting.
    /// `lean`: an interactive session, which sits idle most of its life (see `SQLiteBookingStore.init`).
    static func open(_ g: GlobalOptions, createDefault: Bool = true, lean: Bool = false) throws(Failure) -> Session {
        _ = try requestedLanguage(g)
        let path = try storePath(g)
        let user = currentUser()
        let t = Catalog(try language(g))
        Session.spoken = t.language
        var fixedNow: Date?
        if let n = g.now { fixedNow = try parseNow(n, t) }
        let origin = try origin(g, user: user)
        if g.db == nil && createDefault && !StoreBackends.isPostgres(path) && !FileManager.default.fileExists(atPath: path) {
            try DemoStore.createIfMissing(path: path, user: user, now: fixedNow ?? Date(), seed: 1, quiet: g.json, t)
        }
        let store: any OpenedStore
        let info: StoreInfo
        do {
            store = try StoreBackends.open(path, origin: origin, lean: lean)
            info = try store.storeInfo()
        } catch { throw Failure(storeError: error) }
        if fixedNow != nil && !info.isTraining {
            throw Failure(.badInput, t.nowOnProduction(path))
        }
        let actor: Actor
        do { actor = try resolveActor(g, store: store, info: info, user: user) } catch {
            // A refused identity is an attempt worth recording (who tried to act as what).
            if error.code == .refused {
                try? store.recordEvent(
                    .notAuthorized, actor: Actor(role: .agent, id: user), receipt: nil,
                    detail: "session refused: \(Echo.show(error.message, limit: 200))", now: fixedNow ?? Date(), waitingAtMost: 2)
            }
            throw error
        }
        let accountLanguage: Language?
        if actor.role.isStaff {
            accountLanguage = nil
        } else {
            do { accountLanguage = try store.accountLanguage(actor.id) } catch { throw Failure(storeError: error) }
        }
        var session = Session(
            store: store, info: info, actor: actor, osUser: user, fixedNow: fixedNow, json: g.json,
            language: try language(g, account: accountLanguage))
        session.languageGiven = g.lang != nil
        Session.spoken = session.language
        // The default demo store (no --db) has one clock, its story time: it starts when the story
        // cases were placed and each session resumes where the store's last recorded moment left it,
        // the first session included (never the real clock there and the creation time later).
        if g.db == nil, info.isTraining, fixedNow == nil, let sqlite = store as? SQLiteBookingStore,
            let from = try? sqlite.storyResumesAt()
        {
            session.storyClock = (from: from, startedAt: Date())
        }
        return session
    }

    /// Opens the store for a command only officers may run; `purpose` completes "only officers ...".
    static func openAsOfficer(_ g: GlobalOptions, to purpose: (Catalog) -> String) throws(Failure) -> Session {
        let s = try open(g)
        guard s.actor.role == .officer else {
            throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): " + s.t.onlyOfficers(purpose(s.t), s.actor.role))
        }
        return s
    }

    /// Opens the store for a command only staff (agents and officers) may run; `refusal` says why not.
    static func openAsStaff(_ g: GlobalOptions, refusal: (Catalog) -> String) throws(Failure) -> Session {
        let s = try open(g)
        guard s.actor.role.isStaff else { throw Failure(.refused, "\(VerdictCode.notAuthorized.rawValue): " + refusal(s.t)) }
        return s
    }

    /// The catalog for messages said before a store is open: `--lang`, else the environment's, else English.
    static func catalog(_ g: GlobalOptions) -> Catalog { Catalog((try? language(g)) ?? .en) }

    /// Who is acting, and whether this local user may act so: the domain's `ActingAs` decides.
    static func resolveActor(_ g: GlobalOptions, store: any OpenedStore, info: StoreInfo, user osUser: String) throws(Failure) -> Actor {
        let t = Catalog(try language(g))
        do {
            return try ActingAs.resolve(
                ActorClaim(role: g.role, account: g.account, login: g.login),
                ActorSetting(osUser: osUser, isTraining: info.isTraining, ownsStore: store.isOwnedByThisUser), in: store)
        } catch {
            if case let .store(e) = error { throw Failure(storeError: e) }
            throw Failure(error.isRefusal ? .refused : .badInput, error.message(t))
        }
    }

    /// Records a refused attempt on a case (NOT_AUTHORIZED), whoever made it.
    func recordRefusal(_ receipt: ReceiptNumber, _ what: String) {
        store.recordLookup(receipt, by: actor, refused: true, detail: what, now: now)
    }

    /// Records that staff looked at a case (who looked at what, when). A look-up answers even when
    /// the record cannot be written at once (the store is read-only here, or another process holds
    /// the write lock for more than two seconds): then a warning says so on standard error.
    func recordLookup(_ receipt: ReceiptNumber, _ what: String) {
        guard actor.role.isStaff else { return }
        if !store.recordLookup(receipt, by: actor, refused: false, detail: what, now: now) {
            StandardStreams.err("biosched: \(t.lookupNotAudited)\n")
        }
    }

    /// The banner every output on a training store carries (English; `t.trainingBanner` in the session's language).
    static var trainingBanner: String { Catalog.en.trainingBanner }

    /// Prints text output, headed by the training banner on a training store.
    func say(_ text: String) {
        if info.isTraining { print("[\(t.trainingBanner)]") }
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
            throw Failure(.badInput, "\(VerdictCode.invalidReceipt.rawValue): \(Echo.terminalSafe(error.message))")
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
        let m = e.message(in: Session.spoken ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) ?? .en)
        switch e {
        case .notAuthorized: self.init(.refused, m)
        case .unknownCenter, .unknownRequest, .invalidInput, .invalid: self.init(.badInput, m)
        case .capacityExceeded, .conflict: self.init(.conflict, m)
        case .busy, .busyText, .unusable, .unusableStore, .failed: self.init(.storeError, m)
        }
    }
}

enum JSONOutput {
    static func string(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        // JSONSerialization escapes C0 controls only: C1 controls (U+0080-U+009F, some terminals
        // read U+009B as CSI) and the line separators are escaped here, still valid JSON.
        var out = ""
        for s in String(decoding: data, as: UTF8.self).unicodeScalars {
            if (0x7F...0x9F).contains(s.value) || s.value == 0x2028 || s.value == 0x2029 {
                out += String(format: "\\u%04x", s.value)
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
    static func iso(_ d: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: d)
    }
}
