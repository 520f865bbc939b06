import Foundation

/// The waiting list for earlier slots and its offers.
extension Catalog {
    /// A store that keeps no waiting list (none of biosched's own: a store made by another program).
    public var waitlistNotInStore: String {
        tr(en: "This system keeps no waiting list.", es: "Este sistema no tiene lista de espera.")
    }

    public func waitlistSentence(_ code: WaitlistCode) -> String {
        switch code {
        case .unknownCenter: tr(en: "That is not a center code of this system.", es: "Ese no es un código de centro de este sistema.")
        case .tooManyCenters:
            tr(en: "At most \(WaitlistRequest.maxCenters) centers can be named.", es: "Se pueden indicar como máximo \(WaitlistRequest.maxCenters) centros.")
        case .beforeTooLate:
            tr(en: "The waiting list only looks for slots before the current appointment.",
               es: "La lista de espera solo busca horarios anteriores a la cita actual.")
        case .emptyRange:
            tr(en: "No day is left between the first day and the current appointment.",
               es: "No queda ningún día entre el primer día y la cita actual.")
        case .nothingLeft: tr(en: "Every weekday is left out, so no slot could match.", es: "Se excluyeron todos los días de la semana, así que ningún horario podría servir.")
        case .badExclusion:
            tr(en: "Days and times to leave out are weekdays (mon ... sun), am, pm or HH:MM-HH:MM, separated by commas.",
               es: "Los días y horas que se excluyen son días de la semana (mon ... sun), am, pm o HH:MM-HH:MM, separados por comas.")
        case .needsOfficer:
            tr(en: "This case needs an officer's decision to be rescheduled, so it cannot wait for an offer.",
               es: "Este caso necesita la decisión de un oficial para cambiar la cita, así que no puede esperar una oferta.")
        case .notWaiting: tr(en: "This case has no request on the waiting list.", es: "Este caso no tiene ninguna solicitud en la lista de espera.")
        case .offerExpired: tr(en: "The offer's deadline has passed; the slot went to the next person waiting.",
                               es: "El plazo de la oferta ya pasó; el horario pasó a la siguiente persona en espera.")
        case .offerResolved: tr(en: "The offer was already answered or withdrawn.", es: "La oferta ya fue respondida o retirada.")
        case .unknownOffer: tr(en: "No such offer for a case you may act on.", es: "No existe esa oferta para un caso en el que usted pueda actuar.")
        }
    }

    /// `CODE: sentence` and what was given and what is expected.
    public func waitlistProblem(_ p: WaitlistProblem) -> String {
        let base = codeMessage(p.code.rawValue, waitlistSentence(p.code))
        guard let item = p.item else { return base }
        switch p.code {
        case .unknownCenter: return base + " " + tr(en: "Given: \(item).", es: "Se indicó: \(item).")
        case .tooManyCenters: return base + " " + tr(en: "Given: \(item).", es: "Se indicaron: \(item).")
        case .beforeTooLate:
            return base + " " + tr(en: "Give a day on or before \(item), the current appointment's day.",
                                   es: "Indique un día igual o anterior a \(item), el día de la cita actual.")
        case .emptyRange, .unknownOffer, .notWaiting: return base + " " + tr(en: "Given: \(item).", es: "Se indicó: \(item).")
        case .badExclusion:
            return base + " " + tr(en: "Not understood: \"\(Echo.show(item, limit: 24))\"; for example: --not mon,fri,am or --not 13:00-15:00.",
                                   es: "No se entendió: «\(Echo.show(item, limit: 24))»; por ejemplo: --not mon,fri,am o --not 13:00-15:00.")
        default: return base
        }
    }

    public func waitlistNeedsOfficer(_ codes: String) -> String {
        tr(en: "\(WaitlistCode.needsOfficer.rawValue): this case would go to an officer (\(codes)), so it cannot wait for an offer. Record a request for an officer instead.",
           es: "\(WaitlistCode.needsOfficer.rawValue): este caso iría a un oficial (\(codes)), así que no puede esperar una oferta. Registre una solicitud para un oficial.")
    }
}

/// The offer's message (the mailer composes it when it sends the outbox row).
extension Catalog {
    public var theOffer: String { tr(en: "the offer", es: "la oferta") }
    public func mailOfferHead(_ receipt: String) -> String {
        tr(en: "An earlier biometrics appointment is available for receipt \(receipt), and it is held for you.",
           es: "Hay una cita de datos biométricos más temprana para el recibo \(receipt), y está reservada para usted.")
    }
    public func mailOfferSlot(_ when: String) -> String { tr(en: "Offered:       \(when)", es: "Se ofrece:     \(when)") }
    public func mailOfferDeadline(_ until: String) -> String {
        tr(en: "Answer by \(until). After that the slot goes to the next person waiting; your request keeps its place.",
           es: "Responda antes de \(until). Después el horario pasa a la siguiente persona en espera; su solicitud conserva su lugar.")
    }
    public func mailOfferHow(_ id: String) -> String {
        tr(en: "To accept, sign in to biosched (the offer opens first), or run: biosched offers accept \(id). To decline: biosched offers decline \(id).",
           es: "Para aceptar, entre en biosched (la oferta se abre primero), o ejecute: biosched offers accept \(id). Para rechazar: biosched offers decline \(id).")
    }
    public func mailOfferCurrent(_ when: String, _ center: String) -> String {
        tr(en: "Until you accept, your current appointment stands: \(when), \(center).",
           es: "Mientras no acepte, su cita actual sigue en pie: \(when), \(center).")
    }
    public func subjectOffer(_ when: String, _ receipt: String) -> String {
        tr(en: "Earlier biometrics appointment held for you: \(when) (receipt \(receipt))",
           es: "Cita biométrica más temprana reservada para usted: \(when) (recibo \(receipt))")
    }
    public func smsOffer(_ receipt: String, _ when: String, _ center: String, _ until: String, _ id: String) -> String {
        tr(en: "USCIS: an earlier biometrics slot for \(receipt) is held for you: \(when), \(center). Answer by \(until): biosched offers accept \(id) (or decline \(id)).",
           es: "USCIS: hay un horario biométrico más temprano para \(receipt) reservado para usted: \(when), \(center). Responda antes de \(until): biosched offers accept \(id) (o decline \(id)).")
    }
}

/// The command line's waiting-list texts.
extension Catalog {
    public var waitlistHeader: String {
        tr(en: "Center Waiting  Oldest request         Offers Accepted Expired", es: "Centro En espera Solicitud más antigua Ofertas Aceptadas Vencidas")
    }
    public var waitlistEmpty: String { tr(en: "Nobody is waiting.", es: "No hay nadie en espera.") }
    public var waitlistNoneOfYours: String { tr(en: "You have no request on the waiting list.", es: "No tiene ninguna solicitud en la lista de espera.") }
    public func waitlistEntryLine(_ receipt: String, _ centers: String, _ place: Int, _ from: String, _ before: String, _ not: String) -> String {
        tr(en: "\(receipt): waiting for \(centers), place \(place); from \(from), before \(before)" + (not.isEmpty ? "" : "; not \(not)"),
           es: "\(receipt): en espera para \(centers), lugar \(place); desde \(from), antes de \(before)" + (not.isEmpty ? "" : "; excepto \(not)"))
    }
    public func waitlistAdded(_ receipt: String, _ centers: String, _ place: Int) -> String {
        tr(en: "\(receipt) is on the waiting list for \(centers) (place \(place)). When an earlier slot frees, it is held for you and you are told by your channel.",
           es: "\(receipt) está en la lista de espera para \(centers) (lugar \(place)). Cuando se libere un horario más temprano, se le reservará y se le avisará por su medio de contacto.")
    }
    public func waitlistRemoved(_ receipt: String) -> String {
        tr(en: "\(receipt) is off the waiting list; its open offer, if any, was withdrawn.",
           es: "\(receipt) salió de la lista de espera; su oferta abierta, si tenía una, se retiró.")
    }
    public func badWaitlistDate(_ flag: String, _ given: String) -> String {
        tr(en: "\(flag) \"\(given)\" is not a date; expected YYYY-MM-DD, e.g. 2026-07-01.",
           es: "\(flag) «\(given)» no es una fecha; se espera AAAA-MM-DD, por ejemplo 2026-07-01.")
    }
    public func badOfferID(_ given: String) -> String {
        tr(en: "\"\(given)\" is not an offer id; expected the number `biosched offers` shows.",
           es: "«\(given)» no es un número de oferta; se espera el número que muestra `biosched offers`.")
    }
    public var offersNone: String { tr(en: "No offers.", es: "No hay ofertas.") }
    public func offerLine(_ id: String, _ receipt: String, _ when: String, _ center: String, _ until: String, _ state: String) -> String {
        tr(en: "Offer \(id): \(receipt) \(when) at \(center), answer by \(until) [\(state)]",
           es: "Oferta \(id): \(receipt) \(when) en \(center), responda antes de \(until) [\(state)]")
    }
    public func offerStateWord(_ s: OfferState) -> String {
        switch s {
        case .open: tr(en: "open", es: "abierta")
        case .accepted: tr(en: "accepted", es: "aceptada")
        case .declined: tr(en: "declined", es: "rechazada")
        case .expired: tr(en: "expired", es: "vencida")
        case .withdrawn: tr(en: "withdrawn", es: "retirada")
        }
    }
    public func offerDeclinedSaid(_ id: String) -> String {
        tr(en: "Offer \(id) declined; the slot goes to the next person waiting. Your request keeps its place.",
           es: "Oferta \(id) rechazada; el horario pasa a la siguiente persona en espera. Su solicitud conserva su lugar.")
    }
    public var offersPassOnlyStaff: String {
        tr(en: "only staff run the offer pass (offers --expire).", es: "solo el personal ejecuta el proceso de ofertas (offers --expire).")
    }
    public func offersPassDone(_ expired: Int, _ offered: Int, _ freed: Int) -> String {
        tr(en: "Offer pass: \(expired) expired, \(offered) offered, \(freed) freed stations seen.",
           es: "Proceso de ofertas: \(expired) vencidas, \(offered) ofrecidas, \(freed) puestos liberados revisados.")
    }
}

/// The terminal UI's waiting-list texts (the screen over a case, its keys, the status pane, plain mode).
extension Catalog {
    public func waitlistKey(_ k: KeyLabel) -> String {
        switch k {
        case .waitlist: tr(en: "waiting list", es: "lista de espera")
        case .acceptOffer: tr(en: "accept offer", es: "aceptar")
        case .declineOffer: tr(en: "decline offer", es: "rechazar")
        case .askWaitlist: tr(en: "ask / change", es: "pedir / cambiar")
        case .withdrawWaitlist: tr(en: "withdraw", es: "retirar")
        case .sendRequest: tr(en: "send", es: "enviar")
        default: ""
        }
    }
    public func waitlistScreenName(_ n: ScreenName) -> String {
        n == .waitlistForm ? tr(en: "the waiting-list request", es: "la solicitud de lista de espera")
                           : tr(en: "the waiting list of a case", es: "la lista de espera de un caso")
    }
    public func waitlistTitle(_ receipt: String) -> String { tr(en: "Waiting list · \(receipt)", es: "Lista de espera · \(receipt)") }
    public var waitlistAskHeading: String { tr(en: "Ask for an earlier slot", es: "Pedir un horario más temprano") }
    public var waitlistChangeHeading: String { tr(en: "Change the request", es: "Cambiar la solicitud") }
    public var waitlistFormReason: String {
        tr(en: "Reason: work or care duties (the command's default). Empty fields: any.",
           es: "Motivo: trabajo o cuidado de otros (el de la orden). Campo vacío: cualquiera.")
    }
    public var waitlistFieldFrom: String { tr(en: "From", es: "Desde") }
    public var waitlistFieldBefore: String { tr(en: "Before", es: "Antes de") }
    /// The form's fields in order: centers, from, before, left out.
    public func waitlistFieldName(_ i: Int) -> String {
        switch i {
        case 0: tr(en: "Centers", es: "Centros")
        case 1: waitlistFieldFrom
        case 2: waitlistFieldBefore
        default: tr(en: "Not", es: "Excepto")
        }
    }
    public func waitlistFieldHint(_ i: Int) -> String {
        switch i {
        case 0: tr(en: "codes, comma-separated (at most 5); empty: the case's center",
                   es: "códigos separados por comas (5 como máximo); vacío: el del caso")
        case 1: tr(en: "YYYY-MM-DD: slots on or after this day", es: "AAAA-MM-DD: horarios desde este día")
        case 2: tr(en: "YYYY-MM-DD: slots before this day (at most the appointment's)",
                   es: "AAAA-MM-DD: horarios antes de este día (como mucho el de la cita)")
        default: tr(en: "days and times left out: mon..sun, am, pm, 08:00-10:00",
                    es: "días y horas que no: mon..sun, am, pm, 08:00-10:00")
        }
    }
    public func waitlistOfferHeldYou(_ id: String) -> String {
        tr(en: "Offer \(id): an earlier slot is held for you", es: "Oferta \(id): se le reserva un horario más temprano")
    }
    public func waitlistOfferHeldCaller(_ id: String) -> String {
        tr(en: "Offer \(id): an earlier slot is held for the caller", es: "Oferta \(id): se reserva un horario más temprano a la persona")
    }
    public func waitlistOfferSlot(_ when: String, _ center: String) -> String { tr(en: "\(when) at \(center)", es: "\(when) en \(center)") }
    public func waitlistOfferDeadline(_ until: String, _ minutes: Int) -> String {
        let left = minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : "\(minutes) min"
        return tr(en: "Answer by \(until) (\(left) left)", es: "Responda antes de \(until) (quedan \(left))")
    }
    public var waitlistAcceptSays: String {
        tr(en: "a: accept: it becomes the appointment (a reschedule; a new notice).",
           es: "a: aceptar: pasa a ser la cita (un cambio; un aviso nuevo).")
    }
    public var waitlistDeclineSays: String {
        tr(en: "d: decline: the request keeps its place for later slots.",
           es: "d: rechazar: la solicitud conserva su lugar para otros horarios.")
    }
    public func waitlistMoreOffers(_ n: Int) -> String {
        tr(en: "\(n) more open offer(s): answer this one first.", es: "\(n) oferta(s) abierta(s) más: responda primero esta.")
    }
    public var waitlistNoOffer: String { tr(en: "No offer is open.", es: "No hay ninguna oferta abierta.") }
    public func waitlistRequestPlace(_ n: Int) -> String {
        tr(en: "On the waiting list: place \(n) in line", es: "En la lista de espera: lugar \(n) en la fila")
    }
    public func waitlistRequestCenters(_ c: String) -> String { tr(en: "Centers: \(c)", es: "Centros: \(c)") }
    public func waitlistRequestRange(_ from: String, _ before: String) -> String {
        tr(en: "From \(from), before \(before)", es: "Desde \(from), antes de \(before)")
    }
    public var waitlistAnyDay: String { tr(en: "any day", es: "cualquier día") }
    public var waitlistBeforeAppointment: String { tr(en: "the appointment", es: "la cita") }
    public func waitlistRequestNot(_ n: String) -> String { tr(en: "Left out: \(n)", es: "Excepto: \(n)") }
    public var waitlistNoRequest: String {
        tr(en: "No request on the waiting list. e asks to be offered an earlier slot.",
           es: "No hay solicitud en la lista de espera. e pide que se ofrezca un horario más temprano.")
    }
    public var waitlistAcceptTitle: String { tr(en: "Accept the offer", es: "Aceptar la oferta") }
    public func waitlistAcceptAsk(_ when: String) -> String {
        tr(en: "Book \(when) as the new appointment? The rules are checked again now.",
           es: "¿Reservar \(when) como la nueva cita? Las reglas se comprueban de nuevo ahora.")
    }
    public var waitlistDeclineTitle: String { tr(en: "Decline the offer", es: "Rechazar la oferta") }
    public var waitlistDeclineAsk: String {
        tr(en: "The slot goes to the next person waiting; the request keeps its place for later slots.",
           es: "El horario pasa a la siguiente persona; la solicitud conserva su lugar para otros horarios.")
    }
    public var waitlistWithdrawTitle: String { tr(en: "Withdraw the request", es: "Retirar la solicitud") }
    public var waitlistWithdrawAsk: String {
        tr(en: "The case leaves the waiting list; an open offer is withdrawn and goes to the next in line.",
           es: "El caso sale de la lista de espera; una oferta abierta se retira y pasa a la siguiente persona.")
    }
    public var waitlistYesNo: String { tr(en: "y yes · n no", es: "s sí · n no") }
    public var waitlistNothingToWithdraw: String { tr(en: "The case has no request to withdraw.", es: "El caso no tiene solicitud que retirar.") }
    public var waitlistOfferWaiting: String {
        tr(en: "An earlier slot is held for this case: accept or decline it.", es: "Se reserva un horario más temprano a este caso: acéptelo o recházelo.")
    }
    public func waitlistAskedUI(_ centers: String) -> String {
        tr(en: "On the waiting list for \(centers).", es: "En la lista de espera para \(centers).")
    }
    public func waitlistRefusedUI(_ codes: String) -> String {
        tr(en: "Waiting list refused: \(codes).", es: "Lista de espera rechazada: \(codes).")
    }
    public var waitlistDeclinedUI: String {
        tr(en: "Offer declined; the request keeps its place for later slots.", es: "Oferta rechazada; la solicitud conserva su lugar para otros horarios.")
    }
    public func waitlistStatusOffer(_ when: String) -> String { tr(en: "Offer held: \(when) (w)", es: "Oferta reservada: \(when) (w)") }
    public func waitlistStatusPlace(_ n: Int) -> String { tr(en: "Waiting list: place \(n) (w)", es: "Lista de espera: lugar \(n) (w)") }
    public var waitlistWaiting: String { tr(en: "Waiting for the store (waiting list)…", es: "Esperando al sistema (lista de espera)…") }
    // Plain mode.
    public var plainWaitlistOption: String { tr(en: "Waiting list: an earlier slot", es: "Lista de espera: un horario más temprano") }
    public var plainAcceptOffer: String { tr(en: "Accept the offer (book it)", es: "Aceptar la oferta (reservarla)") }
    public var plainDeclineOffer: String { tr(en: "Decline the offer", es: "Rechazar la oferta") }
    public var plainAskWaitlist: String { tr(en: "Ask or change the request", es: "Pedir o cambiar la solicitud") }
    public var plainWithdrawWaitlist: String { tr(en: "Withdraw the request", es: "Retirar la solicitud") }
    public var plainYesDoIt: String { tr(en: "Yes", es: "Sí") }
    public var plainNoKeepIt: String { tr(en: "No, go back", es: "No, volver") }
    public var plainCloseWaitlist: String { tr(en: "Back to the case", es: "Volver al caso") }
    public func plainTypeField(_ name: String, _ hint: String, _ now: String) -> String {
        tr(en: "\(name) (\(hint)); now \"\(now)\"; Enter alone keeps it, - empties it:",
           es: "\(name) (\(hint)); ahora «\(now)»; Intro solo lo deja, - lo vacía:")
    }
}
