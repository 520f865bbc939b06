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

    public func demoNoTempFolder(_ dir: String, _ why: String) -> String {
        tr(en: "Cannot make a folder for the sandbox in \(dir): \(why)", es: "No se puede crear una carpeta para el sistema de práctica en \(dir): \(why)")
    }

    public func demoNotProduction(_ path: String) -> String {
        tr(en: "biosched demo never opens a production store, and \(path) is one. Name a new file with --db (a sandbox is made there), a training store, or no --db at all.",
           es: "biosched demo nunca abre un sistema real, y \(path) lo es. Indique un archivo nuevo con --db (allí se crea un sistema de práctica), un sistema de práctica, o ningún --db.")
    }

    public func demoNotProductionDatabase(_ location: String) -> String {
        tr(en: "biosched demo never opens a production store, and \(location) is one. Name an empty database with --db (made with createdb: a sandbox is made there), a training store, or no --db at all.",
           es: "biosched demo nunca abre un sistema real, y \(location) lo es. Indique con --db una base de datos vacía (hecha con createdb: allí se crea un sistema de práctica), un sistema de práctica, o ningún --db.")
    }
}
