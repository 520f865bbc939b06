import Foundation
import Scheduling

/// `importDocument` for the in-memory store: the same meaning as the SQLite importer (a center
/// already there changes only in the fields given; a new one needs them all; a zone or slot
/// length does not change under scheduled appointments; an account never changes role), on the
/// transaction's copy of the state. Errors name the record and field.
enum MemoryImporter {
    static func load(_ tx: MemoryTransaction, _ doc: ImportDocument, actor: Actor, now: Date) throws -> ImportSummary {
        func refuse(_ location: String, _ make: (Catalog) -> String) -> StoreError {
            let e = ImportError(location, make)
            return .invalid(Localized { $0.importRefused(e.description(in: $0.language)) })
        }
        var summary = ImportSummary()
        if let s = doc.settings {
            if let l = s.leadHours { tx.state.window.leadHours = l }
            if let h = s.horizonDays { tx.state.window.horizonDays = h }
        }
        for (i, c) in doc.centers.enumerated() {
            let at = "centers[\(i)] (code \"\(c.code)\")"
            var hours: [Weekday: OpeningHours] = [:]
            for (wd, text) in c.hours {
                guard let h = OpeningHours(parsing: text) else { throw refuse(at + ".hours.\(wd.rawValue)") { $0.importHoursShort } }
                hours[wd] = h
            }
            let closures = Set(c.closures.compactMap(LocalDate.init(iso:)))
            if var existing = tx.state.centers[c.code] {
                let scheduled = tx.state.appointments.values.filter { $0.appointment.centerCode == c.code && $0.appointment.status == .scheduled }.count
                if c.given.contains("timeZone") && c.timeZone != existing.zone.identifier && scheduled > 0 {
                    throw refuse(at + ".timeZone") { $0.importZoneLocked(scheduled, existing.zone.identifier) }
                }
                if c.given.contains("slotMinutes") && c.slotMinutes != existing.slotMinutes && scheduled > 0 {
                    throw refuse(at + ".slotMinutes") { $0.importSlotLengthLocked(scheduled, existing.slotMinutes) }
                }
                // Capacity or hours added: the waiting list's next pass looks at every slot here.
                let wider = hours.contains { wd, h in existing.hours[wd].map { h.open < $0.open || h.close > $0.close } ?? true }
                if (c.given.contains("stations") && c.stations > existing.stations) || wider { tx.freeStation(c.code, FreedStation.everySlot) }
                if c.given.contains("name") { existing.name = c.name }
                if c.given.contains("address") { existing.address = c.address }
                if c.given.contains("city") { existing.city = c.city }
                if c.given.contains("state") { existing.state = c.state }
                if c.given.contains("timeZone"), let z = ZoneRules(identifier: c.timeZone) { existing.zone = z }
                if c.given.contains("slotMinutes") { existing.slotMinutes = c.slotMinutes }
                if c.given.contains("stations") { existing.stations = c.stations }
                existing.hours.merge(hours) { _, new in new }
                existing.closures.formUnion(closures)
                tx.state.centers[c.code] = existing
            } else {
                if let missing = ImportDocument.CenterRecord.requiredForNew.first(where: { !c.given.contains($0) }) {
                    throw refuse(at + ".\(missing)") { $0.importNewCenterNeeds(ImportDocument.CenterRecord.requiredForNew.joined(separator: ", ")) }
                }
                guard let zone = ZoneRules(identifier: c.timeZone) else { throw refuse(at + ".timeZone") { $0.importUnknownTimeZone(c.timeZone) } }
                tx.state.centers[c.code] = Center(
                    code: c.code, name: c.name, address: c.address, city: c.city, state: c.state, zone: zone,
                    hours: hours, slotMinutes: c.slotMinutes, stations: c.stations, closures: closures)
            }
            summary.centers += 1
        }
        for (i, a) in doc.accounts.enumerated() {
            guard let role = Role(rawValue: a.role) else { throw refuse("accounts[\(i)].role") { $0.importAccountRoleShort } }
            if let existing = tx.state.accounts[a.id], existing.role != role {
                throw refuse("accounts[\(i)] (id \"\(a.id)\").role") { $0.importRoleChange(existing.role.rawValue) }
            }
            let old = tx.state.accounts[a.id]
            tx.state.accounts[a.id] = .init(
                role: role, name: a.name, email: a.email, phone: a.phone,
                aNumber: a.aNumber ?? old?.aNumber, dateOfBirth: a.dateOfBirth ?? old?.dateOfBirth,
                language: a.language.flatMap(Language.init(rawValue:)))
            summary.accounts += 1
        }
        for (i, c) in doc.cases.enumerated() {
            let at = "cases[\(i)] (receipt \(c.receipt))"
            let receipt = try ReceiptNumber(parsing: c.receipt)
            guard tx.state.cases[receipt] == nil else { throw refuse(at) { $0.importDuplicate } }
            var name = c.applicantName
            if let acc = c.applicant {
                guard let row = tx.state.accounts[acc] else { throw refuse(at + ".applicant") { $0.importNoAccount(acc) } }
                guard row.role == .applicant else { throw refuse(at + ".applicant") { $0.importNotApplicant(acc, row.role.rawValue) } }
                if name == nil { name = row.name }
            }
            for (j, rep) in c.representatives.enumerated() {
                guard let row = tx.state.accounts[rep] else { throw refuse(at + ".representatives[\(j)]") { $0.importNoAccount(rep) } }
                guard row.role == .representative else { throw refuse(at + ".representatives[\(j)]") { $0.importNotRepresentative(rep, row.role.rawValue) } }
            }
            tx.state.cases[receipt] = CaseFile(
                receipt: receipt, form: FormType(c.form), status: CaseStatus(rawValue: c.status) ?? .pending,
                applicantName: name ?? "", applicantAccount: c.applicant, representatives: Set(c.representatives),
                addressChangedAt: c.addressChangedAt)
            summary.cases += 1
        }
        for (i, a) in doc.appointments.enumerated() {
            let at = "appointments[\(i)] (receipt \(a.receipt))"
            let receipt = try ReceiptNumber(parsing: a.receipt)
            guard tx.state.cases[receipt] != nil else { throw refuse(at + ".receipt") { $0.importNoCase(a.receipt) } }
            guard let center = tx.state.centers[a.center] else { throw refuse(at + ".center") { $0.importUnknownCenter(a.center) } }
            guard let local = LocalDateTime(iso: a.start), let instant = center.zone.instant(of: local) else {
                throw refuse(at + ".start") { $0.importNoSuchTime(a.start, center.zone.identifier) }
            }
            let status = AppointmentStatus(rawValue: a.status) ?? .scheduled
            if try status.holdsStation && tx.bookedCount(center: center.code, start: instant) >= center.stations {
                throw refuse(at + ".start") { $0.importSlotFull(a.start, a.center) }
            }
            if status == .scheduled
                && tx.state.appointments.values.contains(where: { $0.appointment.receipt == receipt && $0.appointment.status == .scheduled })
            {
                throw refuse(at + ".status") { $0.importOneScheduled }
            }
            let id = tx.state.nextAppointmentID
            tx.state.nextAppointmentID += 1
            tx.state.appointments[id] = .init(
                appointment: Appointment(
                    id: id, receipt: receipt, centerCode: center.code, start: instant, status: status,
                    priorReschedules: a.priorReschedules, version: 1),
                chainRoot: nil, rescheduledTo: nil)
            summary.appointments += 1
        }
        try tx.appendAudit(
            AuditEvent(
                at: now, actor: actor, action: .imported,
                detail: "centers=\(summary.centers) accounts=\(summary.accounts) cases=\(summary.cases) appointments=\(summary.appointments)"))
        return summary
    }
}
