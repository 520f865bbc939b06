import Foundation
import Scheduling

/// The command line's waiting-list texts (`waitlist`, `offers`).
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
