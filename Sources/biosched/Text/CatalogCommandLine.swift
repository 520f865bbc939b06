import Foundation
import Scheduling

/// The command line's human output (what `--json` does not print). Labels are padded to line up
/// in each language; `--help` stays English.
extension Catalog {
    public var trainingBanner: String { tr(en: "TRAINING STORE: demo data, not real cases.", es: "SISTEMA DE PRÁCTICA: datos de prueba, no son casos reales.") }
    public func noCurrentNotice(_ code: String, _ receipt: String) -> String {
        tr(
            en: "\(code): \(receipt) has no scheduled appointment, so there is no current notice.",
            es: "\(code): \(receipt) no tiene una cita programada, así que no hay un aviso vigente.")
    }
    public func notFound(_ receipt: String) -> String {
        tr(
            en: "NOT_FOUND: there is no case \(receipt) in this store. Check the receipt number with the caller.",
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
        replayed
            ? tr(
                en: "BOOKED (request \(id)) [same request as before; nothing new was booked]",
                es: "RESERVADA (solicitud \(id)) [la misma solicitud de antes; no se reservó nada nuevo]")
            : tr(en: "BOOKED (request \(id))", es: "RESERVADA (solicitud \(id))")
    }
    public func resultAlreadyWaiting(_ id: String) -> String {
        tr(
            en: "ALREADY WAITING: a request is already waiting for an officer (request \(id)); nothing new was recorded.",
            es: "YA EN ESPERA: ya hay una solicitud esperando a un oficial (solicitud \(id)); no se registró nada nuevo.")
    }
    public func resultEscalated(_ id: String, replayed: Bool) -> String {
        replayed
            ? tr(
                en: "ESCALATED to an officer as request \(id) [recorded before]. Nothing is booked until an officer approves it.",
                es: "ENVIADA a un oficial como solicitud \(id) [registrada antes]. No se reserva nada hasta que un oficial la apruebe.")
            : tr(
                en: "ESCALATED to an officer as request \(id). Nothing is booked until an officer approves it.",
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

    // Who is acting, and the global options (usage errors and refusals; the code before them stays).
    public func storyClockNote(_ when: String) -> String {
        tr(
            en:
                "Training clock set to \(when): this demo store's one story clock, from when its story cases were made to the last thing it recorded, so its stories hold and no time goes backwards. (--now sets another; a store of your own, --db, runs on the real clock.)",
            es:
                "Reloj de práctica puesto en \(when): el único reloj de historia de este sistema de prueba, desde que se crearon sus casos de historia hasta lo último que registró, así sus historias valen y ninguna hora retrocede. (--now pone otro; un sistema propio, --db, usa el reloj real.)"
        )
    }
    public func badNow(_ text: String, _ grammar: String) -> String {
        tr(
            en: "--now \"\(text)\" is not a date and time biosched takes. Expected \(grammar), e.g. 2026-12-01T09:00:00-05:00 or 2026-12-01T14:00Z.",
            es: "--now «\(text)» no es una fecha y hora que biosched acepte. Se espera \(grammar), por ejemplo 2026-12-01T09:00:00-05:00 o 2026-12-01T14:00Z.")
    }
    public var dbEmpty: String {
        tr(en: "--db is empty; expected the path of a store file.", es: "--db está vacío; se espera la ruta de un archivo del sistema.")
    }
    public func dbControl(_ path: String) -> String {
        tr(
            en: "--db \"\(path)\" holds control characters; expected a plain file path.",
            es: "--db «\(path)» tiene caracteres de control; se espera una ruta de archivo simple.")
    }
    public func dbURL(_ path: String, _ scheme: String) -> String {
        tr(
            en:
                "--db \"\(path)\" is a \(scheme): URL; this biosched opens SQLite store files and PostgreSQL (postgresql://USER@HOST:PORT/DATABASE). Give a file path, e.g. --db /srv/biosched/store.sqlite.",
            es:
                "--db «\(path)» es una URL \(scheme):; este biosched abre archivos SQLite y PostgreSQL (postgresql://USUARIO@HOST:PUERTO/BASE). Indique una ruta de archivo, por ejemplo --db /srv/biosched/store.sqlite."
        )
    }
    public func badViaKey(_ k: String) -> String {
        tr(
            en: "--via-key \"\(k)\" is not an SSH key fingerprint; expected SHA256: and 43 base64 characters.",
            es: "--via-key «\(k)» no es la huella de una llave SSH; se espera SHA256: y 43 caracteres base64.")
    }
    public func nowOnProduction(_ path: String) -> String {
        tr(
            en: "--now is refused: \(path) is a production store, and only training stores take a fixed clock.",
            es: "Se rechaza --now: \(path) es un sistema real, y solo los sistemas de práctica aceptan un reloj fijo.")
    }
    public func onlyOfficers(_ purpose: String, _ role: Role) -> String {
        let r = roleWord(role)
        return tr(en: "only officers \(purpose) (acting as \(r)).", es: "solo los oficiales pueden hacerlo: \(purpose) (usted actúa como \(r)).")
    }
    public var lookupNotAudited: String {
        tr(
            en: "warning: this look-up was not written to the audit log (the store is read-only here or busy).",
            es: "atención: esta consulta no se anotó en el registro de auditoría (aquí el sistema es de solo lectura o está ocupado).")
    }
    public func badTo(_ to: String) -> String {
        tr(
            en: "--to \"\(to)\" is not a local date and time; expected YYYY-MM-DDTHH:MM on the center's clock, e.g. 2026-12-03T09:30.",
            es: "--to «\(to)» no es una fecha y hora local; se espera AAAA-MM-DDTHH:MM en el reloj del centro, por ejemplo 2026-12-03T09:30.")
    }
    public func badReason(_ r: String, _ codes: String) -> String {
        tr(
            en: "--reason \"\(r)\" is not a reason code. Expected one of: \(codes).",
            es: "--reason «\(r)» no es un código de motivo. Se espera uno de: \(codes).")
    }
    public func badNotify(_ n: String) -> String { tr(en: "--notify \"\(n)\": expected email or sms.", es: "--notify «\(n)»: se espera email o sms.") }
    public func badRequestID(_ id: String) -> String {
        tr(
            en: "--request-id \"\(id)\" is not a request id: expected 1 to 100 printable characters.",
            es: "--request-id «\(id)» no es un identificador de solicitud: se esperan de 1 a 100 caracteres imprimibles.")
    }
    public func textTooLong(_ flag: String, _ n: Int) -> String {
        tr(
            en: "\(flag) must be at most 2,000 characters of text without control characters (got \(n) characters).",
            es: "\(flag) debe tener como máximo 2.000 caracteres de texto sin caracteres de control (tiene \(n)).")
    }
    public func badFrom(_ from: String) -> String {
        tr(
            en: "--from \"\(from)\" is not a date; expected YYYY-MM-DD, e.g. 2026-12-01.",
            es: "--from «\(from)» no es una fecha; se espera AAAA-MM-DD, por ejemplo 2026-12-01.")
    }
    public func badDays(_ d: Int) -> String {
        tr(en: "--days \(d) is out of range; expected 1 to 366.", es: "--days \(d) está fuera de rango; se espera de 1 a 366.")
    }
    public func cliPreferred(_ when: String, _ center: String, _ agent: String, _ note: String) -> String {
        tr(en: "    preferred \(when) at \(center); agent \(agent): \(note)", es: "    preferida \(when) en \(center); agente \(agent): \(note)")
    }
    public var centerNeedsTo: String {
        tr(en: "--center goes with --to: name the time at that center.", es: "--center va con --to: indique la hora en ese centro.")
    }
    public func approveWithAnother(_ id: String) -> String {
        tr(
            en: "Approve with another time: biosched review approve \(id) --note TEXT --to YYYY-MM-DDTHH:MM [--center CODE].",
            es: "Apruebe con otra hora: biosched review approve \(id) --note TEXTO --to AAAA-MM-DDTHH:MM [--center CÓDIGO].")
    }

    public var builtWithoutPostgres: String {
        tr(
            en:
                "This biosched was built without the PostgreSQL store (swift build --disable-default-traits); --db names a PostgreSQL database. Build it with the default traits, or give a SQLite store file.",
            es:
                "Este biosched se compiló sin el sistema PostgreSQL (swift build --disable-default-traits); --db indica una base de datos PostgreSQL. Compílelo con los rasgos por defecto, o dé un archivo de sistema SQLite."
        )
    }
}
