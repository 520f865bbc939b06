import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// `biosched enroll`: the forced command of a key the store does not hold (`ssh biosched@HOST`
/// with a new key; deploy/sshd_config.d/biosched.conf). sshd's `ExposeAuthInfo yes` names the key the client used in `$SSH_USER_AUTH`; the person
/// types the receipt number, then the enrollment code from their notice (one line each, so it
/// works from a pipe and with a screen reader), and on a match that key opens their own cases the
/// next time. Wrong tries are counted per receipt number typed and client network (IPv4 address, IPv6 /64),
/// and per network; past the limit a wrong code is answered with a pause that doubles, while the
/// right code always works. Every line is bounded (`LineInput`); a silent session ends.
struct EnrollCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Link the SSH key of this session to your account with the enrollment code on your notice (the enrollment account's forced command).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("max-tries"), help: "Wrong tries allowed in one session.") var maxTries = 3
    @Option(name: .customLong("idle-timeout"), help: ArgumentHelp("End the session after this many seconds with nothing typed (1-3600).", valueName: "seconds"))
    var idleTimeout = 60
    @Option(
        name: .customLong("session-timeout"),
        help: ArgumentHelp("End the session this many seconds after it began, whatever is typed (1-3600).", valueName: "seconds"))
    var sessionTimeout = 300

    /// The longest line read: a receipt number or a code is short; a pasted "Enrollment code: ..." fits too.
    static let maxLineBytes = 100

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        func say(_ s: String) { StandardStreams.out(Echo.terminalSafe(s) + "\n") }
        let t = Session.catalog(global)
        for (flag, value) in [("--idle-timeout", idleTimeout), ("--session-timeout", sessionTimeout)] where !(1...3600).contains(value) {
            throw Failure(.badInput, t.badEnrollTimeout(flag))
        }
        // Every read is bounded in bytes and in time, from the start of the session.
        let input = LineInput(maxBytes: Self.maxLineBytes, idle: TimeInterval(idleTimeout), deadline: Date().addingTimeInterval(TimeInterval(sessionTimeout)))
        guard let key = Self.sessionKey(env["SSH_USER_AUTH"]) else {
            say(t.enrollNoKey)
            throw Failure(.badInput, "")
        }
        let path = try Session.storePath(global)
        let origin = AuditOrigin(
            osUser: Session.currentUser(), client: AuditOrigin.client(fromSSHConnection: env["SSH_CONNECTION"]),
            keyFingerprint: key.fingerprint)
        let store: any OpenedStore
        do { store = try StoreBackends.open(path, origin: origin) } catch {
            say(t.enrollUnavailable(ContactCenter.phone))
            throw Failure(storeError: error)
        }
        var now = Date()
        if let n = global.now {
            let info: StoreInfo
            do { info = try store.storeInfo() } catch { throw Failure(storeError: error) }
            guard info.isTraining else { throw Failure(.badInput, t.nowOnProductionStore) }
            now = try Session.parseNow(n, t)
        }
        let client = origin.client.isEmpty ? "local" : String(origin.client.prefix { $0 != " " })
        say(t.enrollIntro(key.fingerprint))
        say(t.enrollNeeds)
        /// The next line, or nil when the session ends (said to the person first).
        func line() throws(Failure) -> String? {
            switch input.next() {
            case let .line(text): return text
            case .end: return nil
            case .tooLong:
                StandardStreams.out("\n")
                say(t.lineTooLong(Self.maxLineBytes))
                throw Failure(.badInput, "")
            case .timedOut:
                StandardStreams.out("\n")
                say(t.inputTimedOut(idleTimeout))
                throw Failure(.badInput, "")
            }
        }
        for _ in 0..<max(1, maxTries) {
            StandardStreams.out(t.enrollReceiptPrompt)
            guard let receiptText = try line() else { return }
            let receipt: ReceiptNumber
            do { receipt = try ReceiptNumber(parsing: receiptText) } catch {
                say(t.enrollNotReceipt(error.message(in: t.language)))
                continue
            }
            StandardStreams.out(t.enrollCodePrompt)
            guard let code = try line() else { return }
            let result: EnrollmentResult
            do { result = try store.enroll(receipt: receipt, code: code, key: key, client: client, now: now) } catch {
                say(t.enrollUnavailableBecause(error.message(in: t.language)))
                throw Failure(storeError: error)
            }
            switch result {
            case let .enrolled(account):
                say(t.enrollDone(account, (try? store.enrollmentDoor()) ?? EnrollmentDoor()))
                return
            case let .refused(left):
                say(t.enrollNoMatch(String(t.enrollmentCodeShape.split(separator: " ").last ?? ""), left))
                if left == 0 { return }
            case .expired:
                say(t.enrollExpired(EnrollmentLimits.defaultValidDays, ContactCenter.phone))
                return
            case .alreadyUsed:
                say(t.enrollUsed(ContactCenter.phone))
                return
            case .keyTaken:
                say(t.enrollKeyTaken)
                return
            case let .paused(until):
                let f = ISO8601DateFormatter()
                say(t.enrollPaused(f.string(from: until), ContactCenter.phone))
                return
            }
        }
    }

    /// The first public key in the file sshd names in `SSH_USER_AUTH` ("publickey TYPE BASE64").
    static func sessionKey(_ path: String?) -> PublicKey? {
        guard let path, let attrs = try? FileManager.default.attributesOfItem(atPath: path), (attrs[.size] as? Int ?? 0) < 65_536,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("publickey ") {
            if let k = try? PublicKey(parsing: String(line.dropFirst("publickey ".count))) { return k }
        }
        return nil
    }
}
