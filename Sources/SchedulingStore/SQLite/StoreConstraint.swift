import GRDB

/// The store's own invariants, by the names SQLite reports when one fires (after "constraint
/// failed: "): a CHECK by its constraint name, a UNIQUE index by its table and columns.
enum StoreConstraint {
    static let slotCapacity = "slot_capacity"
    static let oneScheduledPerCase = "appointments.receipt"

    static func named(_ e: DatabaseError) -> String? {
        guard let m = e.message, let r = m.range(of: "constraint failed: ") else { return nil }
        return String(m[r.upperBound...])
    }
}
