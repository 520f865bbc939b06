import Foundation
import Scheduling

/// Plain mode (`biosched --plain`): numbered menus and line prompts. The letters typed (b, q, h,
/// n, p, r) stay the same in every language, as the keys of the full screen do.
extension Catalog {
    public func plainIntro(_ who: String) -> String {
        tr(
            en: "biosched, plain mode. \(who). Type a number and Enter to choose; b goes back, q quits, h repeats the options.",
            es: "biosched, modo sencillo. \(who). Escriba un número y pulse Enter para elegir; b vuelve, q sale, h repite las opciones.")
    }
    public var plainTraining: String { tr(en: "Training store: demo data, not real cases.", es: "Sistema de práctica: datos de prueba, no son casos reales.") }
    public func plainWho(_ role: Role, _ id: String) -> String {
        let r = self.role(role)
        let ch = channelWord(online: !role.isStaff)
        return tr(en: "\(r) \(id), \(ch)", es: "\(r) \(id), \(ch)")
    }
    public var goodbye: String { tr(en: "Goodbye.", es: "Hasta luego.") }
    public func notAReceiptOrNumber(_ line: String) -> String {
        tr(
            en: "\"\(line)\" is not a receipt number: expected three letters and ten digits, or a number from the list.",
            es: "«\(line)» no es un número de recibo: escriba tres letras y diez dígitos, o un número de la lista.")
    }
    public func notAChoice(_ line: String, _ count: Int) -> String {
        tr(
            en: "\"\(line)\" is not one of the choices: type a number from 1 to \(count), or b, q, h.",
            es: "«\(line)» no es una de las opciones: escriba un número del 1 al \(count), o b, q, h.")
    }
    public var noted: String { tr(en: "Noted.", es: "Anotado.") }
    public func dayChosen(_ day: String) -> String { tr(en: "\(day) chosen.", es: "Eligió \(day).") }
    public func timeChosen(_ time: String) -> String { tr(en: "\(time) chosen.", es: "Eligió las \(time).") }
    public var saveNoticeOption: String { tr(en: "Save the notice to a file", es: "Guardar el aviso en un archivo") }
    public var replaceYes: String { tr(en: "Replace it", es: "Reemplazarlo") }
    public var replaceNo: String { tr(en: "Choose another name", es: "Elegir otro nombre") }
    public var chooseReasonYou: String { tr(en: "Why can't you attend? Choose a reason:", es: "¿Por qué no puede asistir? Elija un motivo:") }
    public func reasonChosen(_ r: String) -> String { tr(en: "Reason: \(r).", es: "Motivo: \(r).") }
    public func plainCase(_ receipt: String, _ form: String, _ name: String, _ when: String, _ center: String, used: Int, limit: Int) -> String {
        tr(
            en: "Case \(receipt), \(form), \(name): appointment \(when) at \(center), \(used) of \(limit) online reschedules used.",
            es: "Caso \(receipt), \(form), \(name): cita el \(when) en \(center); \(used) de \(limit) cambios en línea usados.")
    }
    public var plainAllowed: String { tr(en: "Allowed.", es: "Permitido.") }
    public var plainOfficerMust: String { tr(en: "An officer must review it.", es: "Un oficial debe revisarla.") }
    public func plainRefused(_ codes: String) -> String { tr(en: "Refused: \(codes).", es: "Rechazada: \(codes).") }
    public var noticeFollows: String {
        tr(en: "The new appointment notice follows; print it and bring it.", es: "A continuación, el nuevo aviso de cita; imprímalo y tráigalo.")
    }
    public func plainMove(_ from: String, _ fromCenter: String, _ to: String, _ toCenter: String, _ reason: String) -> String {
        tr(
            en: "Move from \(from) at \(fromCenter) to \(to) at \(toCenter), reason: \(reason).",
            es: "Cambiar del \(from) en \(fromCenter) al \(to) en \(toCenter); motivo: \(reason).")
    }
    public var reasonNone: String { tr(en: "none", es: "ninguno") }
    public var quitLose: String { tr(en: "Quit and lose the request", es: "Salir y perder la solicitud") }
    public var stay: String { tr(en: "Stay", es: "Quedarse") }
    public func typeReviewNote(approve: Bool) -> String {
        approve
            ? tr(
                en: "Type a note saying why the request is approved, then Enter:",
                es: "Escriba una nota que diga por qué se aprueba la solicitud y pulse Enter:")
            : tr(en: "Type a note saying why the request is denied, then Enter:", es: "Escriba una nota que diga por qué se niega la solicitud y pulse Enter:")
    }
    public func typeReceiptPrompt(officer: Bool) -> String {
        officer
            ? tr(
                en: "Type a receipt number (three letters and ten digits), or r for the review queue, then Enter:",
                es: "Escriba un número de recibo (tres letras y diez dígitos), o r para las revisiones, y pulse Enter:")
            : tr(
                en: "Type a receipt number (three letters and ten digits), then Enter:",
                es: "Escriba un número de recibo (tres letras y diez dígitos) y pulse Enter:")
    }
    public var chooseCase: String { tr(en: "Choose a case, or type its receipt number.", es: "Elija un caso, o escriba su número de recibo.") }
    public var loadingShort: String { tr(en: "Loading.", es: "Cargando.") }
    public func timesOn(_ day: String, _ center: String, _ zone: String) -> String {
        tr(en: "Times on \(day) at \(center), in \(zone):", es: "Horas del \(day) en \(center), en \(zone):")
    }
    public func noFreeDayAt(_ center: String) -> String {
        tr(en: "No day in the booking window has a free slot at \(center).", es: "Ningún día del periodo de reserva tiene horarios libres en \(center).")
    }
    public func daysWithFree(_ center: String, page: Int, of pages: Int) -> String {
        tr(
            en: "Days with free slots at \(center) (page \(page) of \(pages); n next page, p previous):",
            es: "Días con horarios libres en \(center) (página \(page) de \(pages); n siguiente, p anterior):")
    }
    public func timesFree(_ n: Int) -> String { tr(en: count(n, "time free", "times free"), es: count(n, "hora libre", "horas libres")) }
    public var typeOtherReason: String { tr(en: "Type the other reason, then Enter:", es: "Escriba el otro motivo y pulse Enter:") }
    public var typeNote: String {
        tr(en: "Type a note for the record (or just Enter for none):", es: "Escriba una nota para el expediente (o solo Enter si no hay):")
    }
    public var chooseReason: String { tr(en: "Why can't they attend? Choose a reason:", es: "¿Por qué no puede asistir? Elija un motivo:") }
    public var howConfirmation: String { tr(en: "How should the confirmation be sent?", es: "¿Cómo se debe enviar la confirmación?") }
    public func confirmationGoesBy(_ how: String) -> String { tr(en: "The confirmation goes by \(how).", es: "La confirmación se envía por \(how).") }
    public func yesDo(escalate: Bool) -> String {
        escalate ? tr(en: "Yes, send it to an officer", es: "Sí, enviarla a un oficial") : tr(en: "Yes, book it", es: "Sí, reservarla")
    }
    public var noGoBack: String { tr(en: "No, go back", es: "No, volver") }
    public var working: String { tr(en: "Working.", es: "Procesando.") }
    public var anotherCase: String { tr(en: "Another case", es: "Otro caso") }
    public var backToCase: String { tr(en: "Back to this case", es: "Volver a este caso") }
    public var quitOption: String { tr(en: "Quit", es: "Salir") }
    public func approveOption(_ id: String, _ receipt: String, _ codes: String) -> String {
        tr(en: "Approve \(id) for \(receipt) (\(codes))", es: "Aprobar \(id) de \(receipt) (\(codes))")
    }
    public func denyOption(_ id: String) -> String { tr(en: "Deny \(id)", es: "Negar \(id)") }
    public func chooseRange(_ n: Int) -> String { tr(en: "Choose 1 to \(n), b back, q quit:", es: "Elija del 1 al \(n), b volver, q salir:") }
    public func plainCentersPage(_ filter: String, _ page: Int, _ pages: Int) -> String {
        filter.isEmpty
            ? tr(
                en: "Centers, page \(page) of \(pages) (n next page, p previous; type letters to narrow the list):",
                es: "Centros, página \(page) de \(pages) (n siguiente, p anterior; escriba letras para acortar la lista):")
            : tr(
                en: "Centers matching \"\(filter)\", page \(page) of \(pages) (n next page, p previous; type letters to narrow the list):",
                es: "Centros que coinciden con «\(filter)», página \(page) de \(pages) (n siguiente, p anterior; escriba letras para acortar la lista):")
    }
    public func plainCannotReschedule(online: Bool) -> String {
        online
            ? tr(en: "Nothing was changed: this case cannot be rescheduled online.", es: "No se cambió nada: este caso no se puede cambiar en línea.")
            : tr(en: "Nothing was changed: this case cannot be rescheduled here.", es: "No se cambió nada: este caso no se puede cambiar aquí.")
    }
    public var backOption: String { tr(en: "Back", es: "Volver") }
    public func timesOnPaged(_ day: String, _ center: String, _ zone: String, _ page: Int, _ pages: Int) -> String {
        tr(
            en: "Times on \(day) at \(center), in \(zone) (page \(page) of \(pages); n more times, p previous):",
            es: "Horas del \(day) en \(center), en \(zone) (página \(page) de \(pages); n más horas, p anterior):")
    }
    public func noFreeDayChooseCenter(_ center: String) -> String {
        tr(
            en: "No day in the booking window has a free slot at \(center). Choose another center:",
            es: "Ningún día del periodo de reserva tiene horarios libres en \(center). Elija otro centro:")
    }
    public func plainRequestsPage(_ code: String?, _ page: Int, _ pages: Int) -> String {
        if let code {
            return tr(
                en: "Requests with \(code), oldest first, page \(page) of \(pages) (n next page, p previous):",
                es: "Solicitudes con \(code), las más antiguas primero, página \(page) de \(pages) (n siguiente, p anterior):")
        }
        return tr(
            en: "Requests, oldest first, page \(page) of \(pages) (n next page, p previous):",
            es: "Solicitudes, las más antiguas primero, página \(page) de \(pages) (n siguiente, p anterior):")
    }
    public func approveNamed(_ id: String, _ name: String) -> String { tr(en: "Approve \(id) (\(name))", es: "Aprobar \(id) (\(name))") }
    public var showAllRequests: String { tr(en: "Show all requests", es: "Mostrar todas las solicitudes") }
    public func showOnly(_ code: String) -> String { tr(en: "Show only \(code)", es: "Mostrar solo \(code)") }
    public func noRequestWithCode(_ code: String) -> String { tr(en: "No request with \(code) is waiting.", es: "No hay solicitudes con \(code) en espera.") }
}
