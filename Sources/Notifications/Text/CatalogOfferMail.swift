import Foundation
import Scheduling

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
