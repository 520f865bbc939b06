import Foundation

/// An appointment as a message and a calendar event show it.
public struct CalendarAppointment: Sendable, Hashable {
    public var id: Int64
    public var center: Center
    public var start: Date
    public var status: AppointmentStatus
    public var noticeNumber: String
    /// The first appointment of the chain (its own id when it is the first).
    public var chainRoot: Int64
    /// 0 for the chain's first appointment, 1 after the first reschedule, and so on.
    public var position: Int

    public init(id: Int64, center: Center, start: Date, status: AppointmentStatus, noticeNumber: String, chainRoot: Int64, position: Int) {
        self.id = id
        self.center = center
        self.start = start
        self.status = status
        self.noticeNumber = noticeNumber
        self.chainRoot = chainRoot
        self.position = position
    }

    /// The end of the appointment: one slot after its start.
    public var end: Date { start.addingTimeInterval(TimeInterval(center.slotMinutes * 60)) }
    /// `Tue 2026-12-08 10:00 EST`, on the center's wall clock (R13).
    public var when: String { center.zone.formatLong(start) }
}
