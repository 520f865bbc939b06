import Foundation
import GRDB
import Scheduling

extension SQLiteBookingStore: TransactionalStore {
    /// One `BEGIN IMMEDIATE` transaction. SQLite's own refusals are typed here by result code and
    /// constraint name: the capacity CHECK (`slot_capacity`) is `.capacityExceeded`, the one
    /// scheduled appointment per case (a UNIQUE index) is `.conflict`.
    public func withWriteTransaction<T>(_ body: (any BookingTransaction) throws -> T) throws(StoreError) -> T {
        do {
            return try immediate { db in
                let tx = transaction(on: db)
                let result = try body(tx)
                try tx.flush()
                return result
            }
        } catch let e as DatabaseError where e.extendedResultCode == .SQLITE_CONSTRAINT_CHECK && StoreConstraint.named(e) == StoreConstraint.slotCapacity {
            throw .capacityExceeded
        } catch let e as DatabaseError
            where e.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && StoreConstraint.named(e) == StoreConstraint.oneScheduledPerCase
        {
            throw .conflict
        } catch {
            throw Self.map(error, context: nil)
        }
    }

    public func reschedule(_ request: RescheduleRequest, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.reschedule(request, in: self, clock: clock)
    }

    public func review(_ decision: ReviewDecision, clock: @Sendable () -> Date) throws(StoreError) -> RescheduleOutcome {
        try ReschedulingService.review(decision, in: self, clock: clock)
    }
}
