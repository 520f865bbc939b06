import Foundation
import Scheduling
import Testing

@testable import Notifications

/// Messages to an account whose preferred language is Spanish.
@Suite("Messages in the recipient's language")
struct SpanishNotificationTests {
    static func spanish(_ kind: OutboxKind, role: RecipientRole = .applicant, request: RequestFacts? = nil, reminderDays: Int? = nil) -> OutboxItem {
        var item = NFx.item(kind, role: role, request: request, reminderDays: reminderDays)
        item.language = .es
        return item
    }

    @Test("A booking in Spanish: subject, text, SMS, the notice and the .ics summary; codes and numbers unchanged")
    func booking() throws {
        let c = try NotificationComposer.compose(Self.spanish(.booked), organizer: NFx.from, now: NFx.now)
        #expect(c.subject == "Cita de datos biométricos cambiada al martes, 8 de diciembre de 2026, 10:00 a. m. EST (recibo IOE0923456781)")
        #expect(c.text.hasPrefix("La cita de servicios biométricos del recibo IOE0923456781 se cambió."))
        #expect(c.text.contains("Cita nueva: martes, 8 de diciembre de 2026, 10:00 a. m. EST"))
        #expect(c.text.contains("Reemplaza a:     jueves, 3 de diciembre de 2026, 10:00 a. m. EST en Boston ASC"))
        #expect(c.text.contains("AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS"))
        #expect(c.text.contains("BN0000000007"))
        #expect(!c.text.contains("Bring with you"))
        #expect(c.sms.hasPrefix("USCIS: la cita de datos biométricos de IOE0923456781 pasó al martes, 8 de diciembre de 2026"))
        let ics = c.calendars[0].text
        #expect(ics.contains("SUMMARY:Cita de datos biométricos\\, recibo IOE0923456781"))
        #expect(c.calendars[1].text.contains("SUMMARY:Cancelada: cita de datos biométricos\\, recibo IOE0923456781"))
        // The same item in English is what it always was.
        let en = try NotificationComposer.compose(NFx.item(.booked), organizer: NFx.from, now: NFx.now)
        #expect(en.subject == "Biometrics appointment rescheduled to Tue 2026-12-08 10:00 EST (receipt IOE0923456781)")
    }

    @Test("Escalated, denied, a reminder and a representative's copy, in Spanish")
    func others() throws {
        let r = RequestFacts(id: "req-1", decision: .escalated, codes: [.asylum], reviewNote: nil, preferredWhen: nil, preferredCenterName: nil)
        let e = try NotificationComposer.compose(Self.spanish(.escalated, request: r), organizer: nil, now: NFx.now)
        #expect(e.subject == "Su solicitud de cambio de cita está con un oficial (recibo IOE0923456781)")
        #expect(e.text.contains("- ASYLUM: Solicitud de asilo (Formulario I-589)"))
        #expect(e.text.contains("Llame al Centro de Contacto de USCIS al 800-375-5283"))
        let d = RequestFacts(id: "req-2", decision: .denied, codes: [.otherReason], reviewNote: "Sin pruebas", preferredWhen: nil, preferredCenterName: nil)
        let n = try NotificationComposer.compose(Self.spanish(.denied, request: d), organizer: nil, now: NFx.now)
        #expect(n.text.contains("Nota del oficial: Sin pruebas"))
        #expect(n.sms.hasPrefix("USCIS: se negó la solicitud"))
        let m = try NotificationComposer.compose(Self.spanish(.reminder, reminderDays: 1), organizer: nil, now: NFx.now)
        #expect(m.text.hasPrefix("Recordatorio: la cita de servicios biométricos del recibo IOE0923456781 es mañana."))
        let m7 = try NotificationComposer.compose(Self.spanish(.reminder, reminderDays: 7), organizer: nil, now: NFx.now)
        #expect(m7.subject.hasPrefix("Recordatorio: cita de datos biométricos en 7 días"))
        let copy = try NotificationComposer.compose(Self.spanish(.booked, role: .representative), organizer: nil, now: NFx.now)
        #expect(copy.subject.hasPrefix("[Copia] "))
        #expect(copy.text.hasPrefix("Copia para Grace Lee, Esq., representante con un Formulario G-28 registrado para María García"))
    }
}
