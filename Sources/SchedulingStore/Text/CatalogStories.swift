import Foundation
import Scheduling

/// The demo data's story cases (`biosched demo`, the trainer's story list): a title and one or
/// two sentences naming the rule (R3a), the center and the local time. Rule numbers, verdict
/// codes, form numbers and account ids stay as they are.
extension Catalog {
    /// `Tue 2026-12-01 09:30 CST at Boston ASC`.
    public func storyWhen(_ date: String, _ center: String) -> String { tr(en: "\(date) at \(center)", es: "\(date) en \(center)") }
    /// `3 h 20 min`: the same in both languages.
    public func storyDuration(_ seconds: Int64) -> String {
        let m = abs(seconds) / 60
        let h = m / 60, r = m % 60
        if h == 0 { return "\(r) min" }
        return r == 0 ? "\(h) h" : "\(h) h \(r) min"
    }

    public var storyEligibleTitle: String { tr(en: "Eligible online (María García)", es: "Puede cambiarla en línea (María García)") }
    public func storyEligible(_ when: String) -> String {
        tr(
            en:
                "R3/R4: I-485 scheduled \(when), no prior reschedules, more than 12 hours away: she may reschedule online with a good cause (R2) and print the new notice (R16).",
            es:
                "R3/R4: I-485 programada para el \(when), sin cambios anteriores, a más de 12 horas: ella puede cambiar la cita en línea con una causa justificada (R2) e imprimir el aviso nuevo (R16)."
        )
    }
    public var storyTwelveTitle: String { tr(en: "Exactly 12 hours away", es: "Faltan exactamente 12 horas") }
    public func storyTwelve(_ when: String, exact: Bool, _ duration: String) -> String {
        exact
            ? tr(
                en:
                    "R3a: the appointment starts \(when), exactly 12 hours after now: online rescheduling is refused with WITHIN_12_HOURS; an agent can still complete it (R7).",
                es:
                    "R3a: la cita empieza el \(when), exactamente 12 horas después de ahora: el cambio en línea se rechaza con WITHIN_12_HOURS; un agente todavía puede hacerlo (R7)."
            )
            : tr(
                en:
                    "R3a: the appointment starts \(when), \(duration) (12 hours, to the minute) after now: online rescheduling is refused with WITHIN_12_HOURS; an agent can still complete it (R7).",
                es:
                    "R3a: la cita empieza el \(when), \(duration) (12 horas, al minuto) después de ahora: el cambio en línea se rechaza con WITHIN_12_HOURS; un agente todavía puede hacerlo (R7)."
            )
    }
    public var storyElevenTitle: String { tr(en: "11 hours away: call the Contact Center", es: "Faltan 11 horas: llamar al Centro de Contacto") }
    public func storyEleven(_ when: String, _ duration: String) -> String {
        tr(
            en:
                "R3a/R7: the appointment is \(when), \(duration) from now: online is refused (WITHIN_12_HOURS), but an agent completes a timely request with a listed reason at once.",
            es:
                "R3a/R7: la cita es el \(when), dentro de \(duration): en línea se rechaza (WITHIN_12_HOURS), pero un agente completa enseguida una solicitud a tiempo con un motivo de la lista."
        )
    }
    public var storyTwiceTitle: String { tr(en: "Rescheduled twice already", es: "Ya se cambió dos veces") }
    public func storyTwice(_ when: String) -> String {
        tr(
            en:
                "R3b/R7: two requester reschedules are on record; the appointment is \(when). Online is refused (RESCHEDULE_LIMIT_REACHED); an agent must escalate it to an officer (REPEAT_REQUEST).",
            es:
                "R3b/R7: constan dos cambios pedidos por la persona; la cita es el \(when). En línea se rechaza (RESCHEDULE_LIMIT_REACHED); un agente debe enviarla a un oficial (REPEAT_REQUEST)."
        )
    }
    public var storyPassedTitle: String { tr(en: "Passed an hour ago", es: "Pasó hace una hora") }
    public func storyPassed(_ when: String, _ duration: String) -> String {
        tr(
            en:
                "R1/R6/R8: the appointment \(when) started \(duration) ago and is still scheduled: online is refused (APPOINTMENT_PASSED); an agent escalates it (UNTIMELY) and only an officer may approve. Until a request is recorded it is also flagged ABANDONMENT_RISK (R10).",
            es:
                "R1/R6/R8: la cita del \(when) empezó hace \(duration) y sigue programada: en línea se rechaza (APPOINTMENT_PASSED); un agente la envía a un oficial (UNTIMELY) y solo un oficial puede aprobarla. Hasta que se registre una solicitud también tiene la alerta ABANDONMENT_RISK (R10)."
        )
    }
    public var storyMissedRiskTitle: String { tr(en: "Missed: abandonment risk", es: "Cita perdida: riesgo de abandono") }
    public func storyMissedRisk(_ when: String) -> String {
        tr(
            en:
                "R10: missed \(when); no timely request and no change of address reached the agency before it, so the case is flagged ABANDONMENT_RISK. No online account: only the Contact Center can help.",
            es:
                "R10: cita perdida el \(when); antes de ella no llegó a la agencia ninguna solicitud a tiempo ni ningún cambio de dirección, así que el caso tiene la alerta ABANDONMENT_RISK. Sin cuenta en línea: solo el Centro de Contacto puede ayudar."
        )
    }
    public var storyMissedMovedTitle: String { tr(en: "Missed after a change of address", es: "Cita perdida tras un cambio de dirección") }
    public func storyMissedMoved(_ when: String, _ moved: String) -> String {
        tr(
            en: "R10: missed \(when), but a change of address reached the agency two days before (\(moved)): not an abandonment risk.",
            es: "R10: cita perdida el \(when), pero un cambio de dirección llegó a la agencia dos días antes (\(moved)): no hay riesgo de abandono.")
    }
    public var storyAsylumTitle: String { tr(en: "Asylum (I-589)", es: "Asilo (I-589)") }
    public func storyAsylum(_ when: String) -> String {
        tr(
            en: "R7: Form I-589, scheduled \(when). Any agent request is escalated (ASYLUM) with a warning: a missed appointment may dismiss the application.",
            es:
                "R7: Formulario I-589, programada para el \(when). Toda solicitud de un agente se envía a un oficial (ASYLUM) con una advertencia: perder la cita puede hacer que se desestime la solicitud."
        )
    }
    public var storyAdoptionTitle: String { tr(en: "Adoption form I-600: not online", es: "Adopción, formulario I-600: no en línea") }
    public func storyAdoption(_ when: String) -> String {
        tr(
            en: "R3d: Form I-600 (intercountry adoption), scheduled \(when). Online rescheduling is refused (FORM_EXCLUDED); the Contact Center handles it.",
            es:
                "R3d: Formulario I-600 (adopción internacional), programada para el \(when). El cambio en línea se rechaza (FORM_EXCLUDED); lo atiende el Centro de Contacto."
        )
    }
    public var storyDeniedTitle: String { tr(en: "Denied case", es: "Caso negado") }
    public func storyDenied(_ when: String) -> String {
        tr(
            en:
                "R11: the I-485 was denied; the leftover appointment \(when) cannot be rescheduled (CASE_DENIED). The route is a motion to reopen, Form I-290B.",
            es:
                "R11: la I-485 fue negada; la cita que quedó, el \(when), no se puede cambiar (CASE_DENIED). El camino es una moción para reabrir, Formulario I-290B."
        )
    }
    public var storyAttorneyTitle: String { tr(en: "Attorney with three clients", es: "Abogada con tres clientes") }
    public func storyAttorney(_ list: String) -> String {
        tr(
            en: "R5: attorney.lee has a G-28 on file for exactly three cases: \(list). She may act on these and on no other case (NOT_AUTHORIZED).",
            es: "R5: attorney.lee tiene un G-28 archivado para exactamente tres casos: \(list). Puede actuar en estos y en ningún otro caso (NOT_AUTHORIZED).")
    }
    public var storyFullWeekTitle: String { tr(en: "A week with no free slot", es: "Una semana sin horarios libres") }
    public func storyFullWeek(_ center: String, _ first: String, _ last: String, _ when: String) -> String {
        tr(
            en:
                "R12/R14: \(center) is booked to capacity in every slot from \(first) to \(last); moving this appointment (\(when)) into that week is refused (SLOT_UNAVAILABLE).",
            es:
                "R12/R14: \(center) está completo en todos los horarios del \(first) al \(last); pasar esta cita (\(when)) a esa semana se rechaza (SLOT_UNAVAILABLE)."
        )
    }
    public var storyDSTTitle: String { tr(en: "Across the daylight-saving change", es: "Con el cambio de horario de verano") }
    public func storyDST(_ when: String, springs: Bool, _ day: String, _ evening: String, _ left: String, _ wall: String) -> String {
        springs
            ? tr(
                en:
                    "R1/R13: the appointment \(when) is just after the clocks spring forward on \(day). A request at \(evening) the evening before leaves \(left), though the wall clocks are \(wall) apart: 12 hours are counted on instants.",
                es:
                    "R1/R13: la cita del \(when) es justo después de que los relojes se adelanten el \(day). Una solicitud hecha la noche anterior, el \(evening), deja \(left), aunque los relojes de pared marquen \(wall) de diferencia: las 12 horas se cuentan en tiempo real."
            )
            : tr(
                en:
                    "R1/R13: the appointment \(when) is just after the clocks fall back on \(day). A request at \(evening) the evening before leaves \(left), though the wall clocks are \(wall) apart: 12 hours are counted on instants.",
                es:
                    "R1/R13: la cita del \(when) es justo después de que los relojes se atrasen el \(day). Una solicitud hecha la noche anterior, el \(evening), deja \(left), aunque los relojes de pared marquen \(wall) de diferencia: las 12 horas se cuentan en tiempo real."
            )
    }
    public var storyGuamTitle: String { tr(en: "Guam: a day ahead of the mainland", es: "Guam: un día por delante del continente") }
    public func storyGuam(_ when: String, _ east: String) -> String {
        tr(
            en: "R13: the appointment is \(when) (UTC+10, no DST), which is \(east) on the East Coast; every time is shown in the center's zone.",
            es: "R13: la cita es el \(when) (UTC+10, sin horario de verano), que en la Costa Este es el \(east); toda hora se muestra en la zona del centro.")
    }
    public var storyPhoenixTitle: String { tr(en: "Phoenix: no daylight saving", es: "Phoenix: sin horario de verano") }
    public func storyPhoenix(_ when: String) -> String {
        tr(
            en:
                "R13: \(when); Arizona keeps MST all year, so an agent in Chicago sees a different offset in summer than in winter. Times are shown in the center's zone.",
            es:
                "R13: \(when); Arizona mantiene MST todo el año, así que un agente en Chicago ve una diferencia horaria distinta en verano que en invierno. Las horas se muestran en la zona del centro."
        )
    }
}
