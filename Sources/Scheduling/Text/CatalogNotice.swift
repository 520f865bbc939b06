import Foundation

/// The appointment notice (R16), in the words of the printed form.
extension Catalog {
    public var noticeAgency: String {
        tr(en: "U.S. Citizenship and Immigration Services", es: "Servicio de Ciudadanía e Inmigración de los Estados Unidos (USCIS)")
    }
    public var noticeHeading: String { tr(en: "BIOMETRIC SERVICES APPOINTMENT NOTICE", es: "AVISO DE CITA PARA SERVICIOS BIOMÉTRICOS") }
    public func noticeNumberLine(_ n: String) -> String { tr(en: "Notice number:   \(n)", es: "Número de aviso:    \(n)") }
    public func noticeReceiptLine(_ r: String) -> String { tr(en: "Receipt number:  \(r)", es: "Número de recibo:   \(r)") }
    public func noticeApplicantLine(_ name: String) -> String { tr(en: "Applicant:       \(name)", es: "Solicitante:        \(name)") }
    public var noticeCenterHeading: String { tr(en: "Application Support Center:", es: "Centro de servicios de solicitud:") }
    public func noticeWhenLine(_ when: String) -> String { tr(en: "Date and time:   \(when)", es: "Fecha y hora:       \(when)") }
    public var noticeBringHeading: String { tr(en: "Bring with you:", es: "Traiga consigo:") }
    public var noticeBring: [String] {
        [
            tr(
                en: "This appointment notice, printed on paper. Centers do not accept electronic copies.",
                es: "Este aviso de cita, impreso en papel. Los centros no aceptan copias electrónicas."),
            tr(en: "Every other appointment notice you have received.", es: "Todos los demás avisos de cita que haya recibido."),
            tr(
                en: "A valid, unexpired photo identification (passport, driver's license, or other government ID).",
                es: "Una identificación vigente con foto (pasaporte, licencia de conducir u otra identificación del gobierno).")
        ]
    }
    public var noticeToReschedule: String {
        let phone = ContactCenter.phone, tty = ContactCenter.tty
        return tr(
            en: "To reschedule, use your USCIS online account or call the Contact Center at \(phone) (TTY \(tty)).",
            es: "Para cambiar la cita, use su cuenta de USCIS en línea o llame al Centro de Contacto al \(phone) (TTY \(tty)).")
    }
    public func noticeEnrollmentLine(_ code: String) -> String { tr(en: "Enrollment code: \(code)", es: "Código de inscripción: \(code)") }
    public func noticeEnrollmentHow(_ door: EnrollmentDoor) -> String {
        let how = enrollCommand(door)
        return tr(
            en: "  (to reach your cases over SSH with your own key: \(how); once, within 30 days)",
            es: "  (para consultar sus casos por SSH con su propia llave: \(how); una vez, dentro de 30 días)")
    }
    /// The enrollment command as a person types it, or, with no host set, the account followed by
    /// where the host name is (never a made-up host).
    public func enrollCommand(_ door: EnrollmentDoor) -> String {
        if let command = door.command { return command }
        let user = door.user
        return tr(
            en: "ssh \(user)@ followed by the agency's SSH host name",
            es: "ssh \(user)@ seguido del nombre del servidor SSH de la agencia")
    }
}
