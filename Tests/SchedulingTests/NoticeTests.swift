import Foundation
import Testing

@testable import Scheduling

@Suite("R16 appointment notice")
struct NoticeTests {
    static func notice(center: Center, start: Date, number: String = "BIO-2026-000417") -> AppointmentNotice {
        AppointmentNotice(
            number: number, receipt: Fx.receipt("eac-24-140-52317"), applicantName: Fx.applicantName,
            center: center, start: start, issuedAt: Fx.iso("2026-06-12T14:05:00-04:00"))
    }

    @Test("R16 the notice text has receipt, name, center, local time with zone, number and what to bring")
    func r16_text() {
        let n = Self.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30"))
        let t = n.text
        #expect(t.contains("EAC2414052317"))
        #expect(t.contains(Fx.applicantName))
        #expect(t.contains("Boston ASC"))
        #expect(t.contains("170 Portland St, Boston, MA"))
        #expect(t.contains("Tue 2026-06-23 09:30 EDT"))
        #expect(t.contains("BIO-2026-000417"))
        for item in AppointmentNotice.whatToBring { #expect(t.contains(item)) }
        #expect(n.when == "Tue 2026-06-23 09:30 EDT")
    }

    @Test("R16 what to bring: this notice on paper, every other notice, a valid photo ID")
    func r16_whatToBring() {
        let items = AppointmentNotice.whatToBring
        #expect(items.count == 3)
        #expect(items[0].contains("printed on paper"))
        #expect(items[0].contains("do not accept electronic copies"))
        #expect(items[1].contains("other appointment notice"))
        #expect(items[2].contains("valid, unexpired photo identification"))
    }

    @Test("R16 the time is the center's local time: standard time in winter, ChST in Guam, MST in Phoenix")
    func r16_zones() {
        #expect(Self.notice(center: Fx.center(), start: Fx.at("2026-01-13T09:00")).text.contains("Tue 2026-01-13 09:00 EST"))
        let guam = Fx.center(code: "GUM", name: "Hagatna ASC", zone: Fx.guam)
        let g = Self.notice(center: guam, start: Fx.iso("2026-06-15T22:00:00Z"))
        #expect(g.text.contains("Tue 2026-06-16 08:00 ChST"))
        #expect(g.centerName == "Hagatna ASC")
        let phx = Fx.center(code: "PHX", name: "Phoenix ASC", zone: Fx.phoenix)
        #expect(Self.notice(center: phx, start: Fx.iso("2026-07-01T17:00:00Z")).text.contains("Wed 2026-07-01 10:00 MST"))
    }

    @Test("R16 each booking's notice carries its own number and time")
    func r16_distinct() {
        let a = Self.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30"), number: "BIO-2026-000417")
        let b = Self.notice(center: Fx.center(), start: Fx.at("2026-06-24T10:00"), number: "BIO-2026-000418")
        #expect(a != b)
        #expect(b.text.contains("BIO-2026-000418"))
        #expect(!b.text.contains("BIO-2026-000417"))
        #expect(b.text.contains("Wed 2026-06-24 10:00 EDT"))
    }

    @Test("R16 the notice says how to reschedule")
    func r16_contact() {
        let t = Self.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30")).text
        #expect(t.contains(ContactCenter.phone))
        #expect(t.contains(ContactCenter.tty))
    }
}

@Suite("R16 appointment notice in Spanish")
struct SpanishNoticeTests {
    @Test("The notice in Spanish, line by line: the same numbers, names and address, the date written out with the zone")
    func spanishNotice() {
        var n = NoticeTests.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30"))
        n.enrollmentCode = "ABCD-EFGH-JK23"
        #expect(
            n.text(in: .es) == """
                Servicio de Ciudadanía e Inmigración de los Estados Unidos (USCIS)
                AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS

                Número de aviso:    BIO-2026-000417
                Número de recibo:   EAC2414052317
                Solicitante:        Maria Elena Sandoval

                Centro de servicios de solicitud:
                  Boston ASC
                  170 Portland St, Boston, MA
                Fecha y hora:       martes, 23 de junio de 2026, 9:30 a. m. EDT

                Traiga consigo:
                  - Este aviso de cita, impreso en papel. Los centros no aceptan copias electrónicas.
                  - Todos los demás avisos de cita que haya recibido.
                  - Una identificación vigente con foto (pasaporte, licencia de conducir u otra identificación del gobierno).

                Para cambiar la cita, use su cuenta de USCIS en línea o llame al Centro de Contacto al 800-375-5283 (TTY 800-767-1833).

                Código de inscripción: ABCD-EFGH-JK23
                  (para consultar sus casos por SSH con su propia llave: ssh biosched@ seguido del nombre del servidor SSH de la agencia; una vez, dentro de 30 días)

                """)
        // English is what it always was; `text` is the English notice.
        #expect(n.text == n.text(in: .en))
        #expect(n.text.contains("Date and time:   Tue 2026-06-23 09:30 EDT"))
    }

    @Test("A notice stored before it carried its zone is shown with its stored date in any language")
    func oldNotice() {
        var n = NoticeTests.notice(center: Fx.center(), start: Fx.at("2026-06-23T09:30"))
        n.timeZone = nil
        #expect(n.text(in: .es).contains("Fecha y hora:       Tue 2026-06-23 09:30 EDT"))
    }
}
