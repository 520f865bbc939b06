import Foundation
import Scheduling

extension SQLStore {
    public func storeInfo() throws(StoreError) -> StoreInfo {
        let s = try sqlRead { db in try Records.settings(db) }
        return StoreInfo(
            window: SlotWindow(storedLeadHours: s["lead_hours"], horizonDays: s["horizon_days"]),
            isTraining: s["training"] == "1", createdBy: s["created_by"] ?? "")
    }

    public func center(code: String) throws(StoreError) -> Center? {
        try sqlRead { db in try Records.center(db, code: code.uppercased()) }
    }

    public func centers() throws(StoreError) -> [Center] {
        try sqlRead { db in
            try db.fetchRows(sql: Records.centerSelect(db.dialect) + " ORDER BY c.code").map { try Records.center(db, row: $0) }
        }
    }

    public func caseSnapshot(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> CaseSnapshot {
        return try sqlRead { db in try CaseSnapshot.load(receipt, for: actor, from: transaction(on: db)) }
    }

    public func receiptsOnFile(_ receipts: [ReceiptNumber]) throws(StoreError) -> Set<ReceiptNumber> {
        guard !receipts.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: receipts.count).joined(separator: ", ")
        let found = try sqlRead { db in
            try db.fetchValues(String.self, sql: "SELECT receipt FROM cases WHERE receipt IN (\(marks))", arguments: SQLArguments(receipts.map(\.value)))
        }
        return Set(found.compactMap { try? ReceiptNumber(parsing: $0) })
    }

    public func cases(for actor: Actor) throws(StoreError) -> [CaseSummary] {
        let sql: String
        switch actor.role {
        case .applicant:
            sql = "SELECT c.receipt, c.form, c.applicant_name FROM cases c WHERE c.applicant_account = ? ORDER BY c.receipt"
        case .representative:
            sql = """
                SELECT c.receipt, c.form, c.applicant_name FROM representations r JOIN cases c ON c.receipt = r.receipt
                WHERE r.account = ? ORDER BY c.receipt
                """
        case .agent, .officer:
            return []
        }
        return try sqlRead { db in
            try db.fetchRows(sql: sql, arguments: [actor.id]).map { row in
                let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
                let appt = try Records.currentAppointment(db, receipt: receipt)
                let zone = try appt.flatMap { try db.fetchValue(String.self, sql: "SELECT time_zone FROM centers WHERE code = ?", arguments: [$0.centerCode]) }
                    .flatMap { ZoneCache.rules($0) }
                return CaseSummary(
                    receipt: receipt, form: FormType(row["form"]), applicantName: row["applicant_name"],
                    centerCode: appt?.centerCode ?? "", start: appt?.start, zone: zone)
            }
        }
    }

    public func bookedCounts(center: String, from: Date, to: Date) throws(StoreError) -> [Date: Int] {
        try sqlRead { db in try Self.booked(db, center: center, from: from, to: to) }
    }

    package static func booked(_ db: any SQLDatabase, center: String, from: Date, to: Date) throws -> [Date: Int] {
        var out: [Date: Int] = [:]
        out.reserveCapacity(512)
        let rows = try db.fetchRows(
            sql: "SELECT start, booked FROM slots WHERE center = ? AND start >= ? AND start < ?",
            arguments: [center, Records.seconds(from), Records.seconds(to)])
        for r in rows {
            let start: Int64 = r[0]
            out[Records.date(start)] = r[1]
        }
        return out
    }

    public func pendingReviews() throws(StoreError) -> [ReviewItem] {
        return try sqlRead { db in
            let tx = transaction(on: db)
            // Oldest first: the one that has waited longest is decided first.
            return try db.fetchRows(sql: "SELECT * FROM requests WHERE decision = 'escalated' ORDER BY received_at, id").map { row in
                try Self.reviewItem(db, row).withDetails(from: tx)
            }
        }
    }

    package static func reviewItem(_ db: any SQLDatabase, _ row: SQLRow) throws -> ReviewItem {
        let receipt = try ReceiptNumber(parsing: row["receipt"] as String)
        let reason: String? = row["reason"]
        let cause = reason.flatMap(GoodCauseReason.init(rawValue:)).map { GoodCause(reason: $0, explanation: row["explanation"]) }
        let codes = (row["codes"] as String).split(separator: ",").compactMap { VerdictCode(rawValue: String($0)) }
        let centerCode: String = row["preferred_center"]
        let local = LocalDateTime(iso: row["preferred_local"]) ?? LocalDateTime(date: LocalDate(epochDay: 0), time: LocalTime(minutes: 0)!)
        let start = try Records.center(db, code: centerCode)?.zone.instant(of: local)
        return ReviewItem(
            requestID: row["id"], receipt: receipt, codes: codes, goodCause: cause, note: row["note"],
            agent: row["actor"], preferredCenter: centerCode, preferredStart: start, preferredLocal: local,
            requestedAt: Records.date(row["received_at"]))
    }

    public func currentNotice(_ receipt: ReceiptNumber, for actor: Actor) throws(StoreError) -> AppointmentNotice? {
        return try sqlRead { db in
            let snap = try CaseSnapshot.load(receipt, for: actor, from: transaction(on: db))
            guard snap.appointment.status == .scheduled else { return nil }
            if let json = try db.fetchValue(String.self, sql: "SELECT json FROM notices WHERE appointment_id = ?", arguments: [snap.appointment.id]) {
                return try JSONDecoder().decode(AppointmentNotice.self, from: Data(json.utf8))
            }
            // Appointments loaded by import or made by the agency have no stored notice yet: show one.
            return AppointmentNotice(
                number: ReschedulingService.noticeNumber(snap.appointment.id), receipt: receipt,
                applicantName: snap.caseFile.applicantName, center: snap.center,
                start: snap.appointment.start, issuedAt: Records.date(0))
        }
    }
}

extension BookingStore where Self: SQLStore {
    /// One read for the slot search: the settings and the counters of the window.
    public func bookingsInWindow(center: String, now: Date) throws(StoreError) -> (SlotWindow, [Date: Int]) {
        try sqlRead { db in
            let window = try Records.window(db)
            return (
                window,
                try Self.booked(
                    db, center: center, from: window.earliest(after: now),
                    to: window.latest(after: now).addingTimeInterval(1))
            )
        }
    }
}
