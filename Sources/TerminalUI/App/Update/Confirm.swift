import Foundation
import Scheduling

/// `update`, by phase: Confirm: the request built and submitted (a retry keeps its request id).
extension App {
    static func submit(_ s: inout AppState, _ fx: inout [Effect]) {
        // R17: a move off a closed day needs no reason.
        guard let snap = s.snapshot, let slot = s.picking.selectedSlot, s.reason.chosen != nil || snap.centerClosedThatDay,
            let center = s.picking.calendar?.center
        else {
            s.phase = .picking
            return
        }
        let id: String
        if let pending = s.confirm.pendingRequestID {
            id = pending
        } else {
            s.confirm.requestSeq += 1
            id = "\(s.config.sessionID)-\(s.confirm.requestSeq)"
            s.confirm.pendingRequestID = id
        }
        s.phase = .submitting
        fx.append(
            .submit(
                RescheduleRequestDraft(
                    requestID: id, receipt: snap.caseFile.receipt, actor: s.config.actor,
                    goodCause: s.reason.chosen.map { GoodCause(reason: $0, explanation: s.reason.explanation.text) },
                    note: s.reason.note.text, centerCode: center.code, to: slot.slot.local,
                    notify: s.reason.notify, expectedVersion: snap.appointment.version,
                    expectedAppointmentID: snap.appointment.id)))
    }
}
