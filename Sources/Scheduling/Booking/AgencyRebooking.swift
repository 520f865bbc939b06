import Foundation

/// A center closes for a day (weather, an outage): the closure is recorded and, when asked, every
/// appointment scheduled there that day is moved by the agency to the nearest free slot at the same
/// center, else at the nearest free slot of another center in the same state. Agency rebookings do
/// not count toward the two prior reschedules (RULES: "rebookings by the agency do not count").
/// Each gets a notice and a notification; all of it in one transaction, or none of it.
public enum AgencyRebooking {
    public struct Move: Sendable, Hashable {
        public var receipt: ReceiptNumber
        public var from: Date
        /// Where it went; nil when no free slot was found (it stays, on a closed day: listed for a person).
        public var toCenter: String?
        public var to: Date?
        public var when: String?
    }

    public struct Report: Sendable, Hashable {
        public var center: String
        public var date: LocalDate
        public var newlyClosed: Bool
        public var moves: [Move]
        public var rebooked: Int { moves.filter { $0.to != nil }.count }
        public var stranded: Int { moves.filter { $0.to == nil }.count }
    }

    public static func close(
        center code: String, on date: LocalDate, reason: String, rebook: Bool, by actor: Actor,
        in store: some TransactionalStore, clock: () -> Date
    ) throws(StoreError) -> Report {
        try store.withWriteTransaction { tx in
            let now = clock()
            guard var center = try tx.center(code) else { throw StoreError.unknownCenter(code) }
            let newlyClosed = try tx.addClosure(center: code, date: date, reason: reason)
            center.closures.insert(date)
            guard let dayStart = center.zone.instant(of: LocalDateTime(date: date, time: LocalTime(minutes: 0)!)),
                let dayEnd = center.zone.instant(of: LocalDateTime(date: date.adding(days: 1), time: LocalTime(minutes: 0)!))
            else {
                throw StoreError.invalid(Localized { $0.noMidnight(date.iso, code) })
            }
            let affected = try tx.scheduledAppointments(center: code, from: dayStart, to: dayEnd).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            try tx.appendAudit(
                AuditEvent(
                    at: now, actor: actor, action: .centerClosed,
                    detail: "center=\(code) date=\(date.iso) scheduled=\(affected.count) rebook=\(rebook) reason=\(reason)"))
            guard rebook, !affected.isEmpty else {
                return Report(center: code, date: date, newlyClosed: newlyClosed, moves: affected.map { Move(receipt: $0.receipt, from: $0.start) })
            }
            let window = try tx.slotWindow()
            var finder = try SlotFinder(
                first: center, others: try tx.centers(inState: center.state).filter { $0.code != code },
                tx: tx, now: now, window: window)
            var moves: [Move] = []
            for a in affected {
                guard let (target, slot) = finder.take(nearest: a.start) else {
                    moves.append(Move(receipt: a.receipt, from: a.start))
                    continue
                }
                guard try tx.supersede(a) else { throw StoreError.conflict }
                let newID = try tx.insertAppointment(
                    NewAppointment(
                        receipt: a.receipt, centerCode: target.code, start: slot.start,
                        priorReschedules: a.priorReschedules, previous: a.id,
                        version: a.version + 2, createdAt: now))
                try tx.linkSuccessor(of: a.id, to: newID)
                let file = try tx.caseFile(a.receipt)
                let name = file?.applicantName ?? ""
                // Told by email if the account has one, else by SMS; a case without an online account gets the notice by mail.
                let contact = try file?.applicantAccount.flatMap { try tx.contact(account: $0) }
                let channel: NotifyChannel? = (contact?.email).map { _ in .email } ?? (contact?.phone).map { _ in .sms }
                var notice = AppointmentNotice(
                    number: ReschedulingService.noticeNumber(newID), receipt: a.receipt, applicantName: name,
                    center: target, start: slot.start, issuedAt: now)
                notice.closedDay = ClosedDayMove(from: a.start, center: center, reason: reason)
                try tx.insertNotice(notice, appointmentID: newID)
                try tx.enqueueNotification(
                    PendingNotification(
                        kind: .booked, receipt: a.receipt, appointmentID: newID, previousAppointmentID: a.id,
                        notify: channel, createdAt: now))
                try tx.appendAudit(
                    AuditEvent(
                        at: now, actor: actor, action: .agencyRebooked, receipt: a.receipt,
                        detail: "closure \(code) \(date.iso): to=\(target.code) \(notice.when) (does not count as a reschedule)"))
                moves.append(Move(receipt: a.receipt, from: a.start, toCenter: target.code, to: slot.start, when: notice.when))
            }
            return Report(center: code, date: date, newlyClosed: newlyClosed, moves: moves)
        }
    }

    /// One closed day and the appointments still scheduled on it (R17: each must be moved).
    public struct StrandedDay: Sendable, Hashable {
        public var center: Center
        public var date: LocalDate
        public var appointments: [Appointment]
    }

    /// Every appointment still scheduled on the given closure days (`import` lists them, as
    /// `centers close` does, so a closure never strands anyone silently). Days with none are left out.
    public static func stranded(
        _ closures: [(center: String, date: LocalDate)],
        in store: some TransactionalStore
    ) throws(StoreError) -> [StrandedDay] {
        try store.withWriteTransaction { tx in
            var out: [StrandedDay] = []
            var centers: [String: Center] = [:]
            for (code, date) in closures {
                if centers[code] == nil { centers[code] = try tx.center(code) }
                guard let center = centers[code],
                    let dayStart = center.zone.instant(of: LocalDateTime(date: date, time: LocalTime(minutes: 0)!)),
                    let dayEnd = center.zone.instant(of: LocalDateTime(date: date.adding(days: 1), time: LocalTime(minutes: 0)!))
                else { continue }
                let list = try tx.scheduledAppointments(center: code, from: dayStart, to: dayEnd).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
                if !list.isEmpty { out.append(StrandedDay(center: center, date: date, appointments: list)) }
            }
            return out
        }
    }

    /// Free slots of the closed center, then of the other centers of its state, each list in the
    /// booking window, with counts kept as slots are taken.
    struct SlotFinder {
        struct Candidates {
            var center: Center
            var slots: [Slot]
            var booked: [Date: Int]
        }
        var lists: [Candidates]

        init(first: Center, others: [Center], tx: any BookingTransaction, now: Date, window: SlotWindow) throws {
            lists = try ([first] + others.sorted { $0.code < $1.code }).map { c in
                let range = SlotCalendar.candidateDates(of: c, now: now, window: window)
                let days = range.upperBound.epochDay - range.lowerBound.epochDay + 1
                let slots = SlotCalendar.slots(of: c, from: range.lowerBound, days: max(0, days)).filter { window.contains($0.start, now: now) }
                let booked = try tx.slotCounts(center: c.code, from: window.earliest(after: now), to: window.latest(after: now).addingTimeInterval(1))
                return Candidates(center: c, slots: slots, booked: booked)
            }
        }

        /// The free slot nearest in time to `start`: at the first center if it has one, else the next.
        mutating func take(nearest start: Date) -> (Center, Slot)? {
            for i in lists.indices {
                var best: Slot?
                for s in lists[i].slots where lists[i].booked[s.start, default: 0] < lists[i].center.stations {
                    if best == nil || abs(s.start.timeIntervalSince(start)) < abs(best!.start.timeIntervalSince(start)) { best = s }
                }
                if let best {
                    lists[i].booked[best.start, default: 0] += 1
                    return (lists[i].center, best)
                }
            }
            return nil
        }
    }
}
