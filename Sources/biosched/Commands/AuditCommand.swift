import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The append-only audit log (staff only): list it, or verify its hash chain.",
        subcommands: [AuditList.self, AuditVerify.self], defaultSubcommand: AuditList.self)

    static func staff(_ g: GlobalOptions) throws(Failure) -> Session {
        try Session.openAsStaff(g) { $0.auditForStaff }
    }
}

struct AuditList: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print the audit log (the default).")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Only events of this receipt.") var receipt: String?
    @Option(help: "text, csv or json.") var format: Format = .text
    func run() throws {
        let s = try AuditCommand.staff(global)
        let r = try receipt.map { (t: String) throws(Failure) in try s.receipt(t) }
        let entries: [AuditEntry]
        do { entries = try s.store.auditLog(receipt: r) } catch { throw Failure(storeError: error) }
        let fmt: Format = s.json ? .json : format
        switch fmt {
        case .json:
            s.sayJSON([
                "events": entries.map { e -> [String: Any] in
                    [
                        "id": e.id, "at": JSONOutput.iso(e.at), "actorRole": e.actorRole, "actor": e.actor, "action": e.action,
                        "receipt": e.receipt ?? NSNull(), "requestId": e.requestID ?? NSNull(), "detail": e.detail,
                        "osUser": e.origin.osUser, "client": e.origin.client, "keyFingerprint": e.origin.keyFingerprint
                    ]
                }
            ])
        case .csv:
            if s.info.isTraining { StandardStreams.err("[\(s.t.trainingBanner)]\n") }
            var out =
                ["id", "at", "actor_role", "actor", "action", "receipt", "request_id", "detail", "os_user", "client", "key_fingerprint"].joined(separator: ",")
                + "\r\n" // column names
            for e in entries {
                out +=
                    [
                        String(e.id), JSONOutput.iso(e.at), e.actorRole, e.actor, e.action, e.receipt ?? "", e.requestID ?? "", e.detail,
                        e.origin.osUser, e.origin.client, e.origin.keyFingerprint
                    ].map(csv).joined(separator: ",") + "\r\n"
            }
            StandardStreams.out(out)
        case .text:
            s.say(
                entries.map { e in
                    let via = [
                        e.origin.osUser.isEmpty ? nil : "os=\(e.origin.osUser)", e.origin.client.isEmpty ? nil : "from=\(e.origin.client)",
                        e.origin.keyFingerprint.isEmpty ? nil : "key=\(e.origin.keyFingerprint)"
                    ].compactMap { $0 }.joined(separator: " ")
                    return
                        "\(e.id)\t\(JSONOutput.iso(e.at))\t\(e.actorRole):\(e.actor)\t\(e.action)\t\(e.receipt ?? "-")\t\(Echo.terminalSafe(e.detail))\(via.isEmpty ? "" : "\t" + via)"
                }.joined(separator: "\n") + (entries.isEmpty ? s.t.noAuditEvents : ""))
        }
    }
    /// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
    func csv(_ field: String) -> String {
        field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}

struct AuditVerify: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the audit log's hash chain; report the first broken link (exit 1).")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        let s = try AuditCommand.staff(global)
        let v: AuditVerification
        do { v = try s.store.verifyAudit() } catch { throw Failure(storeError: error) }
        if s.json {
            s.sayJSON([
                "intact": v.firstBroken == nil, "rows": v.rows, "firstBroken": v.firstBroken.map { $0 as Any } ?? NSNull(), "problem": v.problem ?? NSNull()
            ])
        } else if let id = v.firstBroken {
            s.say(s.t.auditBroken(id, v.problem(in: s.language) ?? "", v.rows))
        } else {
            s.say(s.t.auditIntact(v.rows))
        }
        if v.firstBroken != nil { throw Failure(.refused, "") }
    }
}
