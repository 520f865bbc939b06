import Scheduling

public struct StoreCounts: Sendable, Hashable {
    public var centers = 0, cases = 0, appointments = 0, scheduled = 0, escalated = 0
    public init() {}
}

extension SQLStore {
    public func counts() throws(StoreError) -> StoreCounts {
        try sqlRead { db in
            var c = StoreCounts()
            c.centers = try Int.fetchOne(db, sql: "SELECT count(*) FROM centers") ?? 0
            c.cases = try Int.fetchOne(db, sql: "SELECT count(*) FROM cases") ?? 0
            c.appointments = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments") ?? 0
            c.scheduled = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointments WHERE status = 'scheduled'") ?? 0
            c.escalated = try Int.fetchOne(db, sql: "SELECT count(*) FROM requests WHERE decision = 'escalated'") ?? 0
            return c
        }
    }
}
