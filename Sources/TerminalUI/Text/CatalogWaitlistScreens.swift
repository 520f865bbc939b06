import Foundation
import Scheduling

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
        n == .waitlistForm
            ? tr(en: "the waiting-list request", es: "la solicitud de lista de espera")
            : tr(en: "the waiting list of a case", es: "la lista de espera de un caso")
    }
    public func waitlistTitle(_ receipt: String) -> String { tr(en: "Waiting list · \(receipt)", es: "Lista de espera · \(receipt)") }
    public var waitlistAskHeading: String { tr(en: "Ask for an earlier slot", es: "Pedir un horario más temprano") }
    public var waitlistChangeHeading: String { tr(en: "Change the request", es: "Cambiar la solicitud") }
    public var waitlistFormReason: String {
        tr(
            en: "Reason: work or care duties (the command's default). Empty fields: any.",
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
        case 0:
            tr(
                en: "codes, comma-separated (at most 5); empty: the case's center",
                es: "códigos separados por comas (5 como máximo); vacío: el del caso")
        case 1: tr(en: "YYYY-MM-DD: slots on or after this day", es: "AAAA-MM-DD: horarios desde este día")
        case 2:
            tr(
                en: "YYYY-MM-DD: slots before this day (at most the appointment's)",
                es: "AAAA-MM-DD: horarios antes de este día (como mucho el de la cita)")
        default:
            tr(
                en: "days and times left out: mon..sun, am, pm, 08:00-10:00",
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
        tr(
            en: "a: accept: it becomes the appointment (a reschedule; a new notice).",
            es: "a: aceptar: pasa a ser la cita (un cambio; un aviso nuevo).")
    }
    public var waitlistDeclineSays: String {
        tr(
            en: "d: decline: the request keeps its place for later slots.",
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
        tr(
            en: "No request on the waiting list. e asks to be offered an earlier slot.",
            es: "No hay solicitud en la lista de espera. e pide que se ofrezca un horario más temprano.")
    }
    public var waitlistAcceptTitle: String { tr(en: "Accept the offer", es: "Aceptar la oferta") }
    public func waitlistAcceptAsk(_ when: String) -> String {
        tr(
            en: "Book \(when) as the new appointment? The rules are checked again now.",
            es: "¿Reservar \(when) como la nueva cita? Las reglas se comprueban de nuevo ahora.")
    }
    public var waitlistDeclineTitle: String { tr(en: "Decline the offer", es: "Rechazar la oferta") }
    public var waitlistDeclineAsk: String {
        tr(
            en: "The slot goes to the next person waiting; the request keeps its place for later slots.",
            es: "El horario pasa a la siguiente persona; la solicitud conserva su lugar para otros horarios.")
    }
    public var waitlistWithdrawTitle: String { tr(en: "Withdraw the request", es: "Retirar la solicitud") }
    public var waitlistWithdrawAsk: String {
        tr(
            en: "The case leaves the waiting list; an open offer is withdrawn and goes to the next in line.",
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
        tr(
            en: "\(name) (\(hint)); now \"\(now)\"; Enter alone keeps it, - empties it:",
            es: "\(name) (\(hint)); ahora «\(now)»; Intro solo lo deja, - lo vacía:")
    }
}
