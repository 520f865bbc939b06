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
            tr(
                en: "The waiting list only looks for slots before the current appointment.",
                es: "La lista de espera solo busca horarios anteriores a la cita actual.")
        case .emptyRange:
            tr(
                en: "No day is left between the first day and the current appointment.",
                es: "No queda ningún día entre el primer día y la cita actual.")
        case .nothingLeft:
            tr(en: "Every weekday is left out, so no slot could match.", es: "Se excluyeron todos los días de la semana, así que ningún horario podría servir.")
        case .badExclusion:
            tr(
                en: "Days and times to leave out are weekdays (mon ... sun), am, pm or HH:MM-HH:MM, separated by commas.",
                es: "Los días y horas que se excluyen son días de la semana (mon ... sun), am, pm o HH:MM-HH:MM, separados por comas.")
        case .needsOfficer:
            tr(
                en: "This case needs an officer's decision to be rescheduled, so it cannot wait for an offer.",
                es: "Este caso necesita la decisión de un oficial para cambiar la cita, así que no puede esperar una oferta.")
        case .notWaiting: tr(en: "This case has no request on the waiting list.", es: "Este caso no tiene ninguna solicitud en la lista de espera.")
        case .offerExpired:
            tr(
                en: "The offer's deadline has passed; the slot went to the next person waiting.",
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
            return base + " "
                + tr(
                    en: "Give a day on or before \(item), the current appointment's day.",
                    es: "Indique un día igual o anterior a \(item), el día de la cita actual.")
        case .emptyRange, .unknownOffer, .notWaiting: return base + " " + tr(en: "Given: \(item).", es: "Se indicó: \(item).")
        case .badExclusion:
            return base + " "
                + tr(
                    en: "Not understood: \"\(Echo.show(item, limit: 24))\"; for example: --not mon,fri,am or --not 13:00-15:00.",
                    es: "No se entendió: «\(Echo.show(item, limit: 24))»; por ejemplo: --not mon,fri,am o --not 13:00-15:00.")
        default: return base
        }
    }

    public func waitlistNeedsOfficer(_ codes: String) -> String {
        tr(
            en:
                "\(WaitlistCode.needsOfficer.rawValue): this case would go to an officer (\(codes)), so it cannot wait for an offer. Record a request for an officer instead.",
            es:
                "\(WaitlistCode.needsOfficer.rawValue): este caso iría a un oficial (\(codes)), así que no puede esperar una oferta. Registre una solicitud para un oficial."
        )
    }
}

/// The offer's message (the mailer composes it when it sends the outbox row).
extension Catalog {
    public var theOffer: String { tr(en: "the offer", es: "la oferta") }
    public func mailOfferHead(_ receipt: String) -> String {
        tr(
            en: "An earlier biometrics appointment is available for receipt \(receipt), and it is held for you.",
            es: "Hay una cita de datos biométricos más temprana para el recibo \(receipt), y está reservada para usted.")
    }
    public func mailOfferSlot(_ when: String) -> String { tr(en: "Offered:       \(when)", es: "Se ofrece:     \(when)") }
    public func mailOfferDeadline(_ until: String) -> String {
        tr(
            en: "Answer by \(until). After that the slot goes to the next person waiting; your request keeps its place.",
            es: "Responda antes de \(until). Después el horario pasa a la siguiente persona en espera; su solicitud conserva su lugar.")
    }
    public func mailOfferHow(_ id: String) -> String {
        tr(
            en: "To accept, sign in to biosched (the offer opens first), or run: biosched offers accept \(id). To decline: biosched offers decline \(id).",
            es:
                "Para aceptar, entre en biosched (la oferta se abre primero), o ejecute: biosched offers accept \(id). Para rechazar: biosched offers decline \(id)."
        )
    }
    public func mailOfferCurrent(_ when: String, _ center: String) -> String {
        tr(
            en: "Until you accept, your current appointment stands: \(when), \(center).",
            es: "Mientras no acepte, su cita actual sigue en pie: \(when), \(center).")
    }
    public func subjectOffer(_ when: String, _ receipt: String) -> String {
        tr(
            en: "Earlier biometrics appointment held for you: \(when) (receipt \(receipt))",
            es: "Cita biométrica más temprana reservada para usted: \(when) (recibo \(receipt))")
    }
    public func smsOffer(_ receipt: String, _ when: String, _ center: String, _ until: String, _ id: String) -> String {
        tr(
            en:
                "USCIS: an earlier biometrics slot for \(receipt) is held for you: \(when), \(center). Answer by \(until): biosched offers accept \(id) (or decline \(id)).",
            es:
                "USCIS: hay un horario biométrico más temprano para \(receipt) reservado para usted: \(when), \(center). Responda antes de \(until): biosched offers accept \(id) (o decline \(id))."
        )
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
        tr(
            en: "\(receipt): waiting for \(centers), place \(place); from \(from), before \(before)" + (not.isEmpty ? "" : "; not \(not)"),
            es: "\(receipt): en espera para \(centers), lugar \(place); desde \(from), antes de \(before)" + (not.isEmpty ? "" : "; excepto \(not)"))
    }
    public func waitlistAdded(_ receipt: String, _ centers: String, _ place: Int) -> String {
        tr(
            en:
                "\(receipt) is on the waiting list for \(centers) (place \(place)). When an earlier slot frees, it is held for you and you are told by your channel.",
            es:
                "\(receipt) está en la lista de espera para \(centers) (lugar \(place)). Cuando se libere un horario más temprano, se le reservará y se le avisará por su medio de contacto."
        )
    }
    public func waitlistRemoved(_ receipt: String) -> String {
        tr(
            en: "\(receipt) is off the waiting list; its open offer, if any, was withdrawn.",
            es: "\(receipt) salió de la lista de espera; su oferta abierta, si tenía una, se retiró.")
    }
    public func badWaitlistDate(_ flag: String, _ given: String) -> String {
        tr(
            en: "\(flag) \"\(given)\" is not a date; expected YYYY-MM-DD, e.g. 2026-07-01.",
            es: "\(flag) «\(given)» no es una fecha; se espera AAAA-MM-DD, por ejemplo 2026-07-01.")
    }
    public func badOfferID(_ given: String) -> String {
        tr(
            en: "\"\(given)\" is not an offer id; expected the number `biosched offers` shows.",
            es: "«\(given)» no es un número de oferta; se espera el número que muestra `biosched offers`.")
    }
    public var offersNone: String { tr(en: "No offers.", es: "No hay ofertas.") }
    public func offerLine(_ id: String, _ receipt: String, _ when: String, _ center: String, _ until: String, _ state: String) -> String {
        tr(
            en: "Offer \(id): \(receipt) \(when) at \(center), answer by \(until) [\(state)]",
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
        tr(
            en: "Offer \(id) declined; the slot goes to the next person waiting. Your request keeps its place.",
            es: "Oferta \(id) rechazada; el horario pasa a la siguiente persona en espera. Su solicitud conserva su lugar.")
    }
    public var offersPassOnlyStaff: String {
        tr(en: "only staff run the offer pass (offers --expire).", es: "solo el personal ejecuta el proceso de ofertas (offers --expire).")
    }
    public func offersPassDone(_ expired: Int, _ offered: Int, _ freed: Int) -> String {
        tr(
            en: "Offer pass: \(expired) expired, \(offered) offered, \(freed) freed stations seen.",
            es: "Proceso de ofertas: \(expired) vencidas, \(offered) ofrecidas, \(freed) puestos liberados revisados.")
    }
}
