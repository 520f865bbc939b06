import Foundation
import Scheduling

/// Keys and enrollment codes in memory (the same meaning as the SQLite store's, without the
/// guessing bounds' history, which the SQLite store keeps and its tests check).
extension MemoryBookingStore: KeyRegistry {
    public func addKey(_ key: PublicKey, for holder: KeyHolder, how: String, by actor: Actor, now: Date) throws(StoreError) {
        try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            guard !m.state.keys.contains(where: { $0.key.blob == key.blob }) else {
                throw StoreError.invalid(Localized { $0.keyInUse(by: nil) })
            }
            m.state.keys.append(StoredKey(holder: holder, key: key, fingerprint: key.fingerprint, addedAt: now, addedHow: how, addedBy: actor.id))
            try m.appendAudit(
                AuditEvent(at: now, actor: actor, action: how == "enrollment" ? .enrolled : .accessAdded, detail: "\(holder.described) key=\(key.fingerprint)"))
        }
    }

    public func revokeKeys(of holder: KeyHolder, blob: String?, by actor: Actor, now: Date) throws(StoreError) -> Int {
        if case .staff = holder, actor.role != .officer { throw .invalid(Localized { $0.onlyOfficersRevokeStaffKeys }) }
        return try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            let before = m.state.keys.count
            m.state.keys.removeAll { $0.holder.id == holder.id && $0.holder.isStaff == holder.isStaff && (blob == nil || $0.key.blob == blob) }
            let n = before - m.state.keys.count
            if n > 0 { try m.appendAudit(AuditEvent(at: now, actor: actor, action: .accessRemoved, detail: "\(holder.described) keys=\(n)")) }
            return n
        }
    }

    public func activeKeys(of holder: KeyHolder?) throws(StoreError) -> [StoredKey] {
        try reading { s in s.keys.filter { holder == nil || ($0.holder.id == holder!.id && $0.holder.isStaff == holder!.isStaff) } }
    }

    public func activeKey(blob: String) throws(StoreError) -> StoredKey? { try reading { s in s.keys.first { $0.key.blob == blob } } }

    public func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws(StoreError) -> String {
        try withWriteTransaction { tx in
            guard (tx as! MemoryTransaction).state.accounts[account] != nil else {
                throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) })
            }
            return try tx.issueEnrollmentCode(account: account, by: actor, now: now)
        }
    }

    public func acceptRepresentation(receipt: ReceiptNumber, account: String, by actor: Actor, now: Date) throws(StoreError) -> RepresentationAcceptance {
        let days = EnrollmentLimits.defaultValidDays
        let (c, who, already) = try withWriteTransaction { tx -> (CaseFile, AccountRow, Bool) in
            let m = tx as! MemoryTransaction
            guard let c = m.state.cases[receipt] else { throw StoreError.invalid(Localized { $0.noCaseInStore(receipt.value) }) }
            guard let who = m.state.accounts[account] else { throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) }) }
            guard who.role == .representative else {
                throw StoreError.invalid(Localized { $0.notRepresentativeG28(Echo.show(account), who.role.rawValue) })
            }
            let already = c.representatives.contains(account)
            if !already { m.state.cases[receipt]?.representatives.insert(account) }
            try m.appendAudit(
                AuditEvent(
                    at: now, actor: actor, action: .representationAccepted, receipt: receipt,
                    detail: "account=\(account)\(already ? " (already on file: a new enrollment code)" : "")"))
            return (c, who, already)
        }
        let code = try issueEnrollmentCode(account: account, by: actor, now: now)
        return RepresentationAcceptance(
            receipt: receipt, account: account, representativeName: who.name, applicantName: c.applicantName,
            form: c.form.code, alreadyOnFile: already, enrollmentCode: code, validDays: days,
            enrollDoor: try enrollmentDoor())
    }

    public func enroll(receipt: ReceiptNumber, code: String, key: PublicKey, client: String, now: Date) throws(StoreError) -> EnrollmentResult {
        try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            // The applicant, or a representative with a G-28 on file (their code came with its acceptance).
            let people = [m.state.cases[receipt]?.applicantAccount].compactMap { $0 } + (m.state.cases[receipt]?.representatives.sorted() ?? [])
            guard let normalized = EnrollmentCode.normalize(code),
                let i = m.state.enrollmentCodes.firstIndex(where: { c in
                    people.contains(c.account) && c.hash == EnrollmentCode.hash(normalized, account: c.account)
                })
            else { return .refused(triesLeft: EnrollmentLimits.wrongPerAccountPerHour - 1) }
            let account = m.state.enrollmentCodes[i].account
            let c = m.state.enrollmentCodes[i]
            if c.used { return .alreadyUsed }
            if c.expires <= now { return .expired }
            if m.state.keys.contains(where: { $0.key.blob == key.blob }) { return .keyTaken }
            m.state.enrollmentCodes[i].used = true
            let role = m.state.accounts[account]?.role ?? .applicant
            m.state.keys.append(
                StoredKey(holder: .account(account, role), key: key, fingerprint: key.fingerprint, addedAt: now, addedHow: "enrollment", addedBy: account))
            try m.appendAudit(
                AuditEvent(
                    at: now, actor: Actor(role: role, id: account), action: .enrolled, receipt: receipt, detail: "key=\(key.fingerprint) client=\(client)"))
            return .enrolled(account: account)
        }
    }
}
