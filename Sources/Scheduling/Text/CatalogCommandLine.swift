import Foundation

/// The command line's human output (what `--json` does not print). Labels are padded to line up
/// in each language; `--help` stays English.
extension Catalog {
    public var trainingBanner: String { tr(en: "TRAINING STORE: demo data, not real cases.", es: "SISTEMA DE PRÁCTICA: datos de prueba, no son casos reales.") }
    public func noCurrentNotice(_ code: String, _ receipt: String) -> String {
        tr(en: "\(code): \(receipt) has no scheduled appointment, so there is no current notice.",
           es: "\(code): \(receipt) no tiene una cita programada, así que no hay un aviso vigente.")
    }
    public func notFound(_ receipt: String) -> String {
        tr(en: "NOT_FOUND: there is no case \(receipt) in this store. Check the receipt number with the caller.",
           es: "NOT_FOUND: no hay ningún caso \(receipt) en este sistema. Revise el número de recibo con la persona.")
    }
    public func caseStatusWord(_ s: CaseStatus) -> String {
        switch s {
        case .pending: tr(en: "pending", es: "pendiente")
        case .approved: tr(en: "approved", es: "aprobado")
        case .denied: tr(en: "denied", es: "negado")
        case .withdrawn: tr(en: "withdrawn", es: "retirado")
        }
    }
    public func statusCase(_ receipt: String, _ form: String, _ name: String, _ status: String) -> String {
        tr(en: "Case:      \(receipt)  \(form)  \(name)  (case \(status))", es: "Caso:      \(receipt)  \(form)  \(name)  (caso \(status))")
    }
    public func statusAppointment(_ when: String, _ center: String, _ code: String, _ status: String) -> String {
        tr(en: "Appt:      \(when)  \(center) [\(code)]  \(status)", es: "Cita:      \(when)  \(center) [\(code)]  \(status)")
    }
    public func statusUsed(_ used: Int, _ limit: Int) -> String {
        tr(en: "Used:      \(used) of \(limit) online reschedules", es: "Usados:    \(used) de \(limit) cambios en línea")
    }
    public func statusFlags(_ flags: String) -> String { tr(en: "Flags:     \(flags)", es: "Alertas:   \(flags)") }
    public func statusPending(_ id: String) -> String {
        tr(en: "Pending:   escalated request \(id) waits for an officer", es: "Pendiente: la solicitud \(id) espera a un oficial")
    }
    public func statusAs(_ role: Role, _ id: String, _ channel: String, _ now: String) -> String {
        let who = roleWord(role)
        return tr(en: "As:        \(who) \(id), \(channel) channel, now \(now)", es: "Como:      \(who) \(id), canal \(channel), ahora \(now)")
    }
    public func decisionName(_ d: Decision) -> String {
        switch d {
        case .allowed: tr(en: "ALLOWED", es: "PERMITIDO")
        case .escalated: tr(en: "ESCALATED", es: "A UN OFICIAL")
        case .refused: tr(en: "REFUSED", es: "RECHAZADO")
        }
    }
    public func verdictLine(_ decision: String, _ codes: String) -> String { tr(en: "Verdict:   \(decision)\(codes)", es: "Decisión:  \(decision)\(codes)") }
    public func verdictNext(_ g: String) -> String { tr(en: "Next:      \(g)", es: "Siguiente: \(g)") }
    /// Under the verdict's label (both languages' labels are ten columns and a space).
    public var verdictIndent: String { String(repeating: " ", count: 11) }
    public func resultBooked(_ id: String, replayed: Bool) -> String {
        replayed ? tr(en: "BOOKED (request \(id)) [same request as before; nothing new was booked]", es: "RESERVADA (solicitud \(id)) [la misma solicitud de antes; no se reservó nada nuevo]")
                 : tr(en: "BOOKED (request \(id))", es: "RESERVADA (solicitud \(id))")
    }
    public func resultEscalated(_ id: String, replayed: Bool) -> String {
        replayed ? tr(en: "ESCALATED to an officer as request \(id) [recorded before]. Nothing is booked until an officer approves it.",
                      es: "ENVIADA a un oficial como solicitud \(id) [registrada antes]. No se reserva nada hasta que un oficial la apruebe.")
                 : tr(en: "ESCALATED to an officer as request \(id). Nothing is booked until an officer approves it.",
                      es: "ENVIADA a un oficial como solicitud \(id). No se reserva nada hasta que un oficial la apruebe.")
    }
    public func resultWord(_ r: RescheduleOutcome.Result) -> String {
        switch r {
        case .booked: tr(en: "BOOKED", es: "RESERVADA")
        case .escalated: tr(en: "ESCALATED", es: "ENVIADA")
        case .refused: tr(en: "REFUSED", es: "RECHAZADA")
        case .conflict: tr(en: "CONFLICT", es: "CONFLICTO")
        case .slotFull: tr(en: "SLOT FULL", es: "HORARIO LLENO")
        case .denied: tr(en: "DENIED", es: "NEGADA")
        }
    }
    public func slotsHeading(_ center: String, _ code: String, _ address: String, _ zone: String) -> String {
        tr(en: "\(center) [\(code)], \(address). Times in \(zone).", es: "\(center) [\(code)], \(address). Horas en \(zone).")
    }
    public func slotsWindow(_ from: String, _ to: String) -> String {
        tr(en: "Booking window: after \(from) up to \(to).", es: "Periodo de reserva: después del \(from) hasta el \(to).")
    }
    public var noSlotOffered: String { tr(en: "No slot is offered in that range.", es: "No se ofrece ningún horario en ese periodo.") }
}
