import Foundation

/// Words the domain says and the layers reuse: an appointment's status, a role, a code with its
/// detail, an enrollment code, "none" for a channel, a review's missing note. (Moved here from the
/// screens' file, issue 25: the domain and the store use them too.)
extension Catalog {
    /// An appointment's status as a word: English keeps the identifier (`scheduled`).
    public func statusWord(_ s: AppointmentStatus) -> String {
        switch s {
        case .scheduled: tr(en: "scheduled", es: "programada")
        case .attended: tr(en: "attended", es: "asistida")
        case .missed: tr(en: "missed", es: "no asistida")
        case .rescheduled: tr(en: "rescheduled", es: "cambiada")
        case .cancelled: tr(en: "cancelled", es: "cancelada")
        }
    }

    public var notifyNone: String { tr(en: "none", es: "ninguna") }

    public func enrollmentCode(_ code: String) -> String { tr(en: "Enrollment code: \(code)", es: "Código de inscripción: \(code)") }

    /// A code and its detail: `SLOT_FULL: ...`.
    public func codeMessage(_ code: String, _ detail: String) -> String { tr(en: "\(code): \(detail)", es: "\(code): \(detail)") }

    public var reviewNeedsNote: String { tr(en: "A review always needs a note saying why.", es: "Toda revisión necesita una nota que diga por qué.") }

    /// The role as a word inside a sentence: `agent` / `agente`.
    public func roleWord(_ r: Role) -> String {
        switch r {
        case .applicant: tr(en: "applicant", es: "solicitante")
        case .representative: tr(en: "representative", es: "representante")
        case .agent: tr(en: "agent", es: "agente")
        case .officer: tr(en: "officer", es: "oficial")
        }
    }

}
