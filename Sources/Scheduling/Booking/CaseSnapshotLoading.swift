import Foundation

extension CaseSnapshot {
    /// The case as `actor` may see it (R5 first: anything else is `.notAuthorized`, whether or not
    /// the case exists), with what R10 needs.
    public static func load(_ receipt: ReceiptNumber, for actor: Actor, from reads: some CaseReads) throws -> CaseSnapshot {
        guard let file = try reads.caseFile(receipt), file.isAuthorized(actor),
            let appointment = try reads.currentAppointment(receipt)
        else { throw StoreError.notAuthorized }
        guard let center = try reads.center(appointment.centerCode) else { throw StoreError.unknownCenter(appointment.centerCode) }
        // R10: only a request about this appointment that reached the agency before its start counts.
        return CaseSnapshot(
            caseFile: file, appointment: appointment, center: center,
            lastRequestAt: try reads.lastRequest(appointmentID: appointment.id, before: appointment.start),
            pendingEscalation: try reads.pendingEscalation(receipt),
            contact: try file.applicantAccount.flatMap { try reads.contact(account: $0) })
    }
}
