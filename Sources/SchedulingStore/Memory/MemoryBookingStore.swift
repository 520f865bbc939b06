import Foundation
import Scheduling

/// A scheduling store in memory, with no SQLite: the same protocols as the file store, for the
/// UI's behaviour tests and the conformance suite. A write transaction works on a copy of the
/// state and replaces it only when the block returns and the store's invariants hold (capacity,
/// one scheduled appointment per case), so it is all of it or none of it, as in SQLite.
public final class MemoryBookingStore: BookingStore, StoreAdministration, StoreSettings, TransactionalStore, DocumentImporting, @unchecked Sendable {
    struct AppointmentRow {
        var appointment: Appointment
        var chainRoot: Int64?
        var rescheduledTo: Int64?
    }
    struct AccountRow {
        var role: Role
        var name: String
        var email: String?
        var phone: String?
        var aNumber: String? = nil
        var dateOfBirth: LocalDate? = nil
        var language: Language? = nil
    }
    struct RequestRow {
        var stored: StoredRequest
        var receivedAt: Date
        var review: ReviewRecord?
    }
    struct State {
        var window: SlotWindow
        var isTraining: Bool
        var createdBy: String
        var centers: [String: Center] = [:]
        var accounts: [String: AccountRow] = [:]
        var staff: [String: StaffMember] = [:]
        var cases: [ReceiptNumber: CaseFile] = [:]
        var appointments: [Int64: AppointmentRow] = [:]
        var nextAppointmentID: Int64 = 1
        var requests: [String: RequestRow] = [:]
        var requestOrder: [String] = []
        var notices: [Int64: AppointmentNotice] = [:]
        var outbox: [PendingNotification] = []
        var audit: [(entry: AuditEntry, hash: String)] = []
        var enrollmentCodes: [(account: String, hash: String, expires: Date, used: Bool)] = []
        var keys: [StoredKey] = []
        /// The settings an administrator changes (`StoreSetting`), by key; unset is "".
        var settings: [String: String] = ["enroll_host": "", "enroll_user": ""]
        // The waiting list (issue 23): requests with their state, offers, stations given back.
        var waitlist: [Int64: (request: WaitlistRequest, state: String)] = [:]
        var nextWaitlistID: Int64 = 1
        var offers: [Int64: Offer] = [:]
        var offerAppointments: [Int64: Int64] = [:]
        var freed: [FreedStation] = []
        var nextFreedID: Int64 = 1
        var offerHoldMinutes = 120
    }

    private let lock = NSLock()
    private var state: State
    public let origin: AuditOrigin

    public init(training: Bool = true, createdBy: String, now: Date, window: SlotWindow = .standard, origin: AuditOrigin = AuditOrigin()) {
        self.origin = origin
        state = State(window: window, isTraining: training, createdBy: createdBy)
        state.staff[createdBy] = StaffMember(user: createdBy, role: .officer, addedAt: now, addedBy: createdBy)
        _ = try? withWriteTransaction { tx in
            try tx.appendAudit(
                AuditEvent(
                    at: now, actor: Actor(role: .officer, id: createdBy), action: .storeCreated,
                    detail: training ? "training store" : "production store"))
        }
    }

    func reading<T>(_ body: (State) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        do { return try body(state) } catch let e as StoreError { throw e } catch { throw .failed("\(error)") }
    }

    // MARK: Transactions

    public func withWriteTransaction<T>(_ body: (any BookingTransaction) throws -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        let tx = MemoryTransaction(state: state, origin: origin)
        let result: T
        do { result = try body(tx) } catch let e as StoreError { throw e } catch { throw .failed("\(error)") }
        try Self.checkInvariants(tx.state)
        state = tx.state
        return result
    }

    /// What the SQLite schema enforces with CHECKs, triggers and a unique index.
    static func checkInvariants(_ s: State) throws(StoreError) {
        var perSlot: [String: Int] = [:]
        var scheduled: Set<ReceiptNumber> = []
        for row in s.appointments.values {
            let a = row.appointment
            if a.status.holdsStation { perSlot["\(a.centerCode) \(Int64(a.start.timeIntervalSince1970))", default: 0] += 1 }
            if a.status == .scheduled && !scheduled.insert(a.receipt).inserted { throw .conflict }
        }
        // A held station counts against capacity as a booking does; one open offer per request.
        var openPerRequest = Set<Int64>()
        for o in s.offers.values where o.state == .open {
            perSlot["\(o.centerCode) \(Int64(o.start.timeIntervalSince1970))", default: 0] += 1
            if !openPerRequest.insert(o.waitlistID).inserted { throw .invalidInput("one open offer per request") }
        }
        for (key, n) in perSlot {
            let code = String(key.prefix { $0 != " " })
            if n > (s.centers[code]?.stations ?? 0) { throw .capacityExceeded }
        }
        for id in s.accounts.keys where !Identifier.isAccountID(id) { throw .invalidInput("account id must match the identifier pattern") }
        for user in s.staff.keys where !Identifier.isLoginName(user) { throw .invalidInput("staff login must match the login pattern") }
    }

    // MARK: StoreSettings

    public func enrollmentDoor() throws(StoreError) -> EnrollmentDoor {
        try reading { s in try MemoryTransaction(state: s, origin: origin).enrollmentDoor() }
    }

    @discardableResult
    public func changeSetting(_ setting: StoreSetting, to value: String?, by actor: Actor, now: Date) throws(StoreError) -> (old: String, new: String) {
        guard actor.role == .officer else { throw .notAuthorized }
        let normalized = try setting.normalize(value)
        return try withWriteTransaction { tx in
            guard let m = tx as? MemoryTransaction else { throw StoreError.failed("not the memory store's transaction") }
            let old = m.state.settings[setting.key] ?? ""
            m.state.settings[setting.key] = normalized
            if old != normalized {
                try m.appendAudit(
                    AuditEvent(
                        at: now, actor: actor, action: .settingChanged,
                        detail: "\(setting.key): \(old.isEmpty ? "(unset)" : old) -> \(normalized.isEmpty ? "(unset)" : normalized)"))
            }
            return (old, normalized)
        }
    }

    // MARK: BookingStore

    public func storeInfo() throws(StoreError) -> StoreInfo {
        try reading { StoreInfo(window: $0.window, isTraining: $0.isTraining, createdBy: $0.createdBy) }
    }
    public func center(code: String) throws(StoreError) -> Center? { try reading { $0.centers[code.uppercased()] } }
    public func centers() throws(StoreError) -> [Center] { try reading { $0.centers.values.sorted { $0.code < $1.code } } }

    public func caseSnapshot(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> CaseSnapshot {
        try reading { s in try CaseSnapshot.load(receipt, for: actor, from: MemoryTransaction(state: s, origin: origin)) }
    }

    public func receiptsOnFile(_ receipts: [ReceiptNumber]) throws(StoreError) -> Set<ReceiptNumber> {
        try reading { s in Set(receipts.filter { s.cases[$0] != nil }) }
    }

    public func cases(for actor: Actor) throws(StoreError) -> [CaseSummary] {
        try reading { s in
            let tx = MemoryTransaction(state: s, origin: origin)
            let mine: [CaseFile]
            switch actor.role {
            case .applicant: mine = s.cases.values.filter { $0.applicantAccount == actor.id }
            case .representative: mine = s.cases.values.filter { $0.representatives.contains(actor.id) }
            case .agent, .officer: return []
            }
            return try mine.sorted { $0.receipt < $1.receipt }.map { c in
                let a = try tx.currentAppointment(c.receipt)
                return CaseSummary(
                    receipt: c.receipt, form: c.form, applicantName: c.applicantName, centerCode: a?.centerCode ?? "",
                    start: a?.start, zone: a.flatMap { s.centers[$0.centerCode]?.zone })
            }
        }
    }

    public func findCallers(_ query: CallerQuery, for actor: Actor, limit: Int, now: Date) throws(StoreError) -> CallerSearchResult {
        do { try CallerSearch.authorize(actor) } catch {
            try? recordEvent(.notAuthorized, actor: actor, receipt: nil, detail: "caller search refused: \(query.kind)", now: now)
            throw error
        }
        let limit = max(1, min(limit, 200))
        return try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            let found = m.state.cases.values.filter { c in
                let a = c.applicantAccount.flatMap { m.state.accounts[$0] }
                return CallerSearch.matches(
                    query, receipt: c.receipt, name: c.applicantName, aNumber: a?.aNumber, dateOfBirth: a?.dateOfBirth,
                    email: a?.email, phone: a?.phone)
            }.sorted { (NameKey.fold($0.applicantName), $0.receipt.value) < (NameKey.fold($1.applicantName), $1.receipt.value) }
            let matches = try found.prefix(limit).map { c in
                let appt = try m.currentAppointment(c.receipt).flatMap { $0.status == .scheduled ? $0 : nil }
                return CallerMatch(
                    receipt: c.receipt, name: c.applicantName, dateOfBirth: c.applicantAccount.flatMap { m.state.accounts[$0]?.dateOfBirth },
                    form: c.form.code, next: appt, centerTimeZone: appt.flatMap { m.state.centers[$0.centerCode]?.zone.identifier })
            }
            let result = CallerSearchResult(query: query, matches: matches, more: found.count > limit)
            try m.appendAudit(AuditEvent(at: now, actor: actor, action: .callersSearched, detail: CallerSearch.auditDetail(result)))
            return result
        }
    }

    public func bookedCounts(center: String, from: Date, to: Date) throws(StoreError) -> [Date: Int] {
        try reading { s in
            var out: [Date: Int] = [:]
            for o in s.offers.values where o.state == .open && o.centerCode == center && o.start >= from && o.start < to { out[o.start, default: 0] += 1 }
            for row in s.appointments.values
            where row.appointment.centerCode == center && row.appointment.status.holdsStation
                && row.appointment.start >= from && row.appointment.start < to
            {
                out[row.appointment.start, default: 0] += 1
            }
            return out
        }
    }

    public func bookingsInWindow(center: String, now: Date) throws(StoreError) -> (SlotWindow, [Date: Int]) {
        let window = try storeInfo().window
        return (window, try bookedCounts(center: center, from: window.earliest(after: now), to: window.latest(after: now).addingTimeInterval(1)))
    }

    public func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.reschedule(request, in: self, clock: clock)
    }

    public func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.review(decision, in: self, clock: clock)
    }

    public func pendingReviews() throws(StoreError) -> [ReviewItem] {
        try reading { s in
            let tx = MemoryTransaction(state: s, origin: origin)
            return try s.requestOrder.compactMap { s.requests[$0] }.filter { $0.stored.decision == .escalated }
                .sorted { $0.receivedAt < $1.receivedAt }.map { try $0.stored.item.withDetails(from: tx) }
        }
    }

    public func currentNotice(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> AppointmentNotice? {
        let snap = try caseSnapshot(receipt, for: actor)
        guard snap.appointment.status == .scheduled else { return nil }
        return try reading { s in
            s.notices[snap.appointment.id]
                ?? AppointmentNotice(
                    number: ReschedulingService.noticeNumber(snap.appointment.id), receipt: receipt,
                    applicantName: snap.caseFile.applicantName, center: snap.center,
                    start: snap.appointment.start, issuedAt: Date(timeIntervalSince1970: 0))
        }
    }

    @discardableResult
    public func recordLookup(_ receipt: ReceiptNumber, by actor: Actor, refused: Bool, detail: String, now: Date) -> Bool {
        (try? recordEvent(refused ? .notAuthorized : .caseViewed, actor: actor, receipt: receipt, detail: detail, now: now)) != nil
    }

    // MARK: StoreAdministration

    public func staffRole(of user: String) throws(StoreError) -> StaffRole? { try reading { $0.staff[user]?.role } }
    public func staff() throws(StoreError) -> [StaffMember] { try reading { $0.staff.values.sorted { $0.user < $1.user } } }

    public func addStaff(_ user: String, role: StaffRole, by officer: String, now: Date) throws(StoreError) {
        guard Identifier.isLoginName(user) else { throw .invalid(Localized { $0.notALogin(Echo.show(user)) }) }
        try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            if let existing = m.state.staff[user] {
                throw StoreError.invalid(Localized { $0.alreadyStaff(user, existing.role.rawValue) })
            }
            m.state.staff[user] = StaffMember(user: user, role: role, addedAt: now, addedBy: officer)
            try m.appendAudit(AuditEvent(at: now, actor: Actor(role: .officer, id: officer), action: .staffAdded, detail: "\(user) as \(role.rawValue)"))
        }
    }

    public func removeStaff(_ user: String, by officer: String, now: Date) throws(StoreError) {
        try withWriteTransaction { tx in
            let m = tx as! MemoryTransaction
            guard let member = m.state.staff[user] else { throw StoreError.invalid(Localized { $0.notAStaffUser(Echo.show(user)) }) }
            if member.role == .officer && m.state.staff.values.filter({ $0.role == .officer }).count <= 1 {
                throw StoreError.invalid(Localized { $0.lastOfficer(user) })
            }
            m.state.staff[user] = nil
            m.state.keys.removeAll { $0.holder.isStaff && $0.holder.id == user } // their keys end with the login
            try m.appendAudit(
                AuditEvent(at: now, actor: Actor(role: .officer, id: officer), action: .staffRemoved, detail: "\(user) (\(member.role.rawValue))"))
        }
    }

    public func accountRole(_ id: String) throws(StoreError) -> Role? { try reading { $0.accounts[id]?.role } }
    public func accountLanguage(_ id: String) throws(StoreError) -> Language? { try reading { $0.accounts[id]?.language } }

    public func auditLog(receipt: ReceiptNumber?) throws(StoreError) -> [AuditEntry] {
        try reading { s in s.audit.map(\.entry).filter { receipt == nil || $0.receipt == receipt?.value } }
    }

    public func recordEvent(_ action: AuditAction, actor: Actor, receipt: ReceiptNumber?, detail: String, now: Date) throws(StoreError) {
        try withWriteTransaction { tx in try tx.appendAudit(AuditEvent(at: now, actor: actor, action: action, receipt: receipt, detail: detail)) }
    }

    public func verifyAudit() throws(StoreError) -> AuditVerification {
        try reading { s in
            var prev = AuditChain.genesis
            for (i, row) in s.audit.enumerated() {
                guard AuditChain.hash(prev: prev, fields: AuditChain.fields(row.entry)) == row.hash else {
                    return AuditVerification(rows: i, firstBroken: row.entry.id) { $0.auditRowMismatch(row.entry.id) }
                }
                prev = row.hash
            }
            return AuditVerification(rows: s.audit.count, firstBroken: nil, problem: nil)
        }
    }

    // MARK: DocumentImporting

    public func importDocument(_ doc: ImportDocument, actor: Actor, now: Date) throws(StoreError) -> ImportSummary {
        do {
            return try withWriteTransaction { tx in try MemoryImporter.load(tx as! MemoryTransaction, doc, actor: actor, now: now) }
        } catch .capacityExceeded {
            throw .invalid(Localized { $0.importRefused($0.importOverCapacity) })
        } catch .conflict {
            throw .invalid(Localized { $0.importRefused($0.importTwoScheduledShort) })
        }
    }
}
