import Foundation
import Scheduling

/// The messages of the notifications (mail, SMS, the .ics files), in the recipient's language.
extension Catalog {
    public func mailApprovedHead(_ receipt: String) -> String {
        tr(
            en: "An officer approved the request to reschedule the biometric services appointment for receipt \(receipt).",
            es: "Un oficial aprobó la solicitud de cambiar la cita de servicios biométricos del recibo \(receipt).")
    }
    public func mailRescheduledHead(_ receipt: String) -> String {
        tr(
            en: "The biometric services appointment for receipt \(receipt) was rescheduled.",
            es: "La cita de servicios biométricos del recibo \(receipt) se cambió.")
    }
    public func officerNote(_ note: String) -> String { tr(en: "The officer's note: \(note)", es: "Nota del oficial: \(note)") }
    public func mailNewAppointment(_ when: String) -> String { tr(en: "New appointment: \(when)", es: "Cita nueva: \(when)") }
    public func mailNoticeNumber(_ n: String) -> String { tr(en: "Notice number:   \(n)", es: "Número de aviso: \(n)") }
    public func mailReplaces(_ when: String, _ center: String) -> String {
        tr(
            en: "It replaces:     \(when) at \(center) (that appointment is cancelled).",
            es: "Reemplaza a:     \(when) en \(center) (esa cita queda cancelada).")
    }
    public var mailPrintNotice: String {
        tr(
            en: "Print the notice below and bring it, with everything it lists. Centers do not accept electronic copies.",
            es: "Imprima el aviso de abajo y tráigalo, con todo lo que indica. Los centros no aceptan copias electrónicas.")
    }
    public func mailCalendarFiles(replacing: Bool) -> String {
        replacing
            ? tr(
                en: "The attached appointment.ics puts the new time in your calendar and cancelled-appointment.ics removes the old one.",
                es: "El archivo adjunto appointment.ics pone la hora nueva en su calendario y cancelled-appointment.ics quita la anterior.")
            : tr(
                en: "The attached appointment.ics puts the new time in your calendar.",
                es: "El archivo adjunto appointment.ics pone la hora nueva en su calendario.")
    }
    public func mailEnrollmentHow(_ door: EnrollmentDoor) -> String {
        let how = enrollCommand(door)
        return tr(
            en: "  (to let your own SSH key in: \(how), then your receipt number and this code; once, within 30 days)",
            es: "  (para registrar su propia llave SSH: \(how), luego su número de recibo y este código; una vez, dentro de 30 días)")
    }
    public func subjectBooked(_ when: String, _ receipt: String, approved: Bool) -> String {
        approved
            ? tr(
                en: "Approved: biometrics appointment rescheduled to \(when) (receipt \(receipt))",
                es: "Aprobado: cita de datos biométricos cambiada al \(when) (recibo \(receipt))")
            : tr(
                en: "Biometrics appointment rescheduled to \(when) (receipt \(receipt))",
                es: "Cita de datos biométricos cambiada al \(when) (recibo \(receipt))")
    }
    public func smsBooked(_ receipt: String, _ when: String, _ center: String, _ address: String, _ notice: String, approved: Bool) -> String {
        approved
            ? tr(
                en:
                    "USCIS: biometrics appointment for \(receipt) approved and moved to \(when), \(center), \(address). Notice \(notice). Bring the printed notice, your other appointment notices and photo ID.",
                es:
                    "USCIS: la cita de datos biométricos de \(receipt) se aprobó y pasó al \(when), \(center), \(address). Aviso \(notice). Traiga el aviso impreso, sus otros avisos de cita y una identificación con foto."
            )
            : tr(
                en:
                    "USCIS: biometrics appointment for \(receipt) moved to \(when), \(center), \(address). Notice \(notice). Bring the printed notice, your other appointment notices and photo ID.",
                es:
                    "USCIS: la cita de datos biométricos de \(receipt) pasó al \(when), \(center), \(address). Aviso \(notice). Traiga el aviso impreso, sus otros avisos de cita y una identificación con foto."
            )
    }
    /// R17, in the SMS of a move off a closed day.
    public var smsClosedDay: String {
        tr(
            en: "Moved because the center is closed that day; it does not count as one of your reschedules.",
            es: "Se cambió porque el centro está cerrado ese día; no cuenta como uno de sus cambios.")
    }
    public func smsEnrollment(_ code: String, _ door: EnrollmentDoor) -> String {
        guard let how = door.command else { return tr(en: " Enrollment code: \(code).", es: " Código de inscripción: \(code).") }
        return tr(en: " Enrollment code: \(code) (\(how)).", es: " Código de inscripción: \(code) (\(how)).")
    }
    public func mailEscalatedHead(_ receipt: String, _ id: String) -> String {
        tr(
            en: "The request to reschedule the biometric services appointment for receipt \(receipt) was sent to an officer for review (request \(id)).",
            es: "La solicitud de cambiar la cita de servicios biométricos del recibo \(receipt) se envió a un oficial para revisión (solicitud \(id)).")
    }
    public func mailPreferred(_ when: String, _ center: String?) -> String {
        if let center { return tr(en: "Preferred time: \(when) at \(center)", es: "Hora preferida: \(when) en \(center)") }
        return tr(en: "Preferred time: \(when)", es: "Hora preferida: \(when)")
    }
    public func mailCurrentStandsUntil(_ when: String, _ center: String, _ address: String) -> String {
        tr(
            en: "Until the officer decides, the current appointment stands: \(when) at \(center), \(address).",
            es: "Hasta que el oficial decida, la cita actual se mantiene: \(when) en \(center), \(address).")
    }
    public var mailOfficerDecides: String {
        tr(
            en:
                "An officer approves (booking the preferred time, or another if it is gone) or denies the request, always with a note. You will get a message either way.",
            es:
                "Un oficial aprueba la solicitud (reserva la hora preferida, u otra si ya no está) o la niega, siempre con una nota. Usted recibirá un mensaje en cualquier caso."
        )
    }
    public func subjectEscalated(_ receipt: String) -> String {
        tr(
            en: "Your request to reschedule is with an officer (receipt \(receipt))",
            es: "Su solicitud de cambio de cita está con un oficial (recibo \(receipt))")
    }
    public func smsEscalated(_ receipt: String, _ id: String, _ when: String?) -> String {
        if let when {
            return tr(
                en:
                    "USCIS: the request to reschedule biometrics for \(receipt) is with an officer (request \(id)). Keep your current appointment (\(when)) until you hear back.",
                es:
                    "USCIS: la solicitud de cambiar la cita de datos biométricos de \(receipt) está con un oficial (solicitud \(id)). Mantenga su cita actual (\(when)) hasta recibir respuesta."
            )
        }
        return tr(
            en:
                "USCIS: the request to reschedule biometrics for \(receipt) is with an officer (request \(id)). Keep your current appointment until you hear back.",
            es:
                "USCIS: la solicitud de cambiar la cita de datos biométricos de \(receipt) está con un oficial (solicitud \(id)). Mantenga su cita actual hasta recibir respuesta."
        )
    }
    public func mailDeniedHead(_ receipt: String, _ id: String) -> String {
        tr(
            en: "An officer denied the request to reschedule the biometric services appointment for receipt \(receipt) (request \(id)).",
            es: "Un oficial negó la solicitud de cambiar la cita de servicios biométricos del recibo \(receipt) (solicitud \(id)).")
    }
    public func mailCurrentStands(_ when: String, _ center: String, _ address: String, _ notice: String) -> String {
        tr(
            en: "The current appointment stands: \(when) at \(center), \(address). Notice \(notice).",
            es: "La cita actual se mantiene: \(when) en \(center), \(address). Aviso \(notice).")
    }
    public func subjectDenied(_ receipt: String) -> String {
        tr(en: "Your request to reschedule was denied (receipt \(receipt))", es: "Se negó su solicitud de cambio de cita (recibo \(receipt))")
    }
    public func smsDenied(_ receipt: String, _ more: String) -> String {
        tr(
            en: "USCIS: the request to reschedule biometrics for \(receipt) was denied. \(more)",
            es: "USCIS: se negó la solicitud de cambiar la cita de datos biométricos de \(receipt). \(more)")
    }
    public func inDays(_ days: Int) -> String {
        days == 1 ? tr(en: "tomorrow", es: "mañana") : tr(en: "in \(days) days", es: "en \(days) días")
    }
    public func mailReminderHead(_ receipt: String, _ when: String) -> String {
        tr(
            en: "Reminder: the biometric services appointment for receipt \(receipt) is \(when).",
            es: "Recordatorio: la cita de servicios biométricos del recibo \(receipt) es \(when).")
    }
    public func mailAppointmentLine(_ when: String) -> String { tr(en: "Appointment:   \(when)", es: "Cita:          \(when)") }
    public func mailReminderNoticeNumber(_ n: String) -> String { tr(en: "Notice number: \(n)", es: "Número de aviso: \(n)") }
    public func subjectReminder(_ inText: String, _ when: String, _ receipt: String) -> String {
        tr(
            en: "Reminder: biometrics appointment \(inText), \(when) (receipt \(receipt))",
            es: "Recordatorio: cita de datos biométricos \(inText), \(when) (recibo \(receipt))")
    }
    public func smsReminder(_ receipt: String, _ inText: String, _ when: String, _ center: String, _ address: String) -> String {
        tr(
            en: "USCIS reminder: biometrics for \(receipt) \(inText), \(when), \(center), \(address). Bring the printed notice and photo ID.",
            es:
                "Recordatorio de USCIS: cita de datos biométricos de \(receipt) \(inText), \(when), \(center), \(address). Traiga el aviso impreso y una identificación con foto."
        )
    }
    public func copyFor(_ rep: String, _ applicant: String, _ receipt: String) -> String {
        tr(
            en: "Copy for \(rep), representative with a Form G-28 on file for \(applicant) (receipt \(receipt)).",
            es: "Copia para \(rep), representante con un Formulario G-28 registrado para \(applicant) (recibo \(receipt)).")
    }
    public var copySubjectPrefix: String { tr(en: "[Copy] ", es: "[Copia] ") }
    public func copySMS(_ applicant: String) -> String { tr(en: "Copy (G-28) for \(applicant): ", es: "Copia (G-28) para \(applicant): ") }

    // The .ics files.
    public func icsSummary(_ receipt: String, cancelled: Bool) -> String {
        cancelled
            ? tr(en: "Cancelled: biometrics appointment, receipt \(receipt)", es: "Cancelada: cita de datos biométricos, recibo \(receipt)")
            : tr(en: "Biometrics appointment, receipt \(receipt)", es: "Cita de datos biométricos, recibo \(receipt)")
    }
    public func icsCancelled(_ when: String, _ center: String) -> String {
        tr(
            en: "This appointment (\(when) at \(center)) was rescheduled or cancelled; do not go to it.",
            es: "Esta cita (\(when) en \(center)) se cambió o se canceló; no se presente.")
    }
    public func icsDescription(_ name: String, _ receipt: String, _ notice: String, _ when: String, _ center: String, _ address: String) -> String {
        tr(
            en: "USCIS biometric services appointment for \(name), receipt \(receipt), notice \(notice), \(when) at \(center), \(address).\nBring with you:\n",
            es: "Cita de servicios biométricos de USCIS para \(name), recibo \(receipt), aviso \(notice), \(when) en \(center), \(address).\nTraiga consigo:\n")
    }
    public var icsContactCenter: String {
        let phone = ContactCenter.phone, tty = ContactCenter.tty
        return tr(en: "\nUSCIS Contact Center: \(phone) (TTY \(tty)).", es: "\nCentro de Contacto de USCIS: \(phone) (TTY \(tty)).")
    }
}

/// The mailer's report and its delivery diagnostics (the outbox keeps the English text as its record).
extension Catalog {
    public func mailerSent(_ id: Int64, _ kind: String, _ channel: String, _ to: String) -> String {
        tr(en: "\(id) sent (\(kind), \(channel) to \(to))", es: "\(id) enviado (\(kind), \(channel) a \(to))")
    }
    public func mailerNotDue(_ id: Int64, _ at: String, _ attempts: Int) -> String {
        tr(
            en: "\(id) left unsent: not due until \(at) (after \(attempts) tries).",
            es: "\(id) sin enviar: no corresponde hasta \(at) (después de \(attempts) intentos).")
    }
    public func mailerMadeLater(_ id: Int64, _ made: String, _ now: String) -> String {
        tr(
            en: "\(id) left unsent: it was made at \(made), later than this command's clock (\(now)); run the mailer with the store's time (--now) or later.",
            es:
                "\(id) sin enviar: se creó el \(made), después del reloj de este comando (\(now)); ejecute el mailer con la hora del sistema (--now) o una posterior."
        )
    }
    public func mailerUnsent(_ n: Int) -> String {
        tr(en: "\(n) left unsent, each with why above.", es: "\(n) sin enviar, cada uno con el motivo arriba.")
    }
    public func mailerSkipped(_ id: Int64, _ why: String) -> String { tr(en: "\(id) skipped: \(why)", es: "\(id) omitido: \(why)") }
    public func mailerTry(_ n: Int, _ max: Int, _ why: String) -> String { tr(en: "try \(n) of \(max): \(why)", es: "intento \(n) de \(max): \(why)") }
    public func mailerRetry(_ id: Int64, _ at: String, _ why: String) -> String {
        tr(en: "\(id) will be retried at \(at): \(why)", es: "\(id) se reintentará el \(at): \(why)")
    }
    public func mailerFailed(_ id: Int64, permanent: Bool, _ why: String) -> String {
        permanent
            ? tr(en: "\(id) failed for good: \(why)", es: "\(id) falló definitivamente: \(why)")
            : tr(en: "\(id) failed after the last try: \(why)", es: "\(id) falló tras el último intento: \(why)")
    }
    public func reminderNotSent(over: Bool, _ status: String) -> String {
        over
            ? tr(en: "the appointment is over; no reminder is sent", es: "la cita ya pasó; no se envía recordatorio")
            : tr(en: "the appointment is \(status); no reminder is sent", es: "la cita está en estado \(status); no se envía recordatorio")
    }
    public func badEmailRecipient(_ r: String) -> String {
        tr(en: "the recipient \"\(r)\" is not a valid email address", es: "el destinatario \"\(r)\" no es una dirección de correo electrónico válida")
    }
    public func headerInjection(_ header: String) -> String {
        tr(
            en: "the \(header) header would hold a line break or control character (refused: header injection)",
            es: "el encabezado \(header) tendría un salto de línea o un carácter de control (rechazado: inyección de encabezados)")
    }
    public func badPhoneRecipient(_ r: String) -> String {
        tr(en: "the recipient \"\(r)\" is not a valid phone number", es: "el destinatario \"\(r)\" no es un número de teléfono válido")
    }
    public var theBookedAppointment: String { tr(en: "the booked appointment", es: "la cita reservada") }
    public var theEscalatedRequest: String { tr(en: "the escalated request", es: "la solicitud enviada a un oficial") }
    public var theDeniedRequest: String { tr(en: "the denied request", es: "la solicitud negada") }
    public var theAppointment: String { tr(en: "the appointment", es: "la cita") }
    public func outboxNamesNo(_ id: Int64, _ kind: String, _ what: String) -> String {
        tr(
            en: "outbox message \(id) (\(kind)) names no \(what) in the store",
            es: "el mensaje \(id) de la bandeja de salida (\(kind)) no corresponde a \(what) en el sistema")
    }
    public var noSMSGateway: String {
        tr(
            en: "no SMS gateway is configured (biosched mailer --sms-command CMD)",
            es: "no hay ninguna pasarela de SMS configurada (biosched mailer --sms-command CMD)")
    }
    public func smsGateway(_ program: String) -> String { tr(en: "the SMS gateway (\(program))", es: "la pasarela de SMS (\(program))") }
    public func programTimedOut(_ what: String, _ seconds: Int) -> String {
        tr(en: "\(what) did not finish within \(seconds) s and was stopped", es: "\(what) no terminó en \(seconds) s y se detuvo")
    }
    public func programKilled(_ what: String, _ signal: Int32, _ said: String) -> String {
        tr(en: "\(what) was killed by signal \(signal)\(said)", es: "\(what) terminó por la señal \(signal)\(said)")
    }
    public func programExited(_ what: String, _ status: Int32, _ said: String) -> String {
        tr(en: "\(what) exited with status \(status)\(said)", es: "\(what) terminó con el estado \(status)\(said)")
    }
    public var noProgram: String { tr(en: "no program to run", es: "no hay ningún programa que ejecutar") }
    public func cannotRun(_ program: String, _ why: String) -> String { tr(en: "cannot run \(program): \(why)", es: "no se puede ejecutar \(program): \(why)") }
}
