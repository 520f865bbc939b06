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

/// What the waiting list's commands and screens both say (the domain's answers, a bad date).
extension Catalog {
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
}
