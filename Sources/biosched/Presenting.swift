import Foundation
import Scheduling

/// Text and JSON shapes shared by the commands.
enum Present {
    static func verdictJSON(_ v: Verdict) -> [String: Any] {
        var o: [String: Any] = ["decision": v.decision.rawValue, "codes": v.codes.map(\.rawValue), "message": v.message]
        if let g = v.guidance { o["guidance"] = g }
        if !v.warnings.isEmpty { o["warnings"] = v.warnings.map(\.rawValue) }
        return o
    }

    static func verdictText(_ v: Verdict, _ language: Language = .en) -> String {
        let t = Catalog(language)
        var lines = [
            t.verdictLine(t.decisionName(v.decision), v.codes.isEmpty ? "" : " " + v.codes.map(\.rawValue).joined(separator: ", ")),
            t.verdictIndent + v.message(in: language)
        ]
        if let g = v.guidance(in: language) { lines.append(t.verdictNext(g)) }
        return lines.joined(separator: "\n")
    }

    static func appointmentJSON(_ a: Appointment, center: Center) -> [String: Any] {
        [
            "id": a.id, "center": center.code, "centerName": center.name, "start": JSONOutput.iso(a.start),
            "local": center.zone.local(a.start).iso, "zone": center.zone.abbreviation(at: a.start), "timeZone": center.zone.identifier,
            "status": a.status.rawValue, "priorReschedules": a.priorReschedules, "version": a.version
        ]
    }

    static func noticeJSON(_ n: AppointmentNotice) -> [String: Any] {
        [
            "number": n.number, "receipt": n.receipt.value, "applicantName": n.applicantName, "centerName": n.centerName,
            "centerAddress": n.centerAddress, "when": n.when, "start": JSONOutput.iso(n.start), "text": n.text
        ]
    }

    static func slotJSON(_ s: SlotAvailability, center: Center) -> [String: Any] {
        [
            "start": JSONOutput.iso(s.slot.start), "local": s.slot.local.iso, "zone": center.zone.abbreviation(at: s.slot.start),
            "free": s.free, "stations": s.slot.stations
        ]
    }

    static func exitStatus(for outcome: RescheduleOutcome) -> ExitStatus {
        switch outcome.result {
        case .booked, .escalated, .denied: .done
        case .refused: .refused
        case .conflict, .slotFull: .conflict
        }
    }
}
