import Foundation
import Scheduling

/// A day of the calendar: its slots and bookings, and how it is marked.
public struct DaySummary: Sendable, Hashable {
    public enum Mark: String, Sendable { case free, nearlyFull, full, closed, outside }
    public var slots: [SlotAvailability]
    /// Indexes into `slots` of the offered ones (R12).
    public var offered: [Int]
    public var mark: Mark
}
