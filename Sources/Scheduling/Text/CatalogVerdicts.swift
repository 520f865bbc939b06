import Foundation

/// The policy's sentences (R1–R12), guidance, and the booking's answers. Codes such as
/// `WITHIN_12_HOURS` are identifiers and stay as they are in every language.
extension Catalog {
    /// One sentence a person understands, per code.
    public func sentence(_ code: VerdictCode) -> String {
        switch code {
        case .goodCauseRequired:
            tr(
                en: "A reason is required: choose one of the listed reasons, or explain an other reason.",
                es: "Se necesita un motivo: elija uno de los motivos de la lista o explique otro motivo.")
        case .within12Hours:
            tr(
                en: "The appointment is 12 hours away or less, too close to reschedule online.",
                es: "Faltan 12 horas o menos para la cita: es demasiado pronto para cambiarla en línea.")
        case .rescheduleLimitReached:
            tr(
                en: "The appointment has already been rescheduled twice, the most allowed online.",
                es: "La cita ya se cambió dos veces, el máximo permitido en línea.")
        case .appointmentPassed: tr(en: "The appointment time has already passed.", es: "La hora de la cita ya pasó.")
        case .notScheduled:
            tr(
                en: "The appointment is no longer scheduled (it was attended, rescheduled or cancelled).",
                es: "La cita ya no está programada (se asistió, se cambió o se canceló).")
        case .formExcluded:
            tr(
                en: "Appointments for intercountry adoption forms (I-600, I-600A, I-800, I-800A) cannot be rescheduled online.",
                es: "Las citas de los formularios de adopción internacional (I-600, I-600A, I-800, I-800A) no se pueden cambiar en línea.")
        case .notAuthorized: tr(en: "You are not authorized to act on this case.", es: "Usted no tiene autorización para actuar en este caso.")
        case .untimely:
            tr(
                en: "The request comes after the appointment time: an officer must review it.",
                es: "La solicitud llega después de la hora de la cita: un oficial debe revisarla.")
        case .repeatRequest:
            tr(
                en: "The appointment has been rescheduled twice already: an officer must review a further request.",
                es: "La cita ya se cambió dos veces: un oficial debe revisar una nueva solicitud.")
        case .otherReason:
            tr(
                en: "The reason is not one of the listed good causes: an officer must review it.",
                es: "El motivo no es una de las causas justificadas de la lista: un oficial debe revisarlo.")
        case .asylum:
            tr(
                en: "Asylum application (Form I-589): failing to appear may lead to dismissal; an officer must review the request.",
                es: "Solicitud de asilo (Formulario I-589): no presentarse puede llevar al rechazo; un oficial debe revisar la solicitud.")
        case .channelNotAccepted:
            tr(
                en: "Requests by mail or in person are not accepted; use the online tool or call the Contact Center.",
                es: "No se aceptan solicitudes por correo ni en persona; use la herramienta en línea o llame al Centro de Contacto.")
        case .abandonmentRisk:
            tr(
                en: "The appointment was missed with no timely request to reschedule: the case may be denied as abandoned.",
                es: "No se asistió a la cita ni se pidió a tiempo cambiarla: el caso puede negarse por abandono.")
        case .caseDenied:
            tr(
                en: "The case has been denied, so its appointment cannot be rescheduled.",
                es: "El caso fue negado, por eso su cita no se puede cambiar.")
        case .slotUnavailable: tr(en: "The chosen time is not available.", es: "La hora elegida no está disponible.")
        case .slotOutOfWindow: tr(en: "The chosen time is outside the booking window.", es: "La hora elegida está fuera del periodo de reserva.")
        case .sameSlot: tr(en: "The chosen time is the current appointment.", es: "La hora elegida es la de la cita actual.")
        case .conflict:
            tr(
                en: "The appointment was changed by someone else since it was shown.",
                es: "Otra persona cambió la cita desde que se mostró.")
        case .slotFull:
            tr(
                en: "Someone else took the last free station in that slot.",
                es: "Otra persona tomó el último puesto libre en ese horario.")
        case .invalidReceipt:
            tr(
                en: "The receipt number is not valid: expected three letters and ten digits.",
                es: "El número de recibo no es válido: debe tener tres letras y diez dígitos.")
        case .unknownPrefix:
            tr(
                en: "The receipt number's prefix is not a known service center.",
                es: "El prefijo del número de recibo no es de un centro de servicio conocido.")
        case .centerClosed:
            tr(
                en: "Center closed that day: this appointment must be moved.",
                es: "El centro está cerrado ese día: hay que cambiar esta cita.")
        }
    }

    /// R17: what moving an appointment off a closed day costs the caller (nothing).
    public var closedDayNoCost: String {
        tr(
            en: "Moving it is an agency rebooking: it does not count as one of the two reschedules and needs no reason.",
            es: "Cambiarla es un cambio de la agencia: no cuenta como uno de los dos cambios permitidos y no necesita motivo.")
    }

    /// R17, on the reason step.
    public var closedDayNoReason: String {
        tr(en: "No reason needed: center closed that day.", es: "No hace falta motivo: centro cerrado.")
    }

    /// R17, under a match in the list of callers.
    public var closedDayShort: String {
        tr(en: "center closed that day: must be moved", es: "centro cerrado ese día: hay que moverla")
    }

    /// R17, after an appointment in a list of callers.
    public func withClosedDay(_ next: String) -> String {
        tr(en: "\(next), center closed that day: must be moved", es: "\(next), centro cerrado ese día: hay que cambiarla")
    }

    /// R17, after a booking that moved an appointment off a closed day.
    public var closedDayNotCounted: String {
        tr(
            en: "The center was closed on the day of the old appointment: this does not count as one of the two reschedules.",
            es: "El centro estaba cerrado el día de la cita anterior: esto no cuenta como uno de los dos cambios permitidos.")
    }

    /// R17, on the notice and in the message: why the appointment was moved, and that it does not count.
    public func closedDayMoved(_ when: String, _ center: String, reason: String?) -> String {
        let why = reason.map { $0.isEmpty ? "" : " (\($0))" } ?? ""
        return tr(
            en:
                "Your appointment of \(when) at \(center) was moved because the center is closed that day\(why). This change was made for the agency and does not count as one of your reschedules.",
            es:
                "Su cita del \(when) en \(center) se cambió porque el centro está cerrado ese día\(why). Este cambio lo hizo la agencia y no cuenta como uno de sus cambios permitidos."
        )
    }

    /// The Contact Center's numbers: `Call the USCIS Contact Center at 800-375-5283 (TTY 800-767-1833).`
    public var callGuidance: String {
        let phone = ContactCenter.phone, tty = ContactCenter.tty
        return tr(
            en: "Call the USCIS Contact Center at \(phone) (TTY \(tty)).",
            es: "Llame al Centro de Contacto de USCIS al \(phone) (TTY \(tty)).")
    }
    public var guidanceOnlineOrCall: String {
        let phone = ContactCenter.phone, tty = ContactCenter.tty
        return tr(
            en: "Reschedule online, or call the USCIS Contact Center at \(phone) (TTY \(tty)).",
            es: "Cambie la cita en línea o llame al Centro de Contacto de USCIS al \(phone) (TTY \(tty)).")
    }
    public var guidanceCheckReceiptRoles: String {
        tr(
            en: "Check the receipt number. You can act only on cases linked to your account (applicants) or with your Form G-28 on file (representatives).",
            es:
                "Revise el número de recibo. Usted solo puede actuar en los casos vinculados a su cuenta (solicitantes) o con su Formulario G-28 registrado (representantes)."
        )
    }
    public var guidanceCheckReceipt: String {
        tr(
            en: "Check the receipt number. You can act only on cases linked to your account or with your Form G-28 on file.",
            es: "Revise el número de recibo. Usted solo puede actuar en los casos vinculados a su cuenta o con su Formulario G-28 registrado.")
    }
    public var guidanceMotionToReopen: String {
        tr(
            en: "A motion to reopen (Form I-290B) is the route to have the decision reconsidered.",
            es: "Para que se reconsidere la decisión, presente una moción para reabrir (Formulario I-290B).")
    }
    public var guidanceMotionShort: String {
        tr(en: "A motion to reopen (Form I-290B) is the route.", es: "El camino es una moción para reabrir (Formulario I-290B).")
    }
    public func onlineAllowed(used: Int, limit: Int) -> String {
        tr(
            en: "You can reschedule this appointment online (\(used) of \(limit) online reschedules used).",
            es: "Usted puede cambiar esta cita en línea (ha usado \(used) de \(limit) cambios en línea).")
    }
    public var asylumWarning: String {
        tr(
            en: "Warning: this is an asylum application (Form I-589); failing to appear for biometrics may lead to dismissal of the application.",
            es: "Atención: es una solicitud de asilo (Formulario I-589); no presentarse a la cita de datos biométricos puede llevar al rechazo de la solicitud."
        )
    }
    public func cannotOnline(_ sentences: String) -> String {
        tr(en: "This appointment cannot be rescheduled online: \(sentences)", es: "Esta cita no se puede cambiar en línea: \(sentences)")
    }
    public var guidanceChooseReasonOrCall: String {
        let phone = ContactCenter.phone
        return tr(
            en: "Choose a reason, or call the USCIS Contact Center at \(phone).",
            es: "Elija un motivo o llame al Centro de Contacto de USCIS al \(phone).")
    }
    public var guidanceCurrentAppointment: String {
        tr(en: "Look up the case's current appointment.", es: "Consulte la cita actual del caso.")
    }
    public var guidanceAskCaller: String {
        tr(
            en: "Ask the caller why they cannot attend; choose a listed reason or write their explanation.",
            es: "Pregunte a la persona por qué no puede asistir; elija un motivo de la lista o escriba su explicación.")
    }
    public var agentCanReschedule: String { tr(en: "The agent can reschedule this appointment now.", es: "El agente puede cambiar esta cita ahora.") }
    public var within12HoursContactOnly: String {
        tr(
            en: "It is within 12 hours, which only the Contact Center can take.",
            es: "Faltan 12 horas o menos, y eso solo lo puede atender el Centro de Contacto.")
    }
    public func toOfficer(_ sentences: String) -> String {
        tr(
            en: "The request goes to an officer for review; nothing is booked until it is approved. \(sentences)",
            es: "La solicitud pasa a un oficial para revisión; no se reserva nada hasta que se apruebe. \(sentences)")
    }
    public var untimelyDiscretion: String {
        tr(en: "Untimely requests are at the agency's discretion.", es: "Las solicitudes fuera de plazo quedan a criterio de la agencia.")
    }
    public var guidanceRecordForOfficer: String {
        tr(
            en: "Record the caller's reason, a note and a preferred slot; an officer approves or denies it.",
            es: "Anote el motivo de la persona, una nota y un horario preferido; un oficial aprueba o niega la solicitud.")
    }
    public var guidanceAnotherTime: String {
        tr(en: "Choose another time; the calendar shows the slots still free.", es: "Elija otra hora; el calendario muestra los horarios que siguen libres.")
    }
    public var guidanceLookAgain: String {
        tr(en: "Look at the case again before choosing a new time.", es: "Vuelva a consultar el caso antes de elegir una hora nueva.")
    }
    public func guidanceGiveReason(_ codes: String) -> String {
        tr(en: "Give a reason: \(codes) (other needs an explanation).", es: "Indique un motivo: \(codes) (other necesita una explicación).")
    }
    public func alreadyEscalated(_ pending: String) -> String {
        tr(
            en: "This case already has request \(pending) waiting for an officer; it was not escalated again.",
            es: "Este caso ya tiene la solicitud \(pending) en espera de un oficial; no se envió otra vez.")
    }
    public var guidanceWaitForDecision: String {
        tr(
            en: "Add to that request through the officer, or wait for the decision.",
            es: "Agregue información a esa solicitud por medio del oficial, o espere la decisión.")
    }
    public var guidancePreferredOffered: String { tr(en: "Choose a preferred time the center offers.", es: "Elija una hora preferida que el centro ofrezca.") }
    public var guidanceCalendarOffers: String { tr(en: "Choose a time the calendar offers.", es: "Elija una hora que ofrezca el calendario.") }
    public func slotFullAll(_ when: String, _ center: String, stations: Int) -> String {
        tr(
            en: "\(when) at \(center) is full: all \(stations) stations are booked.",
            es: "\(when) en \(center) está completo: los \(stations) puestos están reservados.")
    }
    public func slotFullShort(_ when: String, _ center: String) -> String {
        tr(en: "\(when) at \(center) is full.", es: "\(when) en \(center) está completo.")
    }
    public func rescheduledTo(_ when: String, _ center: String) -> String {
        tr(en: "Rescheduled to \(when) at \(center).", es: "La cita se cambió al \(when) en \(center).")
    }
    public var guidancePrintNotice: String {
        tr(en: "Print the new appointment notice and bring it.", es: "Imprima el nuevo aviso de cita y tráigalo.")
    }
    public func officerDenied(_ note: String) -> String {
        tr(en: "The officer denied the request: \(note)", es: "El oficial negó la solicitud: \(note)")
    }
    public var guidanceCurrentStands: String {
        tr(en: "The current appointment stands. \(callGuidance)", es: "La cita actual se mantiene. \(callGuidance)")
    }
    public func changedAfterEscalation(_ when: String, _ status: String) -> String {
        tr(
            en: "The case's appointment changed after the request was escalated (now \(when), \(status)).",
            es: "La cita del caso cambió después de enviar la solicitud a un oficial (ahora \(when), \(status)).")
    }
    public var guidanceDenyOrLook: String {
        tr(en: "Deny this request with a note, or look at the case again.", es: "Niegue esta solicitud con una nota, o vuelva a consultar el caso.")
    }
    public var preferredGone: String {
        tr(
            en: "The preferred slot is no longer available: approve with another time.",
            es: "El horario preferido ya no está disponible: apruebe con otra hora.")
    }
    public var guidanceApproveOffered: String { tr(en: "Approve with a time the calendar offers.", es: "Apruebe con una hora que ofrezca el calendario.") }
    public func approvedRescheduled(_ when: String, _ center: String, _ note: String) -> String {
        tr(
            en: "Approved by an officer: rescheduled to \(when) at \(center). \(note)",
            es: "Aprobado por un oficial: la cita se cambió al \(when) en \(center). \(note)")
    }

    // Slot checks (R12).
    public func centerClosedOn(_ center: String, _ date: String) -> String {
        tr(en: "\(center) is closed on \(date).", es: "\(center) está cerrado el \(date).")
    }
    public func timeSkipped(_ time: String, _ date: String, _ zone: String) -> String {
        tr(
            en: "\(time) does not exist on \(date) in \(zone) (the clocks spring forward).",
            es: "Las \(time) no existen el \(date) en \(zone) (se adelantan los relojes).")
    }
    public func notSlotStart(_ time: String, _ center: String, minutes: Int, open: String, close: String) -> String {
        tr(
            en: "\(time) is not a slot start at \(center): slots of \(minutes) minutes from \(open), last ending by \(close).",
            es: "Las \(time) no es el inicio de un horario en \(center): horarios de \(minutes) minutos desde las \(open); el último termina a las \(close).")
    }
    public func closedOnWeekdays(_ center: String, _ weekday: Weekday) -> String {
        let en = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        let es = ["los lunes", "los martes", "los miércoles", "los jueves", "los viernes", "los sábados", "los domingos"]
        let i = Weekday.allCases.firstIndex(of: weekday)!
        let days = tr(en: en[i], es: es[i])
        return tr(en: "\(center) is closed on \(days).", es: "\(center) cierra \(days).")
    }
    public func outsideWindow(_ when: String, lead: Int, horizon: Int, from: String, to: String) -> String {
        tr(
            en: "\(when) is outside the booking window: slots must start more than \(lead) hours and at most \(horizon) days from now (\(from) to \(to)).",
            es:
                "\(when) está fuera del periodo de reserva: los horarios deben empezar dentro de más de \(lead) horas y a lo sumo \(horizon) días (de \(from) a \(to))."
        )
    }
    public func isCurrentAppointment(_ when: String) -> String {
        tr(en: "\(when) is the current appointment; choose a different time.", es: "\(when) es la cita actual; elija otra hora.")
    }
    public func noFreeStation(_ when: String, _ center: String) -> String {
        tr(en: "\(when) at \(center) has no free station.", es: "\(when) en \(center) no tiene un puesto libre.")
    }

    // Good causes (R2): the long title and the short one of the reason list.
    public func reasonTitle(_ r: GoodCauseReason) -> String {
        switch r {
        case .medical: tr(en: "Illness, medical appointment, or hospitalization", es: "Enfermedad, cita médica u hospitalización")
        case .travel: tr(en: "Previously planned travel", es: "Viaje planeado con anticipación")
        case .lifeEvent: tr(en: "Significant life event (wedding, funeral, graduation)", es: "Acontecimiento importante (boda, funeral, graduación)")
        case .transportation: tr(en: "Cannot obtain transportation to the appointment", es: "No consigue transporte para llegar a la cita")
        case .workOrCare: tr(en: "Cannot get leave from work, or caregiver responsibilities", es: "No obtiene permiso en el trabajo, o cuida a otra persona")
        case .notice: tr(en: "Appointment notice delivered late or not at all", es: "El aviso de cita llegó tarde o no llegó")
        case .other: tr(en: "Other reason (explain)", es: "Otro motivo (explíquelo)")
        }
    }
    public func reasonShort(_ r: GoodCauseReason) -> String {
        switch r {
        case .medical: tr(en: "Medical (illness, hospital)", es: "Salud (enfermedad, hospital)")
        case .travel: tr(en: "Planned travel", es: "Viaje planeado")
        case .lifeEvent: tr(en: "Life event (wedding, funeral)", es: "Acontecimiento (boda, funeral)")
        case .transportation: tr(en: "No transportation", es: "Sin transporte")
        case .workOrCare: tr(en: "Work leave or caregiving", es: "Trabajo o cuidado de otra persona")
        case .notice: tr(en: "Notice late or not received", es: "Aviso tardío o no recibido")
        case .other: tr(en: "Other reason (explain)", es: "Otro motivo (explíquelo)")
        }
    }
    public func changedSinceShown(_ when: String, _ center: String, _ status: String) -> String {
        tr(
            en: "The appointment was changed since it was shown (now \(when) at \(center), \(status)). Review the new state and try again.",
            es: "La cita cambió desde que se mostró (ahora \(when) en \(center), \(status)). Revise el estado nuevo e intente otra vez.")
    }

    // Receipt numbers (R15).
    public var receiptShapeSentence: String {
        tr(
            en: "three letters and ten digits, e.g. EAC2414052317 (spaces and dashes are ignored)",
            es: "tres letras y diez dígitos, por ejemplo EAC2414052317 (los espacios y guiones no cuentan)")
    }
    public var receiptEmpty: String {
        tr(en: "No receipt number was given. Expected \(receiptShapeSentence).", es: "No se indicó un número de recibo. Debe tener \(receiptShapeSentence).")
    }
    public func receiptWrongLength(_ n: String, _ count: Int) -> String {
        tr(
            en: "Receipt number \"\(n)\" has \(count) characters after removing spaces and dashes. Expected \(receiptShapeSentence).",
            es: "El número de recibo «\(n)» tiene \(count) caracteres sin contar espacios ni guiones. Debe tener \(receiptShapeSentence).")
    }
    public func receiptBadCharacter(_ n: String, _ position: Int, letter: Bool) -> String {
        letter
            ? tr(
                en: "Receipt number \"\(n)\" has an invalid character at position \(position): expected a letter. Expected \(receiptShapeSentence).",
                es: "El número de recibo «\(n)» tiene un carácter no válido en la posición \(position): debe ser una letra. Debe tener \(receiptShapeSentence)."
            )
            : tr(
                en: "Receipt number \"\(n)\" has an invalid character at position \(position): expected a digit. Expected \(receiptShapeSentence).",
                es: "El número de recibo «\(n)» tiene un carácter no válido en la posición \(position): debe ser un dígito. Debe tener \(receiptShapeSentence)."
            )
    }

    // The store's answers (StoreError).
    public var storeNotAuthorized: String {
        tr(
            en: "you are not authorized to act on this case, or no such case exists.",
            es: "usted no tiene autorización para actuar en este caso, o el caso no existe.")
    }
    public func storeUnknownCenter(_ c: String) -> String {
        tr(
            en: "Unknown center \"\(c)\". `biosched centers` lists the center codes.",
            es: "No se conoce el centro «\(c)». `biosched centers` muestra los códigos de los centros.")
    }
    public func storeUnknownRequest(_ r: String) -> String {
        tr(
            en: "No escalated request \"\(r)\" is waiting for review. `biosched review` lists them.",
            es: "No hay una solicitud «\(r)» en espera de revisión. `biosched review` las muestra.")
    }
    public func storeBusy(_ m: String) -> String {
        tr(
            en: "The store is busy (locked by another process past the timeout): \(m)",
            es: "El sistema está ocupado (otro proceso lo bloqueó más allá del límite de espera): \(m)")
    }
    public var storeConflict: String {
        tr(
            en: "the appointment was changed by someone else meanwhile. Look at the case again.",
            es: "otra persona cambió la cita mientras tanto. Vuelva a consultar el caso.")
    }
    public func storeFailed(_ m: String) -> String { tr(en: "Store error: \(m)", es: "Error del sistema: \(m)") }
}
