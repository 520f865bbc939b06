import ArgumentParser
import Foundation
import Scheduling

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The officer's queue of escalated requests: list, approve or deny.",
        subcommands: [List.self, Approve.self, Deny.self], defaultSubcommand: List.self)

    static func officerSession(_ g: GlobalOptions) throws(Failure) -> Session { try Session.openAsOfficer(g, to: \.purposeReview) }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List escalated requests waiting for review.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let s = try Review.officerSession(global)
            let items: [ReviewItem]
            do { items = try s.store.pendingReviews() } catch { throw Failure(storeError: error) }
            var centers: [String: Center] = [:]
            func zoneText(_ i: ReviewItem) throws(Failure) -> String {
                if centers[i.preferredCenter] == nil { centers[i.preferredCenter] = try s.center(i.preferredCenter) }
                let c = centers[i.preferredCenter]!
                return i.preferredStart.map { c.zone.formatLong($0) } ?? i.preferredLocal.iso
            }
            if s.json {
                var list: [[String: Any]] = []
                for i in items {
                    list.append([
                        "id": i.requestID, "receipt": i.receipt.value, "codes": i.codes.map(\.rawValue),
                        "reason": i.goodCause?.reason.rawValue ?? "", "explanation": i.goodCause?.explanation ?? "",
                        "note": i.note, "agent": i.agent, "preferredCenter": i.preferredCenter,
                        "preferredLocal": i.preferredLocal.iso, "preferred": try zoneText(i), "requestedAt": JSONOutput.iso(i.requestedAt)
                    ])
                }
                s.sayJSON(["requests": list])
                return
            }
            var lines = items.isEmpty ? [s.t.noReviewWaiting] : []
            for i in items {
                lines.append(
                    "\(i.requestID)  \(i.receipt.value)  \(i.codes.map(\.rawValue).joined(separator: ","))  reason \(i.goodCause?.reason.rawValue ?? "-")\(i.goodCause?.explanation.isEmpty == false ? " (\(i.goodCause!.explanation))" : "")"
                )
                lines.append(s.t.cliPreferred(try zoneText(i), i.preferredCenter, i.agent, i.note))
            }
            s.say(lines.joined(separator: "\n"))
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "approve", abstract: "Approve: book the preferred slot, or another with --to.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request id.") var id: String
        @Option(help: "Why (always required).") var note: String
        @Option(help: ArgumentHelp("Another time, YYYY-MM-DDTHH:MM on the center's clock, if the preferred one is gone.", valueName: "local-datetime")) var to:
            String?
        @Option(help: "Another center for --to.") var center: String?
        func run() throws {
            let s = try Review.officerSession(global)
            var local: LocalDateTime?
            if let to {
                guard let l = LocalDateTime(iso: to) else { throw Failure(.badInput, s.t.badTo(Echo.show(to))) }
                local = l
            }
            if center != nil && local == nil { throw Failure(.badInput, s.t.centerNeedsTo) }
            let outcome: RescheduleOutcome
            do {
                outcome = try s.store.review(
                    ReviewDecision(requestID: id, kind: .approve, officer: s.actor.id, note: note, centerCode: center, to: local), clock: s.clock)
            } catch { throw Failure(storeError: error) }
            Reschedule.report(outcome, session: s)
            let status = Present.exitStatus(for: outcome)
            // The command line adds its own hint: how to name another time here.
            if status != .done && local == nil && !s.json { throw Failure(status, s.t.approveWithAnother(Echo.show(id))) }
            if status != .done { throw Failure(status, "") }
        }
    }

    struct Deny: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deny", abstract: "Deny an escalated request; the current appointment stands.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The request id.") var id: String
        @Option(help: "Why (always required).") var note: String
        func run() throws {
            let s = try Review.officerSession(global)
            let outcome: RescheduleOutcome
            do { outcome = try s.store.review(ReviewDecision(requestID: id, kind: .deny, officer: s.actor.id, note: note), clock: s.clock) } catch {
                throw Failure(storeError: error)
            }
            Reschedule.report(outcome, session: s)
        }
    }
}
