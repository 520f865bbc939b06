import ArgumentParser
import Foundation
import Notifications
import Scheduling
import SchedulingStore

/// `biosched mailer`: drains the outbox into sendmail and an SMS gateway (docs/notifications.md).
struct MailerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailer",
        abstract: "Send the outbox: email through sendmail -t -oi, SMS through a gateway command (staff).",
        discussion: """
            Each message is claimed (a lease), handed over, and marked sent, each in its own transaction; a failed try is retried \
            after 1, 5 and 30 minutes, then the message is failed (biosched outbox --failed; biosched outbox retry). Every email \
            carries a Message-ID made from its outbox id, the same on every try. The SMS command gets the number (E.164) on the \
            first line of standard input and the text after it; it is split at blanks and run without a shell.
            """)

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Send what is due now, then exit (the default).") var once = false
    @Flag(help: "Keep running: send what is due, wait --interval seconds, again, until SIGTERM or SIGINT.") var follow = false
    @Option(help: ArgumentHelp("The sendmail program.", valueName: "path")) var sendmail = "/usr/sbin/sendmail"
    @Option(name: .customLong("sms-command"), help: ArgumentHelp("The SMS gateway: a program and fixed arguments, no shell.", valueName: "cmd"))
    var smsCommand: String?
    @Option(
        help: ArgumentHelp(
            "The From of every email, \"Name <address>\" or an address (default: the store's mail_from setting, else \(MailerCommand.defaultFrom)).",
            valueName: "mailbox"))
    var from: String?
    @Option(help: ArgumentHelp("Seconds a program may take before it is stopped and the try fails.", valueName: "seconds")) var timeout = 60
    @Option(help: ArgumentHelp("Seconds a claim holds; another mailer takes the message after that (at least --timeout + 30).", valueName: "seconds"))
    var lease = 300
    @Option(help: ArgumentHelp("With --follow: seconds between two passes.", valueName: "seconds")) var interval = 10

    static let defaultFrom = "USCIS Biometric Services <no-reply@biosched.invalid>" // not for a person: a mailbox, the same in every language

    func run() throws {
        let t0 = Session.catalog(global)
        if once && follow { throw Failure(.badInput, t0.onceAndFollow) }
        guard timeout >= 1, lease >= timeout + 30, interval >= 1 else {
            throw Failure(.badInput, t0.badMailerTimes)
        }
        let s = try Session.openAsStaff(global) { $0.mailerOnlyStaff }
        guard FileManager.default.isExecutableFile(atPath: sendmail) else {
            throw Failure(.badInput, s.t.notExecutable("--sendmail", sendmail))
        }
        let sms = smsCommand.map(CommandTransport.argv)
        if let sms {
            guard let program = sms.first, program.hasPrefix("/"), FileManager.default.isExecutableFile(atPath: program) else {
                throw Failure(.badInput, s.t.smsCommandAbsolute)
            }
        }
        let stored: String?
        do { stored = try s.store.setting("mail_from") } catch { throw Failure(storeError: error) }
        let sender = try Self.mailbox(from ?? stored ?? Self.defaultFrom, s.t)
        signal(SIGPIPE, SIG_IGN)
        let stop = StopSignal()
        var mailer = Mailer(
            store: s.store, transport: CommandTransport(sendmail: sendmail, smsCommand: sms, timeout: TimeInterval(timeout)),
            from: sender, worker: Self.workerID(), lease: TimeInterval(lease))
        mailer.language = s.language
        repeat {
            // The waiting list first: late offers end and freed stations are offered, so an offer
            // goes out in the same pass that made it (docs/waitlist.md).
            do { _ = try WaitlistService.pass(in: s.store, clock: s.clock) } catch { throw Failure(storeError: error) }
            let report: MailerReport
            do { report = try mailer.drain(clock: s.clock, shouldStop: { stop.isStopped }) } catch { throw Failure(storeError: error) }
            if !report.lines.isEmpty || !follow {
                let summary = s.t.mailerSummary(report.sent, report.retrying, report.failed, report.skipped)
                // Whatever is left unsent is said, with why: not due yet (a retry's wait), or made
                // later than this command's clock (the store's story time and --now differ).
                let now = s.clock()
                let waiting: [OutboxEntry]
                do { waiting = try s.store.outboxEntries(status: .pending, limit: 1000).filter { $0.nextAttemptAt > now } } catch {
                    throw Failure(storeError: error)
                }
                let unsent = waiting.map { e -> (OutboxEntry, String) in
                    let at = JSONOutput.iso(e.nextAttemptAt)
                    return (
                        e,
                        e.createdAt > now
                            ? s.t.mailerMadeLater(e.id, JSONOutput.iso(e.createdAt), JSONOutput.iso(now))
                            : s.t.mailerNotDue(e.id, at, e.attempts)
                    )
                }
                if s.json {
                    s.sayJSON([
                        "sent": report.sent, "retrying": report.retrying, "failed": report.failed, "skipped": report.skipped, "messages": report.lines,
                        "unsent": unsent.map { ["id": $0.0.id, "nextAttemptAt": JSONOutput.iso($0.0.nextAttemptAt), "why": $0.1] as [String: Any] }
                    ])
                } else {
                    s.say((report.lines + unsent.map(\.1) + [summary] + (unsent.isEmpty ? [] : [s.t.mailerUnsent(unsent.count)])).joined(separator: "\n"))
                }
            }
            if follow { stop.sleep(TimeInterval(interval)) }
        } while follow && !stop.isStopped
    }

    /// `HOST:PID:RANDOM`, the claimant written on the rows this process holds.
    static func workerID() -> String {
        var name = [CChar](repeating: 0, count: 256)
        let host = gethostname(&name, name.count) == 0 ? String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "host"
        return "\(host):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
    }

    /// `Name <address>` or `address`, checked.
    static func mailbox(_ text: String, _ catalog: Catalog = .en) throws(Failure) -> Mailbox {
        let t = text.trimmingCharacters(in: .whitespaces)
        var name = "", address = t
        if t.hasSuffix(">"), let open = t.lastIndex(of: "<") {
            name = t[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            address = String(t[t.index(after: open)..<t.index(before: t.endIndex)])
        }
        guard let a = EmailAddress(address), !name.contains(where: { $0.isNewline }) else {
            throw Failure(.badInput, catalog.badFromAddress(text))
        }
        return Mailbox(name: name, address: a)
    }
}
