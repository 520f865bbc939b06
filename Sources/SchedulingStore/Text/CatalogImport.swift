import Foundation
import Scheduling

/// `biosched import`: what is wrong in an import file, where (a JSON path such as
/// `centers[2] (code "BOS").timeZone`, which stays as written), and what is expected there.
extension Catalog {
    public func importFileTooBig(_ mib: Int, _ max: Int) -> String {
        tr(
            en: "the file is \(mib) MiB; at most \(max) MiB are taken at once (split it into several files)",
            es: "el archivo tiene \(mib) MiB; se aceptan como máximo \(max) MiB a la vez (divídalo en varios archivos)")
    }
    public var importTopLevel: String {
        tr(
            en: "expected a JSON object with settings, centers, accounts, cases, appointments",
            es: "se espera un objeto JSON con settings, centers, accounts, cases, appointments")
    }
    public func importNotJSON(_ why: String) -> String { tr(en: "not valid JSON (\(why))", es: "no es JSON válido (\(why))") }
    public var importExpectedObject: String { tr(en: "expected an object", es: "se espera un objeto") }
    public func importCenterCode(_ code: String) -> String {
        tr(
            en: "expected 2 to 8 letters or digits, e.g. BOS, got \"\(code)\"",
            es: "se esperan de 2 a 8 letras o dígitos, por ejemplo BOS, pero dice \"\(code)\"")
    }
    public var importHoursObject: String {
        tr(en: "expected an object like {\"mon\": \"08:00-16:00\"}", es: "se espera un objeto como {\"mon\": \"08:00-16:00\"}")
    }
    public func importWeekday(_ k: String) -> String {
        tr(
            en: "unknown weekday \"\(k)\"; expected mon, tue, wed, thu, fri, sat or sun",
            es: "día de la semana desconocido \"\(k)\"; se espera mon, tue, wed, thu, fri, sat o sun")
    }
    public func importHours(_ v: String) -> String {
        tr(
            en: "expected \"HH:MM-HH:MM\" with opening before closing, got \(v)",
            es: "se espera \"HH:MM-HH:MM\" con la apertura antes del cierre, pero dice \(v)")
    }
    public var importHoursShort: String { tr(en: "expected HH:MM-HH:MM", es: "se espera HH:MM-HH:MM") }
    public var importDateList: String { tr(en: "expected a list of dates YYYY-MM-DD", es: "se espera una lista de fechas AAAA-MM-DD") }
    public func importDate(_ v: String) -> String { tr(en: "expected a date YYYY-MM-DD, got \(v)", es: "se espera una fecha AAAA-MM-DD, pero dice \(v)") }
    public func importTimeZone(_ tz: String) -> String {
        tr(
            en: "unknown time zone \"\(tz)\"; expected an IANA name like America/New_York",
            es: "zona horaria desconocida \"\(tz)\"; se espera un nombre IANA como America/New_York")
    }
    public func importUnknownTimeZone(_ tz: String) -> String { tr(en: "unknown time zone \"\(tz)\"", es: "zona horaria desconocida \"\(tz)\"") }
    public func importAccountRole(_ role: String) -> String {
        tr(en: "expected \"applicant\" or \"representative\", got \"\(role)\"", es: "se espera \"applicant\" o \"representative\", pero dice \"\(role)\"")
    }
    public var importAccountRoleShort: String { tr(en: "expected applicant or representative", es: "se espera applicant o representative") }
    public func importAccountID(_ id: String) -> String {
        let shape = accountShape
        return tr(en: "\"\(id)\" is not an account id; expected \(shape)", es: "\"\(id)\" no es un identificador de cuenta; se espera \(shape)")
    }
    public func importBirthDate(_ text: String) -> String {
        tr(en: "expected a date as YYYY-MM-DD (1900 to 2100), got \"\(text)\"", es: "se espera una fecha AAAA-MM-DD (de 1900 a 2100), pero dice \"\(text)\"")
    }
    public func importLanguage(_ text: String, _ codes: String, _ list: String) -> String {
        tr(
            en: "\"\(text)\" is not a language biosched speaks; expected one of \(codes) (\(list))",
            es: "\"\(text)\" no es un idioma que biosched hable; se espera uno de \(codes) (\(list))")
    }
    public var importAccountList: String { tr(en: "expected a list of account ids", es: "se espera una lista de identificadores de cuenta") }
    public func importOneOf(_ values: String, _ got: String) -> String {
        tr(en: "expected one of \(values), got \"\(got)\"", es: "se espera uno de \(values), pero dice \"\(got)\"")
    }
    public func importForm(_ form: String) -> String {
        tr(
            en: "expected a form number like I-485, N-400, I-821D or I-600A (with the dash), got \"\(form)\"",
            es: "se espera un número de formulario como I-485, N-400, I-821D o I-600A (con el guion), pero dice \"\(form)\"")
    }
    public var importNeedsApplicant: String {
        tr(
            en: "a case needs an applicant account or an applicantName (the notice prints it)",
            es: "un caso necesita una cuenta de solicitante o un applicantName (el aviso lo imprime)")
    }
    public func importInstant(_ grammar: String, _ text: String) -> String {
        tr(
            en: "expected \(grammar), e.g. 2026-11-02T10:00:00-05:00, got \"\(text)\"",
            es: "se espera \(grammar), por ejemplo 2026-11-02T10:00:00-05:00, pero dice \"\(text)\"")
    }
    public func importLocalTime(_ start: String) -> String {
        tr(
            en: "expected the center's local time as YYYY-MM-DDTHH:MM, got \"\(start)\"",
            es: "se espera la hora local del centro como AAAA-MM-DDTHH:MM, pero dice \"\(start)\"")
    }
    public func importUnknownField(_ keys: String) -> String {
        tr(en: "unknown field; expected one of \(keys)", es: "campo desconocido; se espera uno de \(keys)")
    }
    public var importListOfObjects: String { tr(en: "expected a list of objects", es: "se espera una lista de objetos") }
    public var importMissingString: String { tr(en: "missing; expected a string", es: "falta; se espera un texto") }
    public func importExpectedString(_ v: String) -> String { tr(en: "expected a string, got \(v)", es: "se espera un texto, pero dice \(v)") }
    public var importEmpty: String { tr(en: "must not be empty", es: "no puede estar vacío") }
    public func importControl(_ s: String) -> String {
        tr(
            en: "holds a control character (\(s)); expected plain text on one line",
            es: "tiene un carácter de control (\(s)); se espera texto simple en una línea")
    }
    public func importDuplicateKey(_ key: String) -> String {
        tr(
            en: "the key \"\(key)\" is written twice in one object; JSON readers disagree on which one counts, so each key may appear once",
            es:
                "la clave \"\(key)\" aparece dos veces en un mismo objeto; los lectores de JSON no coinciden en cuál vale, así que cada clave puede aparecer una sola vez"
        )
    }
    public func importTooManyMarks(_ n: Int, _ max: Int) -> String {
        tr(
            en: "holds \(n) letters and marks (accents count one each); at most \(max) are taken",
            es: "tiene \(n) letras y signos (cada acento cuenta como uno); se aceptan como máximo \(max)")
    }
    public func importTooLong(_ n: Int, _ max: Int) -> String {
        tr(en: "is \(n) characters long; at most \(max) are taken", es: "tiene \(n) caracteres; se aceptan como máximo \(max)")
    }
    public func importMissingNumber(_ lo: Int, _ hi: Int) -> String {
        tr(en: "missing; expected a whole number from \(lo) to \(hi)", es: "falta; se espera un número entero de \(lo) a \(hi)")
    }
    public func importNumber(_ lo: Int, _ hi: Int, _ v: String) -> String {
        tr(en: "expected a whole number from \(lo) to \(hi), got \(v)", es: "se espera un número entero de \(lo) a \(hi), pero dice \(v)")
    }

    // Checks against the store (the whole file is refused; nothing is written).
    public func importNewCenterNeeds(_ fields: String) -> String {
        tr(en: "missing; a new center needs \(fields)", es: "falta; un centro nuevo necesita \(fields)")
    }
    public func importRoleChange(_ role: String) -> String {
        tr(en: "the account exists as \(role); an account never changes role", es: "la cuenta ya existe como \(role); una cuenta nunca cambia de papel")
    }
    public func importNoAccount(_ id: String) -> String {
        tr(en: "no account \"\(id)\" (list it under accounts)", es: "no hay ninguna cuenta \"\(id)\" (inclúyala en accounts)")
    }
    public func importNotApplicant(_ id: String, _ role: String) -> String {
        tr(en: "account \"\(id)\" is a \(role), not an applicant", es: "la cuenta \"\(id)\" es de \(role), no de applicant")
    }
    public func importNotRepresentative(_ id: String, _ role: String) -> String {
        tr(en: "account \"\(id)\" is an \(role), not a representative", es: "la cuenta \"\(id)\" es de \(role), no de representative")
    }
    public func importUnknownCenter(_ code: String) -> String {
        tr(en: "unknown center \"\(code)\" (list it under centers)", es: "centro desconocido \"\(code)\" (inclúyalo en centers)")
    }
    public func importSkippedTime(_ start: String, _ zone: String) -> String {
        tr(en: "\(start) does not exist in \(zone) (the clocks spring forward then)", es: "\(start) no existe en \(zone) (a esa hora se adelantan los relojes)")
    }
    public func importNoSuchTime(_ start: String, _ zone: String) -> String {
        tr(en: "\(start) is not a time that exists in \(zone)", es: "\(start) no es una hora que exista en \(zone)")
    }
    public func importSlotFull(_ start: String, _ center: String) -> String {
        tr(en: "the slot \(start) at \(center) is already full", es: "el horario \(start) en \(center) ya está lleno")
    }
    public var importOneScheduled: String {
        tr(en: "the case already has a scheduled appointment; only one may be scheduled", es: "el caso ya tiene una cita programada; solo puede haber una")
    }
    public func importNoCase(_ receipt: String) -> String {
        tr(en: "no case \(receipt) (list it under cases)", es: "no hay ningún caso \(receipt) (inclúyalo en cases)")
    }
    public var importAccountIDRule: String {
        tr(
            en: "account id must be 1-64 letters, digits, dot, underscore or dash, starting with a letter or digit",
            es: "el identificador de cuenta debe tener de 1 a 64 letras, dígitos, puntos, guiones bajos o guiones, y empezar por una letra o un dígito")
    }
    public func importTwoScheduled(_ detail: String) -> String {
        tr(
            en: "a case would have two scheduled appointments; only one may be scheduled (\(detail))",
            es: "un caso tendría dos citas programadas; solo puede haber una (\(detail))")
    }
    public func importAppointmentNoCase(_ detail: String) -> String {
        tr(
            en: "an appointment names no case in the store or the file (\(detail)); list it under cases",
            es: "una cita no corresponde a ningún caso del sistema ni del archivo (\(detail)); inclúyalo en cases")
    }
    public var importOverCapacity: String {
        tr(en: "A slot would hold more bookings than its center's stations.", es: "Un horario tendría más reservas que puestos tiene su centro.")
    }
    public var importTwoScheduledShort: String {
        tr(en: "A case would have two scheduled appointments; only one may be scheduled.", es: "Un caso tendría dos citas programadas; solo puede haber una.")
    }
    public var importConstraint: String { tr(en: "constraint failed", es: "no se cumple una restricción") }
    public func importZoneLocked(_ n: Int, _ zone: String) -> String {
        tr(
            en: "the center has \(n) scheduled appointments in \(zone); its time zone cannot change under them (move them first)",
            es: "el centro tiene \(n) citas programadas en \(zone); su zona horaria no puede cambiar con ellas (muévalas primero)")
    }
    public func importSlotLengthLocked(_ n: Int, _ minutes: Int) -> String {
        tr(
            en: "the center has \(n) scheduled appointments on \(minutes)-minute slots; the slot length cannot change under them",
            es: "el centro tiene \(n) citas programadas en horarios de \(minutes) minutos; la duración de los horarios no puede cambiar con ellas")
    }
    public func importStationsLocked(_ booked: Int, _ stations: Int) -> String {
        tr(
            en: "a slot at this center already holds \(booked) bookings; the center cannot have fewer stations (\(stations))",
            es: "un horario de este centro ya tiene \(booked) reservas; el centro no puede tener menos puestos (\(stations))")
    }
    public var importDuplicate: String {
        tr(
            en: "a record with the same key already exists in the store or earlier in the file",
            es: "ya existe un registro con la misma clave en el sistema o antes en el archivo")
    }
}
