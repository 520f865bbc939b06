// Compiled with the package trait `PostgreSQL` only (the default): a SQLite-only build skips it.
#if PostgreSQL
import Foundation
import Scheduling
import SchedulingStore

extension PostgresBookingStore: KeyRegistry {
    static func holderColumns(_ h: KeyHolder) -> (String, String) {
        switch h { case let .account(a, _): ("account", a); case let .staff(u): ("staff", u) }
    }

    public func addKey(_ key: PublicKey, for holder: KeyHolder, how: String, by actor: Actor, now: Date) throws(StoreError) {
        let (kind, id) = Self.holderColumns(holder)
        try write { db in
            if let existing = try db.fetchRow(sql: "SELECT holder_kind, holder FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [key.blob]) {
                let same = (existing["holder_kind"] as String) == kind && (existing["holder"] as String) == id
                throw StoreError.invalid(Localized { $0.keyInUse(by: same ? $0.holder(holder) : nil) })
            }
            try db.execute(sql: """
                INSERT INTO ssh_keys(holder_kind, holder, type, blob, fingerprint, comment, added_at, added_how, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [kind, id, key.type, key.blob, key.fingerprint, String(key.comment.prefix(200)), Records.seconds(now), how, actor.id])
            try Audit.append(db, origin: origin, at: now, actor: actor, action: how == "enrollment" ? .enrolled : .accessAdded,
                             detail: "\(holder.described) key=\(key.fingerprint)")
        }
    }

    public func revokeKeys(of holder: KeyHolder, blob: String?, by actor: Actor, now: Date) throws(StoreError) -> Int {
        let (kind, id) = Self.holderColumns(holder)
        return try write { db in
            try db.execute(sql: """
                UPDATE ssh_keys SET revoked_at = ?, revoked_by = ? WHERE holder_kind = ? AND holder = ? AND revoked_at IS NULL AND (?::text IS NULL OR blob = ?::text)
                """, arguments: [Records.seconds(now), actor.id, kind, id, blob, blob])
            let n = db.changesCount
            if n > 0 {
                try Audit.append(db, origin: origin, at: now, actor: actor, action: .accessRemoved, detail: "\(holder.described) keys=\(n)")
            }
            return n
        }
    }

    static func storedKey(_ db: PGDB, _ row: PGRow) throws -> StoredKey? {
        let kind: String = row["holder_kind"], id: String = row["holder"]
        let holder: KeyHolder
        if kind == "staff" { holder = .staff(id) } else {
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [id]).flatMap(Role.init(rawValue:)) else { return nil }
            holder = .account(id, role)
        }
        guard let key = try? PublicKey(parsing: "\(row["type"] as String) \(row["blob"] as String)") else { return nil }
        return StoredKey(holder: holder, key: PublicKey(type: key.type, blob: key.blob, comment: row["comment"]), fingerprint: row["fingerprint"],
                         addedAt: Records.date(row["added_at"]), addedHow: row["added_how"], addedBy: row["added_by"])
    }

    public func activeKeys(of holder: KeyHolder?) throws(StoreError) -> [StoredKey] {
        try read { db in
            let rows: [PGRow]
            if let holder {
                let (kind, id) = Self.holderColumns(holder)
                rows = try db.fetchRows(sql: "SELECT * FROM ssh_keys WHERE revoked_at IS NULL AND holder_kind = ? AND holder = ? ORDER BY id", arguments: [kind, id])
            } else {
                rows = try db.fetchRows(sql: "SELECT * FROM ssh_keys WHERE revoked_at IS NULL ORDER BY holder_kind, holder, id")
            }
            return try rows.compactMap { try Self.storedKey(db, $0) }
        }
    }

    public func activeKey(blob: String) throws(StoreError) -> StoredKey? {
        try read { db in
            try db.fetchRow(sql: "SELECT * FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [blob]).flatMap { try Self.storedKey(db, $0) }
        }
    }

    public func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws(StoreError) -> String {
        try write { db in try Self.issueCode(db, account: account, actor: actor, now: now, origin: origin) }
    }

    public static func issueCode(_ db: any SQLDatabase, account: String, actor: Actor, now: Date, origin: AuditOrigin) throws -> String {
        guard try Int.fetchOne(db, sql: "SELECT count(*) FROM accounts WHERE id = ?", arguments: [account]) == 1 else {
            throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) })
        }
        let days = Int(try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'enrollment_days'") ?? "") ?? EnrollmentLimits.defaultValidDays
        var rng = SystemRandomNumberGenerator()
        let code = EnrollmentCode.generate(using: &rng)
        try db.execute(sql: "INSERT INTO enrollment_codes(account, code_hash, issued_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?)",
                       arguments: [account, EnrollmentCode.hash(code, account: account), Records.seconds(now),
                                   Records.seconds(now) + Int64(days) * 86_400, actor.id])
        try Audit.append(db, origin: origin, at: now, actor: actor, action: .enrollmentCodeIssued, detail: "account=\(account) valid \(days) days")
        return code
    }

    public func acceptRepresentation(receipt: ReceiptNumber, account: String, by actor: Actor, now: Date) throws(StoreError) -> RepresentationAcceptance {
        let origin = self.origin
        return try write { db in
            guard let row = try db.fetchRow(sql: "SELECT applicant_name, form FROM cases WHERE receipt = ?", arguments: [receipt.value]) else {
                throw StoreError.invalid(Localized { $0.noCaseInStore(receipt.value) })
            }
            guard let who = try db.fetchRow(sql: "SELECT role, name FROM accounts WHERE id = ?", arguments: [account]) else {
                throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) })
            }
            guard (who["role"] as String) == "representative" else {
                throw StoreError.invalid(Localized { $0.notRepresentativeG28(Echo.show(account), who["role"] as String) })
            }
            let already = try Int.fetchOne(db, sql: "SELECT count(*) FROM representations WHERE receipt = ? AND account = ?", arguments: [receipt.value, account]) ?? 0 > 0
            if !already { try db.execute(sql: "INSERT INTO representations(receipt, account) VALUES (?, ?)", arguments: [receipt.value, account]) }
            try Audit.append(db, origin: origin, at: now, actor: actor, action: .representationAccepted, receipt: receipt,
                               detail: "account=\(account)\(already ? " (already on file: a new enrollment code)" : "")")
            let code = try Self.issueCode(db, account: account, actor: actor, now: now, origin: origin)
            let days = Int(try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'enrollment_days'") ?? "") ?? EnrollmentLimits.defaultValidDays
            return RepresentationAcceptance(receipt: receipt, account: account, representativeName: who["name"], applicantName: row["applicant_name"],
                                            form: row["form"], alreadyOnFile: already, enrollmentCode: code, validDays: days)
        }
    }

    public func enroll(receipt: ReceiptNumber, code: String, key: PublicKey, client: String, now: Date) throws(StoreError) -> EnrollmentResult {
        try write { db in
            let nowS = Records.seconds(now), hourAgo = Records.seconds(now) - 3600
            // The case's people: its applicant, and each representative with a G-28 on file (whose
            // code came with the G-28's acceptance). Guessing is counted against the case's account.
            let applicant = try String.fetchOne(db, sql: "SELECT applicant_account FROM cases WHERE receipt = ?", arguments: [receipt.value])
            let representatives = try db.fetchValues(String.self, sql: "SELECT account FROM representations WHERE receipt = ? ORDER BY account", arguments: [receipt.value])
            let account = applicant ?? representatives.first
            // Guessing is bounded per account and per client address, counting wrong tries of the last hour.
            let wrongFromClient = try Int.fetchOne(db, sql: "SELECT count(*) FROM enrollment_attempts WHERE client = ? AND at > ? AND ok = 0", arguments: [client, hourAgo]) ?? 0
            let wrongForAccount = try account.map { try Int.fetchOne(db, sql: "SELECT count(*) FROM enrollment_attempts WHERE account = ? AND at > ? AND ok = 0", arguments: [$0, hourAgo]) ?? 0 } ?? 0
            if wrongFromClient >= EnrollmentLimits.wrongPerClientPerHour || wrongForAccount >= EnrollmentLimits.wrongPerAccountPerHour {
                let oldest = try Int64.fetchOne(db, sql: """
                    SELECT min(at) FROM (SELECT at FROM enrollment_attempts WHERE ok = 0 AND at > ? AND (client = ? OR account = ?::text) ORDER BY at DESC LIMIT ?) recent
                    """, arguments: [hourAgo, client, account, max(EnrollmentLimits.wrongPerClientPerHour, EnrollmentLimits.wrongPerAccountPerHour)]) ?? nowS
                try Audit.append(db, origin: origin, at: now, actor: Actor(role: .applicant, id: account ?? "unknown"), action: .enrollmentRefused,
                                 receipt: receipt, detail: "paused: too many wrong tries client=\(client)")
                return .paused(until: Records.date(oldest + 3600))
            }
            func wrong(_ why: String, _ result: EnrollmentResult? = nil) throws -> EnrollmentResult {
                try db.execute(sql: "INSERT INTO enrollment_attempts(at, account, client, ok) VALUES (?, ?, ?, 0)", arguments: [nowS, account, client])
                try Audit.append(db, origin: origin, at: now, actor: Actor(role: .applicant, id: account ?? "unknown"), action: .enrollmentRefused,
                                 receipt: receipt, detail: "\(why) client=\(client)")
                return result ?? .refused(triesLeft: max(0, min(EnrollmentLimits.wrongPerAccountPerHour - wrongForAccount, EnrollmentLimits.wrongPerClientPerHour - wrongFromClient) - 1))
            }
            guard account != nil, let normalized = EnrollmentCode.normalize(code) else { return try wrong("wrong receipt or code") }
            var found: (account: String, row: PGRow)?
            for candidate in ([applicant].compactMap { $0 } + representatives) where found == nil {
                if let row = try db.fetchRow(sql: "SELECT id, expires_at, used_at FROM enrollment_codes WHERE account = ? AND code_hash = ?",
                                             arguments: [candidate, EnrollmentCode.hash(normalized, account: candidate)]) {
                    found = (candidate, row)
                }
            }
            guard let (account, row) = found else { return try wrong("wrong code") }
            if (row["used_at"] as Int64?) != nil { return try wrong("code already used", .alreadyUsed) }
            if (row["expires_at"] as Int64) <= nowS { return try wrong("code expired", .expired) }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [key.blob]) ?? 0 > 0 {
                return try wrong("key already in use", .keyTaken)
            }
            guard let role = try String.fetchOne(db, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [account]).flatMap(Role.init(rawValue:)) else {
                return try wrong("no account")
            }
            try db.execute(sql: "UPDATE enrollment_codes SET used_at = ? WHERE id = ?", arguments: [nowS, row["id"] as Int64])
            try db.execute(sql: "INSERT INTO enrollment_attempts(at, account, client, ok) VALUES (?, ?, ?, 1)", arguments: [nowS, account, client])
            try db.execute(sql: """
                INSERT INTO ssh_keys(holder_kind, holder, type, blob, fingerprint, comment, added_at, added_how, added_by)
                VALUES ('account', ?, ?, ?, ?, ?, ?, 'enrollment', ?)
                """, arguments: [account, key.type, key.blob, key.fingerprint, String(key.comment.prefix(200)), nowS, account])
            try Audit.append(db, origin: origin, at: now, actor: Actor(role: role, id: account), action: .enrolled, receipt: receipt,
                             detail: "key=\(key.fingerprint) client=\(client)")
            return .enrolled(account: account)
        }
    }
}
#endif
