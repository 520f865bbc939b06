import ArgumentParser
import Foundation
import Notifications
import Scheduling
import SchedulingStore

/// `biosched outbox`: what the mailer has sent, is trying, or gave up on; `outbox retry` re-queues.
struct OutboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outbox", abstract: "List outbox messages and their delivery (staff); retry failed ones.",
        subcommands: [List.self, Retry.self], defaultSubcommand: List.self)

    static func staff(_ g: GlobalOptions) throws(Failure) -> Session {
        try Session.openAsStaff(g) { $0.outboxForStaff }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List messages, newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only failed messages (given up after the last try, or refused for good).") var failed = false
        @Option(help: "Only messages in this status: pending, sent, failed, skipped.") var status: String?
        @Option(help: "At most this many messages.") var limit = 100

        func run() throws {
            let s = try OutboxCommand.staff(global)
            var only: OutboxStatus? = failed ? .failed : nil
            if let status {
                guard let st = OutboxStatus(rawValue: status.lowercased()), !failed || st == .failed else {
                    throw Failure(.badInput, s.t.badOutboxStatus(Echo.show(status)))
                }
                only = st
            }
            guard limit >= 1 else { throw Failure(.badInput, s.t.limitAtLeastOne) }
            let entries: [OutboxEntry], counts: [OutboxStatus: Int], storeID: String
            do {
                entries = try s.store.outboxEntries(status: only, limit: limit)
                counts = try s.store.outboxCounts()
                storeID = try s.store.outboxStoreID()
            } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON([
                    "messages": entries.map { OutboxCommand.json($0, storeID: storeID) },
                    "counts": Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })
                ])
                return
            }
            let t = s.t
            var lines = entries.isEmpty ? [t.noOutboxMessages(only?.rawValue)] : []
            for e in entries {
                var line = "\(e.id)\t\(e.status.rawValue)\t\(e.kind.rawValue)\t\(e.channel.rawValue) \(e.recipient)\t\(e.receipt)\t" + t.outboxTries(e.attempts)
                switch e.status {
                case .sent: line += "\t" + t.outboxSent(JSONOutput.iso(e.sentAt ?? e.createdAt))
                case .pending:
                    line +=
                        "\t"
                        + (e.claimedBy.map { t.outboxClaimed($0, JSONOutput.iso(e.leaseUntil ?? e.nextAttemptAt)) }
                            ?? t.outboxNextTry(JSONOutput.iso(e.nextAttemptAt)))
                case .failed, .skipped: break
                }
                if let err = e.lastError { line += "\t\(err)" }
                lines.append(line)
            }
            lines.append(OutboxStatus.allCases.map { t.outboxCount(counts[$0] ?? 0, $0.rawValue) }.joined(separator: ", ") + ".")
            s.say(lines.joined(separator: "\n"))
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "retry", abstract: "Put failed messages back in the queue, due now, with their tries counted from 0.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Outbox ids of failed messages.") var ids: [Int64] = []
        @Flag(help: "Every failed message.") var all = false

        func run() throws {
            guard all != !ids.isEmpty else { throw Failure(.badInput, Session.catalog(global).retryIdsOrAll) }
            let s = try OutboxCommand.staff(global)
            let done: [Int64]
            do { done = try s.store.retryOutbox(ids: all ? nil : ids, actor: s.actor, now: s.now) } catch { throw Failure(storeError: error) }
            if s.json {
                s.sayJSON(["requeued": done])
            } else {
                s.say(done.isEmpty ? s.t.noFailedToRetry : s.t.requeued(done.count, done.map(String.init).joined(separator: ", ")))
            }
        }
    }

    static func json(_ e: OutboxEntry, storeID: String) -> [String: Any] {
        var o: [String: Any] = [
            "id": e.id, "receipt": e.receipt, "kind": e.kind.rawValue, "channel": e.channel.rawValue,
            "recipient": e.recipient, "recipientRole": e.recipientRole.rawValue, "status": e.status.rawValue,
            "attempts": e.attempts, "createdAt": JSONOutput.iso(e.createdAt), "nextAttemptAt": JSONOutput.iso(e.nextAttemptAt),
            "messageId": Mailer.messageID(outbox: e.id, storeID: storeID)
        ]
        if let d = e.lastAttemptAt { o["lastAttemptAt"] = JSONOutput.iso(d) }
        if let d = e.sentAt { o["sentAt"] = JSONOutput.iso(d) }
        if let c = e.claimedBy { o["claimedBy"] = c }
        if let d = e.leaseUntil { o["leaseUntil"] = JSONOutput.iso(d) }
        if let err = e.lastError { o["lastError"] = err }
        if let d = e.reminderDays { o["reminderDays"] = d }
        return o
    }
}
