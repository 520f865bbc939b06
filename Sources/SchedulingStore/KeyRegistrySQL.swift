import Foundation
import Scheduling

/// SSH keys, enrollment codes and enrollment, written once for SQLite and PostgreSQL.
extension SQLStore {
    package static func holderColumns(_ h: KeyHolder) -> (String, String) {
        switch h {
        case let .account(a, _): ("account", a)
        case let .staff(u): ("staff", u)
        }
    }

    public func addKey(_ key: PublicKey, for holder: KeyHolder, how: String, by actor: Actor, now: Date) throws(StoreError) {
        let (kind, id) = Self.holderColumns(holder)
        try sqlWrite { db in
            if let existing = try db.fetchRow(sql: "SELECT holder_kind, holder FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [key.blob]) {
                let same = (existing["holder_kind"] as String) == kind && (existing["holder"] as String) == id
                throw StoreError.invalid(Localized { $0.keyInUse(by: same ? $0.holder(holder) : nil) })
            }
            try db.execute(
                sql: """
                    INSERT INTO ssh_keys(holder_kind, holder, type, blob, fingerprint, comment, added_at, added_how, added_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [kind, id, key.type, key.blob, key.fingerprint, String(key.comment.prefix(200)), Records.seconds(now), how, actor.id])
            try Audit.append(
                db, origin: origin, at: now, actor: actor, action: how == "enrollment" ? .enrolled : .accessAdded,
                detail: "\(holder.described) key=\(key.fingerprint)")
            if case let .account(account, _) = holder {
                try AccessNotice.keyLinked(
                    db, account: account, receipt: nil, fingerprint: key.fingerprint,
                    from: "\(actor.role.rawValue) \(actor.id)", enrolled: how == "enrollment", now: now)
            }
        }
    }

    public func revokeKeys(of holder: KeyHolder, blob: String?, by actor: Actor, now: Date) throws(StoreError) -> Int {
        if case .staff = holder, actor.role != .officer { throw .invalid(Localized { $0.onlyOfficersRevokeStaffKeys }) }
        let (kind, id) = Self.holderColumns(holder)
        return try sqlWrite { db in
            try db.execute(
                sql: """
                    UPDATE ssh_keys SET revoked_at = ?, revoked_by = ? WHERE holder_kind = ? AND holder = ? AND revoked_at IS NULL AND (CAST(? AS TEXT) IS NULL OR blob = CAST(? AS TEXT))
                    """, arguments: [Records.seconds(now), actor.id, kind, id, blob, blob])
            let n = db.changesCount
            if n > 0 {
                try Audit.append(db, origin: origin, at: now, actor: actor, action: .accessRemoved, detail: "\(holder.described) keys=\(n)")
            }
            return n
        }
    }

    package static func storedKey(_ db: any SQLDatabase, _ row: SQLRow) throws -> StoredKey? {
        let kind: String = row["holder_kind"], id: String = row["holder"]
        let holder: KeyHolder
        if kind == "staff" {
            holder = .staff(id)
        } else {
            guard let role = try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [id]).flatMap(Role.init(rawValue:)) else {
                return nil
            }
            holder = .account(id, role)
        }
        guard let key = try? PublicKey(parsing: "\(row["type"] as String) \(row["blob"] as String)") else { return nil }
        return StoredKey(
            holder: holder, key: PublicKey(type: key.type, blob: key.blob, comment: row["comment"]), fingerprint: row["fingerprint"],
            addedAt: Records.date(row["added_at"]), addedHow: row["added_how"], addedBy: row["added_by"])
    }

    public func activeKeys(of holder: KeyHolder?) throws(StoreError) -> [StoredKey] {
        try sqlRead { db in
            let rows: [SQLRow]
            if let holder {
                let (kind, id) = Self.holderColumns(holder)
                rows = try db.fetchRows(
                    sql: "SELECT * FROM ssh_keys WHERE revoked_at IS NULL AND holder_kind = ? AND holder = ? ORDER BY id", arguments: [kind, id])
            } else {
                rows = try db.fetchRows(sql: "SELECT * FROM ssh_keys WHERE revoked_at IS NULL ORDER BY holder_kind, holder, id")
            }
            return try rows.compactMap { try Self.storedKey(db, $0) }
        }
    }

    public func activeKey(blob: String) throws(StoreError) -> StoredKey? {
        try sqlRead { db in
            try db.fetchRow(sql: "SELECT * FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [blob]).flatMap { try Self.storedKey(db, $0) }
        }
    }

    public func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws(StoreError) -> String {
        try sqlWrite { db in try Self.issueCode(db, account: account, actor: actor, now: now, origin: origin, tellAccount: true) }
    }

    /// `SQLStore`'s: the code a booking's notice and message carry (the account is told by them).
    public static func issueCode(_ db: any SQLDatabase, account: String, actor: Actor, now: Date, origin: AuditOrigin) throws -> String {
        try issueCode(db, account: account, actor: actor, now: now, origin: origin, tellAccount: false)
    }

    /// A new code; every older unused code of the account stops working (and leaves the outbox).
    /// `tellAccount`: staff issued it on its own (not inside a booking whose message carries it),
    /// so the account is told through the outbox.
    public static func issueCode(_ db: any SQLDatabase, account: String, actor: Actor, now: Date, origin: AuditOrigin, tellAccount: Bool) throws -> String {
        guard try db.fetchValue(Int.self, sql: EnrollmentReads.accountCount, arguments: [account]) == 1 else {
            throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) })
        }
        let days = Int(try db.fetchValue(String.self, sql: EnrollmentReads.enrollmentDays) ?? "") ?? EnrollmentLimits.defaultValidDays
        var rng = SystemRandomNumberGenerator()
        let code = EnrollmentCode.generate(using: &rng)
        let older = try db.fetchValue(Int.self, sql: EnrollmentReads.openCodes, arguments: [account, Records.seconds(now)]) ?? 0
        // Older codes end now: expired, so a try with one says so; a message still waiting with one drops it.
        try db.runLater(
            sql: "UPDATE enrollment_codes SET expires_at = ? WHERE account = ? AND used_at IS NULL AND expires_at > ?",
            arguments: [Records.seconds(now), account, Records.seconds(now)])
        try db.runLater(sql: "UPDATE outbox SET enrollment_code = NULL WHERE account = ? AND enrollment_code IS NOT NULL", arguments: [account])
        try db.runLater(
            sql: "INSERT INTO enrollment_codes(account, code_hash, issued_at, expires_at, issued_by) VALUES (?, ?, ?, ?, ?)",
            arguments: [
                account, EnrollmentCode.hash(code, account: account), Records.seconds(now),
                Records.seconds(now) + Int64(days) * 86_400, actor.id
            ])
        try Audit.append(
            db, origin: origin, at: now, actor: actor, action: .enrollmentCodeIssued,
            detail: "account=\(account) valid \(days) days" + (older > 0 ? ", \(older) older code(s) ended" : ""))
        if tellAccount && actor.role.isStaff {
            try AccessNotice.codeIssued(db, account: account, by: "\(actor.role.rawValue) \(actor.id)", now: now)
        }
        return code
    }

    public func acceptRepresentation(receipt: ReceiptNumber, account: String, by actor: Actor, now: Date) throws(StoreError) -> RepresentationAcceptance {
        let origin = self.origin
        return try sqlWrite { db in
            guard let row = try db.fetchRow(sql: "SELECT applicant_name, form FROM cases WHERE receipt = ?", arguments: [receipt.value]) else {
                throw StoreError.invalid(Localized { $0.noCaseInStore(receipt.value) })
            }
            guard let who = try db.fetchRow(sql: "SELECT role, name FROM accounts WHERE id = ?", arguments: [account]) else {
                throw StoreError.invalid(Localized { $0.noAccountInStore(Echo.show(account)) })
            }
            guard (who["role"] as String) == "representative" else {
                throw StoreError.invalid(Localized { $0.notRepresentativeG28(Echo.show(account), who["role"] as String) })
            }
            let already =
                try db.fetchValue(Int.self, sql: "SELECT count(*) FROM representations WHERE receipt = ? AND account = ?", arguments: [receipt.value, account])
                ?? 0 > 0
            if !already { try db.execute(sql: "INSERT INTO representations(receipt, account) VALUES (?, ?)", arguments: [receipt.value, account]) }
            try Audit.append(
                db, origin: origin, at: now, actor: actor, action: .representationAccepted, receipt: receipt,
                detail: "account=\(account)\(already ? " (already on file: a new enrollment code)" : "")")
            let code = try Self.issueCode(db, account: account, actor: actor, now: now, origin: origin, tellAccount: true)
            let days = Int(try db.fetchValue(String.self, sql: EnrollmentReads.enrollmentDays) ?? "") ?? EnrollmentLimits.defaultValidDays
            return RepresentationAcceptance(
                receipt: receipt, account: account, representativeName: who["name"], applicantName: row["applicant_name"],
                form: row["form"], alreadyOnFile: already, enrollmentCode: code, validDays: days,
                enrollDoor: try SettingsSQL.door(db))
        }
    }

    public func enroll(receipt: ReceiptNumber, code: String, key: PublicKey, client: String, now: Date) throws(StoreError) -> EnrollmentResult {
        try sqlWrite { db in
            let nowS = Records.seconds(now)
            // The case's people: its applicant, and each representative with a G-28 on file (whose
            // code came with the G-28's acceptance).
            let applicant = try db.fetchValue(String.self, sql: "SELECT applicant_account FROM cases WHERE receipt = ?", arguments: [receipt.value])
            let representatives = try db.fetchValues(
                String.self, sql: "SELECT account FROM representations WHERE receipt = ? ORDER BY account", arguments: [receipt.value])
            let people = [applicant].compactMap { $0 } + representatives
            // The code is looked up first: the right one is never paused. A receipt without anyone
            // does the same work (one hash, one look-up) as one with an applicant.
            let normalized = EnrollmentCode.normalize(code)
            var found: (account: String, row: SQLRow)?
            for candidate in (people.isEmpty ? [""] : people) where found == nil {
                let hash = EnrollmentCode.hash(normalized ?? "-", account: candidate)
                if let row = try db.fetchRow(
                    sql: "SELECT id, expires_at, used_at FROM enrollment_codes WHERE account = ? AND code_hash = ?",
                    arguments: [candidate, hash]), normalized != nil
                {
                    found = (candidate, row)
                }
            }
            if let (account, row) = found, (row["used_at"] as Int64?) == nil, (row["expires_at"] as Int64) > nowS,
                try db.fetchValue(Int.self, sql: "SELECT count(*) FROM ssh_keys WHERE blob = ? AND revoked_at IS NULL", arguments: [key.blob]) ?? 0 == 0,
                let role = try db.fetchValue(String.self, sql: "SELECT role FROM accounts WHERE id = ?", arguments: [account]).flatMap(Role.init(rawValue:))
            {
                try db.execute(sql: "UPDATE enrollment_codes SET used_at = ? WHERE id = ?", arguments: [nowS, row["id"] as Int64])
                try db.execute(sql: "INSERT INTO enrollment_attempts(at, account, client, ok) VALUES (?, ?, ?, 1)", arguments: [nowS, account, client])
                try db.execute(
                    sql: """
                        INSERT INTO ssh_keys(holder_kind, holder, type, blob, fingerprint, comment, added_at, added_how, added_by)
                        VALUES ('account', ?, ?, ?, ?, ?, ?, 'enrollment', ?)
                        """, arguments: [account, key.type, key.blob, key.fingerprint, String(key.comment.prefix(200)), nowS, account])
                try Audit.append(
                    db, origin: origin, at: now, actor: Actor(role: role, id: account), action: .enrolled, receipt: receipt,
                    detail: "key=\(key.fingerprint) client=\(client)")
                try AccessNotice.keyLinked(db, account: account, receipt: receipt, fingerprint: key.fingerprint, from: client, enrolled: true, now: now)
                return .enrolled(account: account)
            }
            // Not enrolled: counted per (receipt typed, network) and per network, the same whether
            // the receipt exists or not; during a pause nothing is written.
            let scopes = EnrollmentThrottle.scopes(receipt: receipt, client: client)
            var states: [EnrollmentThrottle.State] = []
            for scope in scopes {
                let row = try db.fetchRow(
                    sql: "SELECT wrong, window_start, paused_until, pauses FROM enrollment_throttle WHERE scope = ?", arguments: [scope.key])
                states.append(
                    EnrollmentThrottle.current(
                        row.map {
                            EnrollmentThrottle.State(
                                wrong: $0["wrong"] as Int, windowStart: Records.date($0["window_start"] as Int64),
                                pausedUntil: ($0["paused_until"] as Int64?).map(Records.date), pauses: $0["pauses"] as Int)
                        }, now: now))
            }
            if let until = EnrollmentThrottle.pausedUntil(states, now: now) { return .paused(until: until) }
            var counted: [(EnrollmentThrottle.State, EnrollmentThrottle.Scope, Bool)] = []
            var pausedTill: [String] = []
            for (scope, state) in zip(scopes, states) {
                let (s, started) = EnrollmentThrottle.countWrong(state, limit: scope.limit, now: now)
                counted.append((s, scope, started))
                if started, let until = s.pausedUntil {
                    pausedTill.append("\(scope.key) paused until \(Records.seconds(until))") // not for a person: an audit detail
                }
                try db.execute(
                    sql: """
                        INSERT INTO enrollment_throttle(scope, wrong, window_start, paused_until, pauses) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(scope) DO UPDATE SET wrong = excluded.wrong, window_start = excluded.window_start,
                          paused_until = excluded.paused_until, pauses = excluded.pauses
                        """, arguments: [scope.key, s.wrong, Records.seconds(s.windowStart), s.pausedUntil.map(Records.seconds), s.pauses])
            }
            // Scopes quiet for two days are forgotten: the table holds only what is being counted.
            try db.execute(
                sql: "DELETE FROM enrollment_throttle WHERE window_start < ? AND coalesce(paused_until, 0) < ?",
                arguments: [nowS - 2 * 86_400, nowS - 2 * 86_400])
            let why: String
            var result: EnrollmentResult? = nil
            switch found {
            case nil: why = "wrong receipt or code" // not for a person: an audit detail
            case let (_, row)? where (row["used_at"] as Int64?) != nil:
                why = "code already used"
                result = .alreadyUsed // not for a person: an audit detail
            case let (_, row)? where (row["expires_at"] as Int64) <= nowS:
                why = "code expired"
                result = .expired // not for a person: an audit detail
            case .some:
                why = "key already in use"
                result = .keyTaken // not for a person: an audit detail
            }
            let account = found?.account ?? people.first
            try db.execute(sql: "INSERT INTO enrollment_attempts(at, account, client, ok) VALUES (?, ?, ?, 0)", arguments: [nowS, account, client])
            try Audit.append(
                db, origin: origin, at: now, actor: Actor(role: .applicant, id: account ?? "unknown"), action: .enrollmentRefused,
                receipt: receipt, detail: ([why, "client=\(client)"] + pausedTill).joined(separator: " "))
            return result ?? .refused(triesLeft: EnrollmentThrottle.triesLeft(counted))
        }
    }
}

/// The reads of issuing an enrollment code, for a transaction that fetches them ahead.
package enum EnrollmentReads {
    package static let accountCount = "SELECT count(*) FROM accounts WHERE id = ?"
    package static let enrollmentDays = "SELECT value FROM settings WHERE key = 'enrollment_days'"
    package static let openCodes = "SELECT count(*) FROM enrollment_codes WHERE account = ? AND used_at IS NULL AND expires_at > ?"
}
