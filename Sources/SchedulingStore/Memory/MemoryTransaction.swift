import Foundation
import Scheduling

/// The booking primitives on a copy of the in-memory state (see `MemoryBookingStore`).
final class MemoryTransaction: BookingTransaction {
    var state: MemoryBookingStore.State
    let origin: AuditOrigin

    init(state: MemoryBookingStore.State, origin: AuditOrigin) {
        self.state = state
        self.origin = origin
    }

    func caseFile(_ receipt: ReceiptNumber) throws -> CaseFile? { state.cases[receipt] }

    func currentAppointment(_ receipt: ReceiptNumber) throws -> Appointment? {
        let mine = state.appointments.values.map(\.appointment).filter { $0.receipt == receipt }
        return mine.first { $0.status == .scheduled } ?? mine.max { $0.id < $1.id }
    }

    func center(_ code: String) throws -> Center? { state.centers[code] }
    func slotWindow() throws -> SlotWindow { state.window }
    func isTrainingStore() throws -> Bool { state.isTraining }
    func enrollmentDoor() throws -> EnrollmentDoor {
        EnrollmentDoor(hostSetting: state.settings[StoreSetting.enrollHost.key], userSetting: state.settings[StoreSetting.enrollUser.key])
    }

    func bookedCount(center: String, start: Date) throws -> Int {
        state.appointments.values.filter { $0.appointment.centerCode == center && $0.appointment.start == start && $0.appointment.status.holdsStation }.count
            + state.offers.values.filter { $0.state == .open && $0.centerCode == center && $0.start == start }.count
    }

    func lastRequest(appointmentID: Int64, before: Date) throws -> Date? {
        state.requests.values.filter { $0.stored.appointmentID == appointmentID && $0.receivedAt < before && $0.stored.decision != .refused }.map(\.receivedAt)
            .max()
    }

    func pendingEscalation(_ receipt: ReceiptNumber) throws -> String? {
        state.requests.values.filter { $0.stored.receipt == receipt && $0.stored.decision == .escalated }.max { $0.receivedAt < $1.receivedAt }?.stored.id
    }

    func request(_ id: String) throws -> StoredRequest? { state.requests[id]?.stored }

    func slotCounts(center: String, from: Date, to: Date) throws -> [Date: Int] {
        var out: [Date: Int] = [:]
        for o in state.offers.values where o.state == .open && o.centerCode == center && o.start >= from && o.start < to { out[o.start, default: 0] += 1 }
        for row in state.appointments.values
        where row.appointment.centerCode == center && row.appointment.status.holdsStation
            && row.appointment.start >= from && row.appointment.start < to
        { out[row.appointment.start, default: 0] += 1 }
        return out
    }

    func scheduledAppointments(center: String, from: Date, to: Date) throws -> [Appointment] {
        state.appointments.values.map(\.appointment).filter { $0.centerCode == center && $0.status == .scheduled && $0.start >= from && $0.start < to }
    }

    func centers(inState s: String) throws -> [Center] { state.centers.values.filter { $0.state == s }.sorted { $0.code < $1.code } }

    func addClosure(center: String, date: LocalDate, reason: String) throws -> Bool {
        guard state.centers[center] != nil else { throw StoreError.unknownCenter(center) }
        guard state.centers[center]!.closures.insert(date).inserted else { return false }
        if !reason.isEmpty { state.centers[center]!.closureReasons[date] = reason }
        return true
    }

    func contact(account: String) throws -> Contact? { state.accounts[account].map { Contact(email: $0.email, phone: $0.phone, language: $0.language) } }

    func supersede(_ appointment: Appointment) throws -> Bool {
        guard var row = state.appointments[appointment.id], row.appointment.version == appointment.version else { return false }
        if row.appointment.status.holdsStation { freeStation(row.appointment.centerCode, row.appointment.start) }
        row.appointment.status = .rescheduled
        row.appointment.version += 1
        state.appointments[appointment.id] = row
        return true
    }

    func insertAppointment(_ a: NewAppointment) throws -> Int64 {
        let id = state.nextAppointmentID
        state.nextAppointmentID += 1
        let root = state.appointments[a.previous].map { $0.chainRoot ?? a.previous }
        state.appointments[id] = .init(
            appointment: Appointment(
                id: id, receipt: a.receipt, centerCode: a.centerCode, start: a.start, status: .scheduled,
                priorReschedules: a.priorReschedules, version: a.version),
            chainRoot: root, rescheduledTo: nil)
        return id
    }

    func linkSuccessor(of old: Int64, to new: Int64) throws { state.appointments[old]?.rescheduledTo = new }

    func insertNotice(_ notice: AppointmentNotice, appointmentID: Int64) throws {
        guard state.notices[appointmentID] == nil else { throw StoreError.failed("a notice for appointment \(appointmentID) exists") }
        state.notices[appointmentID] = notice
    }

    func enqueueNotification(_ n: PendingNotification) throws { state.outbox.append(n) }

    func insertRequest(_ rec: RequestRecord) throws {
        let r = rec.request
        guard state.requests[r.requestID] == nil else { throw StoreError.failed("request id \(r.requestID) exists") }
        let preferredStart = state.centers[rec.centerCode]?.zone.instant(of: r.to)
        let item = ReviewItem(
            requestID: r.requestID, receipt: r.receipt, codes: rec.codes, goodCause: r.goodCause, note: r.note, agent: r.actor.id,
            preferredCenter: rec.centerCode, preferredStart: preferredStart, preferredLocal: r.to, requestedAt: rec.receivedAt)
        state.requests[r.requestID] = .init(
            stored: StoredRequest(
                id: r.requestID, receipt: r.receipt, actor: r.actor, decision: rec.decision,
                appointmentID: rec.appointmentID, notify: r.notify, outcome: rec.outcome, item: item),
            receivedAt: rec.receivedAt, review: nil)
        state.requestOrder.append(r.requestID)
    }

    func recordReview(_ review: ReviewRecord) throws {
        guard var row = state.requests[review.requestID] else { throw StoreError.unknownRequest(review.requestID) }
        guard !review.note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalidInput("A review always needs a note saying why.")
        }
        row.stored.decision = review.decision
        row.stored.outcome = review.outcome
        row.review = review
        state.requests[review.requestID] = row
    }

    func issueEnrollmentCode(account: String, by actor: Actor, now: Date) throws -> String {
        var rng = SystemRandomNumberGenerator()
        let code = EnrollmentCode.generate(using: &rng)
        // A new code ends every older unused one (as the SQLite store).
        for i in state.enrollmentCodes.indices
        where state.enrollmentCodes[i].account == account && !state.enrollmentCodes[i].used
            && state.enrollmentCodes[i].expires > now
        {
            state.enrollmentCodes[i].expires = now
        }
        state.enrollmentCodes.append(
            (account: account, hash: EnrollmentCode.hash(code, account: account), expires: now.addingTimeInterval(30 * 86_400), used: false))
        try appendAudit(AuditEvent(at: now, actor: actor, action: .enrollmentCodeIssued, detail: "account=\(account) valid 30 days"))
        return code
    }

    func appendAudit(_ e: AuditEvent) throws {
        let id = Int64(state.audit.count + 1)
        let entry = AuditEntry(
            id: id, at: Date(timeIntervalSince1970: e.at.timeIntervalSince1970.rounded(.down)), actorRole: e.actor.role.rawValue,
            actor: e.actor.id, action: e.action.rawValue, receipt: e.receipt?.value, requestID: e.requestID, detail: e.detail, origin: origin)
        let prev = state.audit.last?.hash ?? AuditChain.genesis
        state.audit.append((entry, AuditChain.hash(prev: prev, fields: AuditChain.fields(entry))))
    }
}
