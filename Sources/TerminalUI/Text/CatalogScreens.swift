import Foundation
import Scheduling

/// What a key does, as the hint bar and the help overlay name it (the keymap gives each binding one).
public enum KeyLabel: String, CaseIterable, Sendable, Hashable {
    case trainer, clockBackHour, clockForwardHour, clockBackDay, clockForwardDay, before13, before11, justAfter, clockStart
    case nextRole, stories, resetSandbox, up, down, pageUp, pageDown, first, last, openStory, day, week, month, firstFree, page, typeHour
    case center, select, open, next, confirm, nextPane, prevPane, nextField, prevField, search, approve, deny, reviewQueue
    case saveNotice, nextCase, refresh, theme, back, clearFilter, help, quit, done, yes, no, ok, cancel, sshKeys, removeKey
    case revokeAll, newCode, move, language, noticeLanguage, findOpen, close, filterCode, statusMore
    case waitlist, acceptOffer, declineOffer, askWaitlist, withdrawWaitlist, sendRequest
}

/// The screens (the UI's focus contexts), as the help overlay names them.
public enum ScreenName: String, CaseIterable, Sendable {
    case findCase, callerList, refusal, caseList, filter, calendar, times, reasons, textInput, confirm, waiting, outcome, reviewQueue, centerPicker
    case prompt, dialog, help, ownKeys, callerKeys, waitlist, waitlistForm, trainer, stories
}

/// The terminal UI: screens, hint bar, help, dialogs, the status pane and its messages.
extension Catalog {
    public func key(_ k: KeyLabel) -> String {
        switch k {
        case .trainer: tr(en: "trainer", es: "instructor")
        case .clockBackHour: tr(en: "clock −1 h", es: "reloj −1 h")
        case .clockForwardHour: tr(en: "clock +1 h", es: "reloj +1 h")
        case .clockBackDay: tr(en: "clock −1 day", es: "reloj −1 día")
        case .clockForwardDay: tr(en: "clock +1 day", es: "reloj +1 día")
        case .before13: tr(en: "13 h before appt", es: "13 h antes")
        case .before11: tr(en: "11 h before appt", es: "11 h antes")
        case .justAfter: tr(en: "just after start", es: "tras el inicio")
        case .clockStart: tr(en: "clock to start", es: "reloj al inicio")
        case .nextRole: tr(en: "next role", es: "otro papel")
        case .stories: tr(en: "stories", es: "historias")
        case .resetSandbox: tr(en: "reset sandbox", es: "reiniciar práctica")
        case .up: tr(en: "up", es: "arriba")
        case .down: tr(en: "down", es: "abajo")
        case .pageUp: tr(en: "page up", es: "página anterior")
        case .pageDown: tr(en: "page down", es: "página siguiente")
        case .first: tr(en: "first", es: "primero")
        case .last: tr(en: "last", es: "último")
        case .openStory: tr(en: "open story", es: "abrir historia")
        case .day: tr(en: "day", es: "día")
        case .week: tr(en: "week", es: "semana")
        case .month: tr(en: "month", es: "mes")
        case .firstFree: tr(en: "first free", es: "primer libre")
        case .page: tr(en: "page", es: "página")
        case .typeHour: tr(en: "type an hour (14) to jump", es: "escriba una hora (14) para ir")
        case .center: tr(en: "center", es: "centro")
        case .select: tr(en: "select", es: "elegir")
        case .open: tr(en: "open", es: "abrir")
        case .next: tr(en: "next", es: "seguir")
        case .confirm: tr(en: "confirm", es: "confirmar")
        case .nextPane: tr(en: "next pane", es: "otro panel")
        case .prevPane: tr(en: "prev pane", es: "panel anterior")
        case .nextField: tr(en: "next field", es: "otro campo")
        case .prevField: tr(en: "prev field", es: "campo anterior")
        case .search: tr(en: "search", es: "buscar")
        case .approve: tr(en: "approve", es: "aprobar")
        case .deny: tr(en: "deny", es: "negar")
        case .reviewQueue: tr(en: "review queue", es: "revisiones")
        case .saveNotice: tr(en: "save notice", es: "guardar aviso")
        case .nextCase: tr(en: "next case", es: "otro caso")
        case .refresh: tr(en: "refresh", es: "actualizar")
        case .theme: tr(en: "theme", es: "tema")
        case .back: tr(en: "back", es: "volver")
        case .clearFilter: tr(en: "clear filter", es: "quitar filtro")
        case .help: tr(en: "help", es: "ayuda")
        case .quit: tr(en: "quit", es: "salir")
        case .done: tr(en: "done", es: "listo")
        case .yes: tr(en: "yes", es: "sí")
        case .no: tr(en: "no", es: "no")
        case .ok: tr(en: "ok", es: "aceptar")
        case .cancel: tr(en: "cancel", es: "cancelar")
        case .sshKeys: tr(en: "SSH keys", es: "llaves SSH")
        case .removeKey: tr(en: "remove key", es: "quitar llave")
        case .revokeAll: tr(en: "revoke all (lost device)", es: "revocar todas (equipo perdido)")
        case .newCode: tr(en: "new enrollment code", es: "nuevo código de inscripción")
        case .move: tr(en: "move", es: "mover")
        case .language: tr(en: "language", es: "idioma")
        case .noticeLanguage: tr(en: "notice language", es: "idioma del aviso")
        case .findOpen: tr(en: "find / open", es: "buscar / abrir")
        case .close: tr(en: "close", es: "cerrar")
        case .filterCode: tr(en: "filter by code", es: "filtrar por código")
        case .statusMore: tr(en: "status pane: next page (when it says more)", es: "estado: otra página (si dice más)")
        case .waitlist, .acceptOffer, .declineOffer, .askWaitlist, .withdrawWaitlist, .sendRequest: waitlistKey(k)
        }
    }

    public func screenName(_ n: ScreenName) -> String {
        switch n {
        case .findCase: tr(en: "find a caller", es: "buscar a la persona")
        case .callerList: tr(en: "the matches of a search", es: "los resultados de una búsqueda")
        case .refusal: tr(en: "a case that cannot be rescheduled here", es: "un caso que aquí no se puede cambiar")
        case .caseList: tr(en: "your cases", es: "sus casos")
        case .filter: tr(en: "filtering the cases", es: "filtrar los casos")
        case .calendar: tr(en: "the calendar", es: "el calendario")
        case .times: tr(en: "the times of a day", es: "las horas de un día")
        case .reasons: tr(en: "the reason", es: "el motivo")
        case .textInput: tr(en: "typing a reason or a note", es: "escribir un motivo o una nota")
        case .confirm: tr(en: "confirming", es: "confirmar")
        case .waiting: tr(en: "waiting for the store", es: "esperar al sistema")
        case .outcome: tr(en: "the outcome", es: "el resultado")
        case .reviewQueue: tr(en: "the review queue", es: "las revisiones")
        case .centerPicker: tr(en: "choosing a center", es: "elegir un centro")
        case .prompt: tr(en: "a one-line question", es: "una pregunta de una línea")
        case .dialog: tr(en: "a yes/no question", es: "una pregunta de sí o no")
        case .help: tr(en: "help", es: "ayuda")
        case .ownKeys: tr(en: "your SSH keys", es: "sus llaves SSH")
        case .callerKeys: tr(en: "the caller's SSH keys", es: "las llaves SSH de la persona")
        case .waitlist, .waitlistForm: waitlistScreenName(n)
        case .trainer: tr(en: "the trainer panel", es: "el panel del instructor")
        case .stories: tr(en: "the story list", es: "la lista de historias")
        }
    }
    public func helpOnThisScreen(_ screen: String) -> String { tr(en: "On this screen (\(screen))", es: "En esta pantalla (\(screen))") }
    public var helpEverywhere: String { tr(en: "Everywhere", es: "En todas partes") }
    public var helpMouseKey: String { tr(en: "Mouse", es: "Ratón") }
    /// At most 42 columns: the help overlay's label column at 80x24.
    public var helpMouseWhat: String { tr(en: "click a day, a time or a row to select", es: "clic en un día, una hora o una fila: elige") }

    // People and channels.
    public func role(_ r: Role) -> String {
        switch r {
        case .applicant: tr(en: "Applicant", es: "Solicitante")
        case .representative: tr(en: "Representative", es: "Representante")
        case .agent: tr(en: "Agent", es: "Agente")
        case .officer: tr(en: "Officer", es: "Oficial")
        }
    }
    public func channelWord(online: Bool) -> String {
        online ? tr(en: "online", es: "en línea") : tr(en: "contact center", es: "Centro de Contacto")
    }
    public var bannerLong: String { tr(en: " TRAINING · demo data, not real cases ", es: " PRÁCTICA · datos de prueba, no son casos reales ") }
    public var bannerShort: String { tr(en: " TRAINING ", es: " PRÁCTICA ") }

    // Screen too small.
    public var tooSmallTitle: String { tr(en: "Window too small:", es: "Ventana muy pequeña:") }
    public func tooSmallHave(_ columns: Int, _ rows: Int) -> String { tr(en: "\(columns)x\(rows), need", es: "\(columns)x\(rows); se necesita") }
    public func tooSmallNeed(_ columns: Int, _ rows: Int) -> String { tr(en: "\(columns)x\(rows) or more.", es: "\(columns)x\(rows) o más.") }
    public var tooSmallWhat: String { tr(en: "Enlarge, or q quits.", es: "Agrándela, o q sale.") }

    // Dialogs.
    public var quitTitle: String { tr(en: "Quit?", es: "¿Salir?") }
    public var quitWaiting: String { tr(en: "The store has not answered; it may book or not.", es: "El sistema no ha respondido; puede reservar o no.") }
    public var quitLoses: String { tr(en: "The request is not finished; quitting loses it.", es: "La solicitud no está terminada; si sale, se pierde.") }
    public var quitKeys: String { tr(en: "y  quit      n / Esc  stay", es: "s  salir      n / Esc  quedarse") }
    public var saveTitle: String { tr(en: "Save the notice", es: "Guardar el aviso") }
    public var fileNamePrompt: String { tr(en: "File name:", es: "Nombre del archivo:") }
    public var saveHint: String { tr(en: "Enter save · Esc cancel", es: "Enter guardar · Esc cancelar") }
    public var replaceTitle: String { tr(en: "Replace the file?", es: "¿Reemplazar el archivo?") }
    public func fileExists(_ path: String) -> String { tr(en: "\(path) exists.", es: "\(path) ya existe.") }
    public var replaceLoses: String { tr(en: "Replacing it loses what it holds.", es: "Si lo reemplaza, se pierde su contenido.") }
    public var replaceKeys: String { tr(en: "y  replace      n / Esc  choose another name", es: "s  reemplazar      n / Esc  otro nombre") }
    public func reviewTitle(approve: Bool) -> String {
        approve ? tr(en: "Approve request", es: "Aprobar solicitud") : tr(en: "Deny request", es: "Negar solicitud")
    }
    public func reviewPrompt(approve: Bool) -> String {
        approve ? tr(en: "Note (why it is approved):", es: "Nota (por qué se aprueba):") : tr(en: "Note (why it is denied):", es: "Nota (por qué se niega):")
    }
    public func reviewHint(approve: Bool) -> String {
        approve ? tr(en: "Enter approve · Esc cancel", es: "Enter aprobar · Esc cancelar") : tr(en: "Enter deny · Esc cancel", es: "Enter negar · Esc cancelar")
    }

    // The status pane.
    public var statusTitle: String { tr(en: "Status", es: "Estado") }
    public func appointmentStatus(_ status: String) -> String { tr(en: "Appointment (\(status)):", es: "Cita (\(status)):") }
    public func reschedulesUsed(_ used: Int, _ limit: Int) -> String {
        tr(en: "\(used) of \(limit) online reschedules used", es: "\(used) de \(limit) cambios en línea usados")
    }
    public var flagsNone: String { tr(en: "Flags: none", es: "Alertas: ninguna") }
    public func pendingEscalation(_ id: String) -> String {
        tr(en: "Escalated request \(id) waits for an officer.", es: "La solicitud \(id) espera a un oficial.")
    }
    public func decisionWord(_ d: Decision) -> String {
        switch d {
        case .allowed: tr(en: "✔ ALLOWED", es: "✔ PERMITIDO")
        case .escalated: tr(en: "▲ TO AN OFFICER", es: "▲ A UN OFICIAL")
        case .refused: tr(en: "✖ REFUSED", es: "✖ RECHAZADO")
        }
    }
    public func asRoleChannel(_ role: Role, online: Bool) -> String {
        let ch = channelWord(online: online)
        let who = roleWord(role)
        return tr(en: "as \(who), \(ch)", es: "\(who), \(ch)")
    }
    public var noCaseOpen: String { tr(en: "No case open.", es: "No hay un caso abierto.") }
    public var typeReceipt: String { tr(en: "Type a receipt number.", es: "Escriba un número de recibo.") }
    public var chooseYourCase: String { tr(en: "Choose one of your cases.", es: "Elija uno de sus casos.") }
    public var bookingWaiting: String { tr(en: "Booking… waiting for the store", es: "Reservando… esperando al sistema") }
    public var reviewWaiting: String { tr(en: "Saving the review… waiting for the store", es: "Guardando la revisión… esperando al sistema") }
    public var savingNotice: String { tr(en: "Saving the notice…", es: "Guardando el aviso…") }
    public var loading: String { tr(en: "Loading…", es: "Cargando…") }
    public var pleaseWait: String { tr(en: "Please wait…", es: "Espere, por favor…") }

    // Finding a case.
    public var findTitle: String { tr(en: "Find a case", es: "Buscar un caso") }
    public var receiptLabel: String { tr(en: "Receipt number:", es: "Número de recibo:") }
    public var receiptShape: String {
        tr(
            en: "Three letters and ten digits, e.g. EAC2414052317; spaces and dashes are ignored.",
            es: "Tres letras y diez dígitos, por ejemplo EAC2414052317; los espacios y guiones no cuentan.")
    }
    public func typedOf13(_ typed: String, _ n: Int) -> String { tr(en: "\(typed)  \(n) of 13", es: "\(typed)  \(n) de 13") }
    public func unknownPrefix(_ prefix: String) -> String {
        tr(en: "Warning: \(prefix) is not a known service center prefix.", es: "Atención: \(prefix) no es el prefijo de un centro de servicio conocido.")
    }
    public var reviewQueueHint: String { tr(en: "r with an empty field: the review queue", es: "r con el campo vacío: las revisiones") }

    // The case list.
    public func caseListTitle(representative: Bool) -> String {
        representative ? tr(en: "Your clients' cases", es: "Casos de sus clientes") : tr(en: "Your cases", es: "Sus casos")
    }
    public var filterLabel: String { tr(en: "Filter: ", es: "Filtro: ") }
    public var loadingCases: String { tr(en: "Loading your cases…", es: "Cargando sus casos…") }
    public var noCases: String { tr(en: "No cases.", es: "No hay casos.") }
    public var noCaseMatches: String { tr(en: "No case matches the filter.", es: "Ningún caso coincide con el filtro.") }
    public func casesCount(_ n: Int) -> String { tr(en: count(n, "case", "cases"), es: count(n, "caso", "casos")) }
    public func appointmentsCount(_ n: Int) -> String { tr(en: count(n, "appointment", "appointments"), es: count(n, "cita", "citas")) }

    // The calendar.
    public var pickTitle: String { tr(en: "Pick a new time", es: "Elija una hora nueva") }
    public func approvePickTitle(_ id: String) -> String { tr(en: "Approve \(id): pick a time", es: "Aprobar \(id): elija una hora") }
    /// Under a list of times that does not fit: how many are above and below.
    public func timesMore(above: Int, below: Int) -> String {
        switch (above > 0, below > 0) {
        case (true, true): tr(en: "↑ \(above) more above · ↓ \(below) more below", es: "↑ \(above) más arriba · ↓ \(below) más abajo")
        case (true, false): tr(en: "↑ \(above) more above", es: "↑ \(above) más arriba")
        case (false, true): tr(en: "↓ \(below) more below (PgDn)", es: "↓ \(below) más abajo (AvPág)")
        case (false, false): ""
        }
    }
    public func timesIn(_ place: String, _ abbr: String, _ zone: String) -> String {
        tr(en: "\(place)times in \(abbr) (\(zone))", es: "\(place)horas en \(abbr) (\(zone))")
    }
    public var loadingSlots: String { tr(en: "Loading slots…", es: "Cargando horarios…") }
    public func legend(_ m: DayMarkWord) -> String {
        switch m {
        case .free: tr(en: "free", es: "libre")
        case .few: tr(en: "few", es: "pocos")
        case .full: tr(en: "full", es: "lleno")
        case .closed: tr(en: "closed", es: "cerrado")
        case .outside: tr(en: "outside", es: "fuera")
        }
    }
    public func outsideWindowShort(lead: Int, horizon: Int) -> String {
        tr(
            en: "Outside the booking window: more than \(lead) h and at most \(horizon) days ahead.",
            es: "Fuera del periodo de reserva: más de \(lead) h y a lo sumo \(horizon) días por delante.")
    }
    public var closedClosure: String { tr(en: "closed (closure)", es: "cerrado (cierre)") }
    public func closedOnWeekday(_ d: Weekday) -> String { tr(en: "closed on \(weekdayShort(d))", es: "cierra el \(weekdayShort(d))") }
    public var outsideWindowWord: String { tr(en: "outside window", es: "fuera del periodo") }
    public func timesOf(_ day: String, _ why: String, _ shown: String) -> String {
        tr(en: "\(day) \(why); times of \(shown)", es: "\(day) \(why); horas del \(shown)")
    }
    public func freeOf(_ free: Int, _ stations: Int) -> String { tr(en: "\(free) of \(stations) free", es: "\(free) de \(stations) libres") }
    public var slotFullWord: String { tr(en: "full", es: "lleno") }
    public var slotCurrentWord: String { tr(en: "current", es: "actual") }
    public var slotNotOffered: String { tr(en: "not offered", es: "no disponible") }

    // The center picker.
    public var centerPickerTitle: String { tr(en: "Choose a center (type code, city or state)", es: "Elija un centro (código, ciudad o estado)") }
    public var loadingCenters: String { tr(en: "Loading centers…", es: "Cargando centros…") }
    public var noCenterMatches: String { tr(en: "No center matches.", es: "Ningún centro coincide.") }
    public var currentMark: String { tr(en: " (current)", es: " (actual)") }

    // The reason.
    public var reasonTitle: String { tr(en: "Why can't they attend? (good cause)", es: "Causa justificada para no asistir") }
    /// The reason pane's title on the online screens: spoken to the applicant.
    public var reasonTitleYou: String { tr(en: "Why can't you attend? (good cause)", es: "¿Por qué no puede asistir?") }
    public func newTime(_ when: String, _ code: String) -> String { tr(en: "New time: \(when) [\(code)]", es: "Hora nueva: \(when) [\(code)]") }
    public var explainOther: String { tr(en: "Explain the other reason:", es: "Explique el otro motivo:") }
    public var noteForRecord: String { tr(en: "Note for the record:", es: "Nota para el expediente:") }
    public func confirmationBy(_ how: String, changes: Bool) -> String {
        changes
            ? tr(en: "Confirmation by: \(how)  (Enter changes)", es: "Avisar por: \(how)  (Enter cambia)")
            : tr(en: "Confirmation by: \(how)", es: "Avisar por: \(how)")
    }
    public var continueButton: String { tr(en: "[ Continue to confirm ]", es: "[ Seguir a confirmar ]") }
    public func notifyEmail(_ address: String?) -> String {
        let a = address.map { " (\($0))" } ?? ""
        return tr(en: "email\(a)", es: "correo electrónico\(a)")
    }
    public func notifySMS(_ phone: String?) -> String {
        let p = phone.map { " (\($0))" } ?? ""
        return tr(en: "SMS\(p)", es: "SMS\(p)")
    }
    public var notifyNoneOnFile: String { tr(en: "none (no email or phone on file)", es: "ninguna (no hay correo ni teléfono registrado)") }

    // Confirming.
    public var submittingTitle: String { tr(en: "Submitting…", es: "Enviando…") }
    public var confirmTitle: String { tr(en: "Confirm the new appointment", es: "Confirme la nueva cita") }
    public var currentColumn: String { tr(en: "Current", es: "Actual") }
    public var newColumn: String { tr(en: "New", es: "Nueva") }
    public func otherReason(_ text: String) -> String { tr(en: "other: \(text)", es: "otro: \(text)") }
    public func reasonLine(_ text: String) -> String { tr(en: "Reason:  \(text)", es: "Motivo:  \(text)") }
    public func channelLine(_ channel: String, _ role: Role, _ id: String) -> String {
        let who = roleWord(role)
        return tr(en: "Channel: \(channel) (\(who) \(id))", es: "Canal: \(channel) (\(who) \(id))")
    }
    public func channelName(_ c: Channel) -> String {
        switch c {
        case .online: tr(en: "online", es: "en línea")
        case .contactCenter: tr(en: "contact-center", es: "Centro de Contacto")
        case .mail: tr(en: "mail", es: "correo postal")
        case .inPerson: tr(en: "in-person", es: "en persona")
        }
    }
    public var enterBooks: String { tr(en: "Enter books this time.", es: "Enter reserva esta hora.") }
    public func enterEscalates(_ codes: String) -> String {
        tr(en: "Enter sends it to an officer (\(codes)); nothing is booked yet.", es: "Enter la envía a un oficial (\(codes)); aún no se reserva nada.")
    }
    public func enterRefused(_ codes: String) -> String {
        tr(en: "Refused: \(codes). Enter submits anyway to record the answer.", es: "Rechazada: \(codes). Enter la envía igual para registrar la respuesta.")
    }
    public var confirmHint: String { tr(en: "Enter confirm · Esc back", es: "Enter confirmar · Esc volver") }

    // The outcome.
    public var outcomeTitle: String { tr(en: "Outcome", es: "Resultado") }
    public func outcomeWord(_ r: RescheduleOutcome.Result) -> String {
        switch r {
        case .booked: tr(en: "Booked", es: "Reservada")
        case .escalated: tr(en: "Sent to an officer", es: "Enviada a un oficial")
        case .refused: tr(en: "Refused", es: "Rechazada")
        case .conflict: tr(en: "Conflict", es: "Conflicto")
        case .slotFull: tr(en: "Slot full", es: "Horario lleno")
        case .denied: tr(en: "Denied", es: "Negada")
        }
    }
    public func rescheduledRequest(_ id: String) -> String {
        tr(en: "The appointment was rescheduled. Request \(id).", es: "La cita se cambió. Solicitud \(id).")
    }
    public var copyFromScreen: String { tr(en: "Copy or print this notice from your screen.", es: "Copie o imprima este aviso desde su pantalla.") }
    public var mustBeMailed: String {
        tr(
            en: "No online account (no email, no phone): the notice must be mailed to the applicant.",
            es: "No tiene cuenta en línea (ni correo ni teléfono): el aviso se debe enviar por correo postal al solicitante.")
    }
    /// A language's name in this catalog's language: `Spanish` / `español`.
    public func languageName(_ l: Language) -> String {
        switch l {
        case .en: tr(en: "English", es: "inglés")
        case .es: tr(en: "Spanish", es: "español")
        }
    }
    public func noticeIn(_ language: Language) -> String {
        let name = languageName(language)
        return tr(en: "Notice in \(name) (l changes it).", es: "Aviso en \(name) (l lo cambia).")
    }
    public func waitingForOfficer(_ id: String) -> String {
        tr(en: "Request \(id) is waiting for an officer's review.", es: "La solicitud \(id) espera la revisión de un oficial.")
    }
    public func codesLine(_ codes: String) -> String { tr(en: "Codes: \(codes)", es: "Códigos: \(codes)") }
    public var whatHappensNext: String {
        tr(
            en:
                "What happens next: an officer approves (booking the preferred slot, or another if it is gone) or denies it, always with a note. Until then the current appointment stands.",
            es:
                "Qué sigue: un oficial la aprueba (reserva el horario preferido, u otro si ya no está) o la niega, siempre con una nota. Mientras tanto, la cita actual se mantiene."
        )
    }
    public func whatToDo(_ g: String) -> String { tr(en: "What to do: \(g)", es: "Qué hacer: \(g)") }

    // The review queue.
    public func reviewQueueTitle(_ n: Int) -> String {
        let requests = tr(en: count(n, "escalated request", "escalated requests"), es: count(n, "solicitud enviada", "solicitudes enviadas"))
        return tr(en: "Review queue: \(requests)", es: "Revisiones: \(requests)")
    }
    public var noReviewWaiting: String { tr(en: "No escalated request is waiting.", es: "No hay solicitudes en espera.") }
    public func reviewReceipt(_ receipt: String, _ agent: String) -> String {
        tr(en: "Receipt \(receipt), requested by \(agent)", es: "Recibo \(receipt), solicitado por \(agent)")
    }
    public func reviewPreferred(_ when: String, _ center: String) -> String { tr(en: "Preferred: \(when) at \(center)", es: "Preferido: \(when) en \(center)") }
    public func reviewReason(_ r: String) -> String { tr(en: "Reason: \(r)", es: "Motivo: \(r)") }
    public func agentNote(_ n: String) -> String { tr(en: "Agent's note: \(n)", es: "Nota del agente: \(n)") }

    // The SSH keys screen.
    public func keysTitle(own: Bool, _ holder: String) -> String {
        own ? tr(en: "Your SSH keys", es: "Sus llaves SSH") : tr(en: "SSH keys of \(holder)", es: "Llaves SSH de \(holder)")
    }
    public var noOwnKey: String { tr(en: "No key is linked to your account.", es: "No hay ninguna llave vinculada a su cuenta.") }
    public var noKeyInForce: String { tr(en: "No key in force for this account.", es: "Esta cuenta no tiene llaves vigentes.") }
    public func keyAdded(_ type: String, _ date: String, _ how: String) -> String {
        tr(en: "    \(type), added \(date) (\(how))", es: "    \(type), agregada el \(date) (\(how))")
    }
    public func enrollmentOnce(_ door: EnrollmentDoor) -> String {
        let how = enrollCommand(door)
        return tr(en: "Once, within 30 days: \(how).", es: "Una vez, dentro de 30 días: \(how).")
    }
    public var removeKeyQuestion: String {
        tr(en: "Remove the selected key? Logins with it stop working.  y / n", es: "¿Quitar la llave elegida? Ya no servirá para entrar.  s / n")
    }
    public func revokeQuestion(_ holder: String) -> String {
        tr(en: "Revoke every key of \(holder)? (a lost device)  y / n", es: "¿Revocar todas las llaves de \(holder)? (equipo perdido)  s / n")
    }

    public func tryAgain(_ message: String) -> String { tr(en: "\(message) Press Enter to try again.", es: "\(message) Pulse Enter para intentar otra vez.") }
    public func refreshedChooseAgain(_ summary: String) -> String {
        tr(en: "\(summary) The screen was refreshed: choose again.", es: "\(summary) La pantalla se actualizó: elija otra vez.")
    }
    public func summaryBooked(_ when: String, _ id: String) -> String { tr(en: "Booked: \(when). Request \(id).", es: "Reservada: \(when). Solicitud \(id).") }
    public func summaryEscalated(_ id: String, _ codes: String) -> String {
        tr(en: "Escalated to an officer as request \(id) (\(codes)).", es: "Enviada a un oficial como solicitud \(id) (\(codes)).")
    }
    public func summaryRefused(_ codes: String, _ message: String) -> String { tr(en: "Refused: \(codes). \(message)", es: "Rechazada: \(codes). \(message)") }
    public func summaryDenied(_ message: String) -> String { tr(en: "Denied: \(message)", es: "Negada: \(message)") }
    public var noNoticeToSave: String { tr(en: "There is no notice to save for this outcome.", es: "Este resultado no tiene un aviso que guardar.") }
    public var noticeShownNotSaved: String {
        tr(
            en: "Over this connection the notice is shown, not saved: copy or print it from your screen.",
            es: "Por esta conexión el aviso se muestra, no se guarda: cópielo o imprímalo desde su pantalla.")
    }
    public var typeFileName: String { tr(en: "Type a file name for the notice, or Esc.", es: "Escriba un nombre de archivo para el aviso, o Esc.") }
    public func nothingSaved(_ path: String) -> String { tr(en: "Nothing was saved; \(path) is unchanged.", es: "No se guardó nada; \(path) no cambió.") }
    public var separationOffInTraining: String {
        tr(
            en: "Training store: you escalated this request yourself. Separation of duties is off here; on a real store another officer decides it.",
            es: "Sistema de práctica: usted envió esta solicitud. Aquí no se separan las funciones; en un sistema real la decide otro oficial.")
    }
    /// The head of the result shown on the review queue.
    public func reviewDecided(_ id: String) -> String { tr(en: "Request \(id):", es: "Solicitud \(id):") }
    public func approveOtherTitle(_ id: String) -> String { tr(en: "Approve \(id) at another time?", es: "¿Aprobar \(id) en otra hora?") }
    public func approveOtherFull(_ preferred: String) -> String {
        tr(en: "The preferred time, \(preferred), is full.", es: "La hora preferida, \(preferred), está llena.")
    }
    public func approveOtherAsk(_ when: String) -> String {
        tr(en: "Book \(when) instead?", es: "¿Reservar \(when) en su lugar?")
    }
    public var approveOtherYes: String { tr(en: "Approve at this time", es: "Aprobar a esta hora") }
    public var approveOtherNo: String { tr(en: "Pick another time", es: "Elegir otra hora") }
    public var approveOtherKeys: String { tr(en: "y  approve at this time      n / Esc  pick another", es: "s  aprobar a esta hora      n / Esc  elegir otra") }
    public var noFreeDay: String {
        tr(en: "No day in the booking window has a free slot at this center.", es: "Ningún día del periodo de reserva tiene horarios libres en este centro.")
    }
    public var timeNotOffered: String {
        tr(en: "That time is not offered; choose a time marked free.", es: "Esa hora no está disponible; elija una hora marcada como libre.")
    }
    public func centerChosen(_ code: String, _ name: String, _ zone: String) -> String {
        tr(en: "Center \(code) \(name) chosen; times are in \(zone).", es: "Se eligió el centro \(code) \(name); las horas están en \(zone).")
    }
    public func chooseReasonFirst(_ code: String) -> String { tr(en: "\(code): choose a reason first.", es: "\(code): primero elija un motivo.") }
    public func explainOtherReason(_ code: String) -> String { tr(en: "\(code): explain the other reason.", es: "\(code): explique el otro motivo.") }
    public func preferredGoneFor(_ id: String) -> String {
        tr(
            en: "The preferred slot is gone: pick another time for request \(id), then Enter to approve.",
            es: "El horario preferido ya no está: elija otra hora para la solicitud \(id) y pulse Enter para aprobar.")
    }
    public var noLinkedCases: String { tr(en: "No cases are linked to your account.", es: "No hay casos vinculados a su cuenta.") }
    public func caseLoaded(_ receipt: String) -> String { tr(en: "Case \(receipt) loaded.", es: "Se abrió el caso \(receipt).") }
    public func couldNotSave(_ path: String, _ error: String) -> String {
        tr(en: "Could not save the notice to \(path): \(error)", es: "No se pudo guardar el aviso en \(path): \(error)")
    }
    public func noticeSaved(_ path: String) -> String { tr(en: "Notice saved to \(path).", es: "Aviso guardado en \(path).") }
    public var noAccountNoKeys: String {
        tr(
            en: "This case has no online account, so no SSH keys: the notice goes by mail.",
            es: "Este caso no tiene cuenta en línea, así que no tiene llaves SSH: el aviso va por correo postal.")
    }
    public var noKeyToRemove: String { tr(en: "There is no key to remove.", es: "No hay ninguna llave que quitar.") }
    public var accountNoKeyInForce: String { tr(en: "The account has no key in force.", es: "La cuenta no tiene llaves vigentes.") }
    public func keysRevoked(_ n: Int) -> String {
        if n == 0 { return tr(en: "No key was in force.", es: "No había llaves vigentes.") }
        return n == 1
            ? tr(en: "1 key revoked: logins with it are refused from now on.", es: "1 llave revocada: desde ahora se rechaza la entrada con ella.")
            : tr(en: "\(n) keys revoked: logins with them are refused from now on.", es: "\(n) llaves revocadas: desde ahora se rechaza la entrada con ellas.")
    }
    public func newCodeFor(_ holder: String) -> String {
        tr(
            en: "New enrollment code for \(holder): read it to the caller; it works once, for 30 days.",
            es: "Nuevo código de inscripción para \(holder): léaselo a la persona; sirve una vez, durante 30 días.")
    }
    public func idleWarning(_ seconds: Int) -> String {
        tr(
            en: "No activity: this session ends in \(seconds) seconds unless you press a key.",
            es: "Sin actividad: esta sesión termina en \(seconds) segundos si no pulsa una tecla.")
    }
    public var stillHere: String { tr(en: "Still here: the session stays open.", es: "Sigue aquí: la sesión continúa abierta.") }
    public func languageNow(_ l: Language) -> String {
        let name = languageName(l)
        return tr(en: "Screen language: \(name).", es: "Idioma de la pantalla: \(name).")
    }
    public func noticeLanguageNow(_ l: Language) -> String {
        let name = languageName(l)
        return tr(en: "The notice is now in \(name).", es: "El aviso ahora está en \(name).")
    }
}

/// The find screen's caller search and the help overlay (issue 15).
extension Catalog {
    public var findCallerTitle: String { tr(en: "Find a caller", es: "Buscar a la persona") }
    public var findCallerLabel: String { tr(en: "Receipt, A-number, name, phone or email:", es: "Recibo, número A, nombre, teléfono o correo:") }
    public var findCallerExamples: String {
        tr(
            en: "e.g. EAC2414052317 · A123456789 · Garcia · Garcia 1985-03-14 (a name and a date of birth) · (617) 555-0142 · maria@example.org",
            es: "p. ej. EAC2414052317 · A123456789 · Garcia · Garcia 1985-03-14 (un nombre y una fecha de nacimiento) · (617) 555-0142 · maria@example.org")
    }
    public var demoCasesToTry: String { tr(en: "Demo cases to try:", es: "Casos de prueba para practicar:") }
    public var searching: String { tr(en: "Searching…", es: "Buscando…") }
    public var noCaseMatchesSearch: String { tr(en: "No case matches.", es: "Ningún caso coincide.") }
    public func matchesLine(_ n: Int, more: Bool) -> String {
        let plus = more ? "+" : ""
        return n == 1
            ? tr(en: "\(n)\(plus) match · ↑ ↓ choose · Enter opens", es: "\(n)\(plus) resultado · ↑ ↓ elegir · Enter abre")
            : tr(en: "\(n)\(plus) matches · ↑ ↓ choose · Enter opens", es: "\(n)\(plus) resultados · ↑ ↓ elegir · Enter abre")
    }
    public func born(_ date: String) -> String { tr(en: "born \(date)", es: "nació el \(date)") }
    public var bornUnknown: String { tr(en: "born unknown", es: "nacimiento desconocido") }
    public var noAppointmentScheduled: String { tr(en: "no appointment scheduled", es: "sin cita programada") }
    public func nextAppointment(_ center: String, _ when: String) -> String {
        tr(en: "next appointment \(center) \(when)", es: "próxima cita \(center) \(when)")
    }
    public var findTheCaller: String {
        tr(en: "Find the caller: a receipt, A-number, name, phone or email.", es: "Busque a la persona: recibo, número A, nombre, teléfono o correo.")
    }
    public var keysTitle: String { tr(en: "Keys", es: "Teclas") }
    public var anyKeyCloses: String { tr(en: "Any key closes.", es: "Cualquier tecla cierra.") }
    public func helpScroll(_ from: Int, _ to: Int, _ total: Int) -> String {
        tr(
            en: "\(from)–\(to) of \(total) · ↑↓ PgUp PgDn scroll · other keys close",
            es: "\(from)–\(to) de \(total) · ↑↓ PgUp PgDn desplazan · otras teclas cierran")
    }
    public var more: String { tr(en: "more", es: "más") }
    // Plain mode's caller search.
    public func plainFindPrompt(officer: Bool) -> String {
        officer
            ? tr(
                en:
                    "Type a receipt number, an A-number, a name (a surname, or a name and a date of birth), a phone or an email, or r for the review queue, then Enter:",
                es:
                    "Escriba un número de recibo, un número A, un nombre (un apellido, o un nombre y una fecha de nacimiento), un teléfono o un correo, o r para las revisiones, y pulse Enter:"
            )
            : tr(
                en: "Type a receipt number, an A-number, a name (a surname, or a name and a date of birth), a phone or an email, then Enter:",
                es:
                    "Escriba un número de recibo, un número A, un nombre (un apellido, o un nombre y una fecha de nacimiento), un teléfono o un correo, y pulse Enter:"
            )
    }
    public func plainMatch(_ name: String, _ born: String, _ form: String, _ next: String) -> String {
        tr(en: "\(name), born \(born), \(form), \(next)", es: "\(name), nació el \(born), \(form), \(next)")
    }
    public var unknownWord: String { tr(en: "unknown", es: "desconocido") }
    public func plainChooseMatch(_ n: Int) -> String {
        tr(
            en: "Choose 1 to \(n) to open a case, or type another search (q quits):",
            es: "Elija del 1 al \(n) para abrir un caso, o escriba otra búsqueda (q sale):")
    }
}

/// The calendar legend's words.
public enum DayMarkWord: String, CaseIterable, Sendable { case free, few, full, closed, outside }

/// Caller search (the find screen's field, `biosched find`).
extension Catalog {
    public func searchNoMatch(_ text: String) -> String {
        tr(
            en: "No case matches \"\(text)\". Check the spelling, or try a surname, an A-number, a phone or an email.",
            es: "Ningún caso coincide con «\(text)». Revise la ortografía, o pruebe con un apellido, un número A, un teléfono o un correo.")
    }
    public func searchMore(_ n: Int, _ text: String, _ query: CallerQuery? = nil) -> String {
        tr(
            en: "More than \(n) cases match \"\(text)\"; the first \(n) are listed.",
            es: "Más de \(n) casos coinciden con «\(text)»; se muestran los primeros \(n).")
            + " " + narrowHint(query)
    }
    public func searchMatches(_ n: Int, _ text: String) -> String {
        n == 1
            ? tr(en: "1 case matches \"\(text)\".", es: "1 caso coincide con «\(text)».")
            : tr(en: "\(n) cases match \"\(text)\".", es: "\(n) casos coinciden con «\(text)».")
    }
}

/// The training sandbox (`biosched demo`): the trainer panel, the story list, their messages.
/// Story titles and descriptions are the demo data's, in English; a flow's captions are as it writes them.
extension Catalog {
    public func trainingClockMoved(_ clock: String, _ relative: String) -> String {
        tr(en: "Clock: \(clock) (\(relative)).", es: "Reloj: \(clock) (\(relative)).")
    }
    public func sandboxResetFailed(_ e: String) -> String { tr(en: "The sandbox could not be reset: \(e)", es: "No se pudo reiniciar la práctica: \(e)") }
    public var sandboxReset: String {
        tr(
            en: "Sandbox reset: the store and the clock are back to their first state.",
            es: "Práctica reiniciada: el sistema y el reloj vuelven a su estado inicial.")
    }
    public var trainingOnlyInSandbox: String {
        tr(
            en: "Training tools work only in a training sandbox (biosched demo).",
            es: "Las herramientas de práctica solo funcionan en un sistema de práctica (biosched demo).")
    }
    public var openCaseFirst: String {
        tr(en: "Open a case first: that clock move is relative to its appointment.", es: "Primero abra un caso: ese cambio de reloj depende de su cita.")
    }
    public var noApplicantAccount: String {
        tr(
            en: "This case has no online applicant account: it cannot be shown as its applicant.",
            es: "Este caso no tiene cuenta en línea del solicitante: no se puede mostrar como lo vería el solicitante.")
    }
    public var openCaseWithRepresentative: String {
        tr(
            en: "Open a case with a representative (G-28 on file) to act as one, or name the account.",
            es: "Abra un caso con un representante (G-28 registrado) para actuar como tal, o indique la cuenta.")
    }
    public func rolesSkipped(_ list: [String], caseOpen: Bool) -> String {
        let roles = tr(en: list.joined(separator: " and "), es: list.joined(separator: " y "))
        return caseOpen
            ? tr(en: "Skipped \(roles): this case has none.", es: "Se omitió \(roles): este caso no tiene.")
            : tr(en: "Skipped \(roles): no case is open.", es: "Se omitió \(roles): no hay un caso abierto.")
    }
    public func storyOpened(_ title: String, _ who: String) -> String { tr(en: "Story: \(title), as \(who).", es: "Historia: \(title), como \(who).") }
    public var resettingSandbox: String { tr(en: "Resetting the sandbox…", es: "Reiniciando la práctica…") }
    public func actingAs(_ role: Role, _ id: String, _ channel: String) -> String {
        let who = roleWord(role)
        return tr(en: "\(who) \(id) (\(channel))", es: "\(who) \(id) (\(channel))")
    }
    public func nowActingAs(_ who: String) -> String { tr(en: "Now acting as \(who).", es: "Ahora actúa como \(who).") }
    public func mayNotSee(_ code: String, _ id: String) -> String {
        tr(en: "\(code): \(id) may not see this case (R5).", es: "\(code): \(id) no puede ver este caso (R5).")
    }
    public var atStart: String { tr(en: "at start", es: "al inicio") }
    public func startOffset(_ d: String) -> String { tr(en: "start \(d)", es: "inicio \(d)") }
    public var appointmentStartsNow: String { tr(en: "Appointment starts now", es: "La cita empieza ahora") }
    public func appointmentIn(_ d: String) -> String { tr(en: "Appointment in \(d)", es: "Cita dentro de \(d)") }
    public func appointmentStartedAgo(_ d: String) -> String { tr(en: "Appointment started \(d) ago", es: "La cita empezó hace \(d)") }
    public func trainingClockHead(_ relative: String) -> String { tr(en: "Training clock, \(relative)", es: "Reloj de práctica, \(relative)") }
    public var trainerTitle: String { tr(en: "Trainer (Esc closes)", es: "Instructor (Esc cierra)") }
    public func actingAsLine(_ who: String) -> String { tr(en: "Acting as \(who)", es: "Como \(who)") }
    public var storiesTitle: String { tr(en: "Training stories: Enter opens one, Esc closes", es: "Historias de práctica: Enter abre una, Esc cierra") }
    public var noStories: String { tr(en: "This sandbox has no story cases.", es: "Esta práctica no tiene casos de historia.") }
    public func opensAs(_ receipt: String, _ who: String) -> String { tr(en: "\(receipt), opens as \(who):", es: "\(receipt), se abre como \(who):") }

    // Saving a notice to a file.
    public var fileExistsReason: String { tr(en: "the file exists", es: "el archivo ya existe") }
    public var fileNameOneLine: String { tr(en: "a file name must be plain text on one line", es: "un nombre de archivo debe ser texto simple en una línea") }
    public var fileIsStore: String {
        tr(en: "that is the scheduling store's own file; it is never written over", es: "ese es el archivo del propio sistema de citas; nunca se sobrescribe")
    }
    public var fileNotPlain: String {
        tr(en: "that name is a folder or a special file, not a plain file", es: "ese nombre es una carpeta o un archivo especial, no un archivo normal")
    }
    public func cannotWriteIn(_ dir: String, _ why: String) -> String { tr(en: "cannot write in \(dir): \(why)", es: "no se puede escribir en \(dir): \(why)") }
    public var diskIncomplete: String { tr(en: "the disk did not take the whole file", es: "el disco no guardó el archivo completo") }
    public var savingNotAvailable: String { tr(en: "saving files is not available here", es: "aquí no se pueden guardar archivos") }

    public func reviewQueueTitleFiltered(_ n: Int, _ code: String?) -> String {
        let requests = tr(en: count(n, "escalated request", "escalated requests"), es: count(n, "solicitud enviada", "solicitudes enviadas"))
        if let code {
            return tr(en: "Review queue: \(requests) with \(code), oldest first", es: "Revisiones: \(requests) con \(code), las más antiguas primero")
        }
        return tr(en: "Review queue: \(requests), oldest first", es: "Revisiones: \(requests), las más antiguas primero")
    }
    public func noReviewWithCode(_ code: String) -> String {
        tr(en: "No request with \(code) is waiting (f shows the next code).", es: "No hay solicitudes con \(code) en espera (f muestra el código siguiente).")
    }

    public func refusalTitle(online: Bool) -> String {
        online ? tr(en: "Not possible online", es: "No es posible en línea") : tr(en: "Cannot be rescheduled", es: "No se puede cambiar")
    }
    public func nothingChanged(online: Bool) -> String {
        online
            ? tr(en: "Nothing was changed: your appointment stays as it is.", es: "No se cambió nada: su cita sigue igual.")
            : tr(en: "Nothing was changed: the appointment stays as it is.", es: "No se cambió nada: la cita sigue igual.")
    }
    public var escGoesBack: String { tr(en: "Esc goes back.", es: "Esc vuelve.") }
    public var noneGiven: String { tr(en: "none given", es: "no se indicó") }
    public var noName: String { tr(en: "(no name)", es: "(sin nombre)") }
    public var noneWord: String { tr(en: "none", es: "ninguna") }
    public var noAppointment: String { tr(en: "no appointment", es: "sin cita") }
    public func reviewRequestBy(_ id: String, _ agent: String, _ waited: String) -> String {
        tr(en: "Request \(id) by \(agent), waiting \(waited)", es: "Solicitud \(id) de \(agent), en espera desde hace \(waited)")
    }
    public func reviewCurrentAt(_ when: String, _ center: String, _ status: String) -> String {
        tr(en: "\(when) at \(center) (\(status))", es: "\(when) en \(center) (\(status))")
    }
    public func reviewCurrent(_ c: String) -> String { tr(en: "Current: \(c)", es: "Actual: \(c)") }
    /// The last row of a pane longer than its room: where the view is and how to scroll.
    public func scrollLine(more: Bool, from: Int, to: Int, of total: Int) -> String {
        more
            ? tr(en: "↓ more · lines \(from)–\(to) of \(total) · ↑↓ scroll", es: "↓ más · líneas \(from)–\(to) de \(total) · ↑↓ desplazar")
            : tr(en: "end · lines \(from)–\(to) of \(total) · ↑↓ scroll", es: "fin · líneas \(from)–\(to) de \(total) · ↑↓ desplazar")
    }
    public func statusMorePage(_ page: Int, _ pages: Int) -> String { tr(en: "F3 more · page \(page) of \(pages)", es: "F3 más · página \(page) de \(pages)") }
    public func statusMoreLines(_ n: Int) -> String { tr(en: "F3 more (\(n) lines)", es: "F3 más (líneas: \(n))") }
    public func showingRequests(_ n: Int, _ code: String?) -> String {
        let requests = tr(en: count(n, "request", "requests"), es: count(n, "solicitud", "solicitudes"))
        if let code { return tr(en: "Showing \(requests) with \(code) (f: next code).", es: "Se muestran \(requests) con \(code) (f: código siguiente).") }
        return tr(en: "Showing all \(requests).", es: "Se muestran todas: \(requests).")
    }
    public func anotherCenter(_ now: String) -> String { tr(en: "Another center (now \(now))", es: "Otro centro (ahora \(now))") }
    public func idleBar(_ left: Int) -> String {
        tr(
            en: "⚠ No activity: this session ends in \(left) s. Press any key to stay.",
            es: "⚠ Sin actividad: la sesión termina en \(left) s. Pulse una tecla para seguir.")
    }
    public func idleBarShort(_ left: Int) -> String { tr(en: "⚠ Ends in \(left) s: press a key", es: "⚠ Termina en \(left) s: pulse una tecla") }
    public func notFoundInUI(_ receipt: String) -> String {
        receipt.isEmpty
            ? tr(
                en: "NOT_FOUND: there is no case with that receipt in this store. Check the receipt number with the caller, or search by name.",
                es: "NOT_FOUND: no hay ningún caso con ese recibo en este sistema. Revise el número de recibo con la persona, o busque por nombre.")
            : tr(
                en: "NOT_FOUND: there is no case \(receipt) in this store. Check the receipt number with the caller, or search by name.",
                es: "NOT_FOUND: no hay ningún caso \(receipt) en este sistema. Revise el número de recibo con la persona, o busque por nombre.")
    }
}
