import Foundation
import Scheduling

/// `update`, by phase: Confirm: the request built and submitted (a retry keeps its request id).
extension App {
    static func submit(_ s: inout AppState, _ fx: inout [Effect]) {
        guard let snap = s.snapshot, let slot = s.selectedSlot, let reason = s.reason, let center = s.calendar?.center else {
            s.phase = .picking; return
        }
        let id: String
        if let pending = s.pendingRequestID { id = pending } else {
            s.requestSeq += 1
            id = "\(s.config.sessionID)-\(s.requestSeq)"
            s.pendingRequestID = id
        }
        s.phase = .submitting
        fx.append(.submit(RescheduleRequestDraft(requestID: id, receipt: snap.caseFile.receipt, actor: s.config.actor,
                                                 goodCause: GoodCause(reason: reason, explanation: s.explanation.text),
                                                 note: s.note.text, centerCode: center.code, to: slot.slot.local,
                                                 notify: s.notify, expectedVersion: snap.appointment.version,
                                                 expectedAppointmentID: snap.appointment.id)))
    }
}
