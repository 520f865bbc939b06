import Foundation
import Scheduling

/// What `biosched import FILE.json` loads, and what the demo generator produces.
/// Every field is checked before anything is written; an error names the record and the field.
public struct ImportDocument: Sendable {
    public struct Settings: Sendable {
        public var leadHours: Int?
        public var horizonDays: Int?
        public init(leadHours: Int? = nil, horizonDays: Int? = nil) {
            self.leadHours = leadHours
            self.horizonDays = horizonDays
        }
    }
    public struct CenterRecord: Sendable {
        public var code: String, name: String, address: String, city: String, state: String, timeZone: String
        public var slotMinutes: Int, stations: Int
        /// Weekday → `HH:MM-HH:MM`.
        public var hours: [Weekday: String]
        public var closures: [String]
        /// The fields the document gave (JSON names). A center already in the store changes only
        /// these; a new center needs name, timeZone, slotMinutes, stations and hours.
        public var given: Set<String>
        public static let allFields: Set<String> = ["code", "name", "address", "city", "state", "timeZone", "slotMinutes", "stations", "hours", "closures"]
        public static let requiredForNew = ["name", "timeZone", "slotMinutes", "stations", "hours"]
        public init(
            code: String, name: String, address: String = "", city: String = "", state: String = "", timeZone: String,
            slotMinutes: Int, stations: Int, hours: [Weekday: String], closures: [String] = [], given: Set<String> = CenterRecord.allFields
        ) {
            self.code = code
            self.name = name
            self.address = address
            self.city = city
            self.state = state
            self.timeZone = timeZone
            self.slotMinutes = slotMinutes
            self.stations = stations
            self.hours = hours
            self.closures = closures
            self.given = given
        }
    }
    public struct AccountRecord: Sendable {
        public var id: String, role: String, name: String, email: String?, phone: String?
        /// Normalized (`ANumber`): A and 9 digits.
        public var aNumber: String?
        public var dateOfBirth: LocalDate?
        /// The account's preferred language (`en`, `es`), checked on parsing; `nil` when not given.
        public var language: String?
        public init(
            id: String, role: String, name: String, email: String? = nil, phone: String? = nil,
            aNumber: String? = nil, dateOfBirth: LocalDate? = nil, language: String? = nil
        ) {
            self.id = id
            self.role = role
            self.name = name
            self.email = email
            self.phone = phone
            self.aNumber = aNumber
            self.dateOfBirth = dateOfBirth
            self.language = language
        }
    }
    public struct CaseRecord: Sendable {
        public var receipt: String, form: String, applicant: String?, applicantName: String?
        public var representatives: [String], status: String
        /// When a change of address reached the agency, if one did (R10). JSON: ISO 8601 with offset.
        public var addressChangedAt: Date?
        public init(
            receipt: String, form: String, applicant: String?, applicantName: String? = nil, representatives: [String] = [],
            status: String = "pending", addressChangedAt: Date? = nil
        ) {
            self.receipt = receipt
            self.form = form
            self.applicant = applicant
            self.applicantName = applicantName
            self.representatives = representatives
            self.status = status
            self.addressChangedAt = addressChangedAt
        }
    }
    public struct AppointmentRecord: Sendable {
        public var receipt: String, center: String
        /// The center's local `YYYY-MM-DDTHH:MM`.
        public var start: String
        public var status: String, priorReschedules: Int
        public init(receipt: String, center: String, start: String, status: String = "scheduled", priorReschedules: Int = 0) {
            self.receipt = receipt
            self.center = center
            self.start = start
            self.status = status
            self.priorReschedules = priorReschedules
        }
    }

    public var settings: Settings?
    public var centers: [CenterRecord]
    public var accounts: [AccountRecord]
    public var cases: [CaseRecord]
    public var appointments: [AppointmentRecord]

    public init(
        settings: Settings? = nil, centers: [CenterRecord] = [], accounts: [AccountRecord] = [],
        cases: [CaseRecord] = [], appointments: [AppointmentRecord] = []
    ) {
        self.settings = settings
        self.centers = centers
        self.accounts = accounts
        self.cases = cases
        self.appointments = appointments
    }
}

/// An import error that names where it is: `centers[2] (code "BOS").timeZone: ...`.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var location: String
    /// What is wrong there and what is expected, in every language.
    public var text: Localized
    public var problem: String { text.english }
    public init(_ location: String, _ make: (Catalog) -> String) {
        self.location = location
        text = Localized(make)
    }
    /// A problem the database itself words (a constraint's message): the same in every language.
    public init(_ location: String, untranslated problem: String) {
        self.location = location
        text = Localized { _ in problem }
    }
    public var description: String { description(in: .en) }
    /// `location: problem` in `language` (the location is a JSON path and stays as written).
    public func description(in language: Language) -> String {
        let p = text(language) ?? problem
        return location.isEmpty ? p : "\(location): \(p)"
    }
}

extension ImportDocument {
    /// The first key written twice in one object of a valid JSON text, with where it is
    /// (`accounts[2]`); one pass over the bytes, a set of keys per open object.
    static func duplicateKey(in data: Data) -> (String, String)? {
        struct Level {
            var isObject: Bool
            var keys: Set<String> = []
            var expectKey = true
            var name = ""
            var index = 0
        }
        var stack: [Level] = []
        let bytes = [UInt8](data)
        var i = 0
        var lastKey = ""
        func path() -> String {
            var parts: [String] = []
            for (n, l) in stack.enumerated() where n > 0 {
                let parent = stack[n - 1]
                parts.append(parent.isObject ? l.name : "[\(parent.index)]")
            }
            return parts.reduce("") { $0.isEmpty || $1.hasPrefix("[") ? $0 + $1 : $0 + "." + $1 }
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(Level(isObject: b == UInt8(ascii: "{"), name: lastKey))
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                if let n = stack.indices.last {
                    if stack[n].isObject { stack[n].expectKey = true } else { stack[n].index += 1 }
                }
            case UInt8(ascii: ":"):
                if let n = stack.indices.last { stack[n].expectKey = false }
            case UInt8(ascii: "\""):
                let start = i
                i += 1
                while i < bytes.count && bytes[i] != UInt8(ascii: "\"") { i += bytes[i] == UInt8(ascii: "\\") ? 2 : 1 }
                if let n = stack.indices.last, stack[n].isObject, stack[n].expectKey {
                    let body = bytes[(start + 1)..<min(i, bytes.count)]
                    // Escapes (\u0061 is "a") are decoded by JSON's own rules; a plain key is its bytes.
                    let key =
                        body.contains(UInt8(ascii: "\\"))
                        ? (try? JSONSerialization.jsonObject(with: Data(bytes[start...min(i, bytes.count - 1)]), options: .fragmentsAllowed)) as? String
                            ?? String(decoding: body, as: UTF8.self)
                        : String(decoding: body, as: UTF8.self)
                    if !stack[n].keys.insert(key).inserted { return (key, path()) }
                    lastKey = key
                }
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Parses the JSON import format. Unknown top-level keys and unknown fields are errors, so a
    /// misspelt field never silently drops data.
    /// The largest import file taken: parsing JSON costs about 25 times its size in memory, so a
    /// larger file is refused before it is read (split it; each file is loaded all or nothing).
    public static let maxBytes = 64 << 20

    public static func parse(json data: Data) throws(ImportError) -> ImportDocument {
        guard data.count <= maxBytes else {
            throw ImportError("") { $0.importFileTooBig(data.count >> 20, maxBytes >> 20) }
        }
        let top: [String: Any]
        do {
            guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ImportError("") { $0.importTopLevel }
            }
            top = obj
        } catch let e as ImportError { throw e } catch {
            let why = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? error.localizedDescription
            throw ImportError("") { $0.importNotJSON(why) }
        }
        // JSONSerialization keeps the last of two equal keys without a word: refused instead.
        if let (key, path) = duplicateKey(in: data) {
            throw ImportError(path) { $0.importDuplicateKey(Echo.show(key)) }
        }
        let r = Reader()
        try r.only(top, ["settings", "centers", "accounts", "cases", "appointments"], at: "")
        var doc = ImportDocument()
        if let s = top["settings"] {
            guard let s = s as? [String: Any] else { throw ImportError("settings") { $0.importExpectedObject } }
            try r.only(s, ["leadHours", "horizonDays"], at: "settings")
            doc.settings = Settings(
                leadHours: try r.int(s, "leadHours", at: "settings", required: false, range: SlotWindow.leadHoursRange),
                horizonDays: try r.int(s, "horizonDays", at: "settings", required: false, range: SlotWindow.horizonDaysRange))
        }
        for (i, c) in try r.array(top, "centers").enumerated() {
            var at = "centers[\(i)]"
            try r.only(c, CenterRecord.allFields, at: at)
            let code = try r.string(c, "code", at: at)!.uppercased()
            guard code.count >= 2, code.count <= 8, code.allSatisfy({ ($0.isASCII && $0.isLetter) || ($0.isASCII && $0.isNumber) }) else {
                throw ImportError(at + ".code") { $0.importCenterCode(Echo.show(code)) }
            }
            at += " (code \"\(code)\")"
            var hours: [Weekday: String] = [:]
            if let hv = c["hours"] {
                guard let h = hv as? [String: Any] else { throw ImportError(at + ".hours") { $0.importHoursObject } }
                for (k, v) in h {
                    guard let wd = Weekday(rawValue: k) else { throw ImportError(at + ".hours") { $0.importWeekday(Echo.show(k)) } }
                    guard let text = v as? String, OpeningHours(parsing: text) != nil else {
                        throw ImportError(at + ".hours.\(k)") { $0.importHours(Echo.show("\(v)")) }
                    }
                    hours[wd] = text
                }
            }
            var closures: [String] = []
            if let cl = c["closures"] {
                guard let list = cl as? [Any] else { throw ImportError(at + ".closures") { $0.importDateList } }
                for (j, d) in list.enumerated() {
                    guard let s = d as? String, LocalDate(iso: s) != nil else { throw ImportError(at + ".closures[\(j)]") { $0.importDate(Echo.show("\(d)")) } }
                    closures.append(s)
                }
            }
            let tz = try r.string(c, "timeZone", at: at, required: false)
            if let tz, ZoneRules(identifier: tz) == nil { throw ImportError(at + ".timeZone") { $0.importTimeZone(Echo.show(tz)) } }
            doc.centers.append(
                CenterRecord(
                    code: code, name: try r.string(c, "name", at: at, required: false) ?? "",
                    address: try r.string(c, "address", at: at, required: false, allowEmpty: true) ?? "",
                    city: try r.string(c, "city", at: at, required: false, allowEmpty: true) ?? "",
                    state: try r.string(c, "state", at: at, required: false, allowEmpty: true) ?? "",
                    timeZone: tz ?? "", slotMinutes: try r.int(c, "slotMinutes", at: at, required: false, range: 5...240) ?? 0,
                    stations: try r.int(c, "stations", at: at, required: false, range: 1...1000) ?? 0, hours: hours, closures: closures,
                    given: Set(c.keys)))
        }
        for (i, a) in try r.array(top, "accounts").enumerated() {
            let at = "accounts[\(i)]"
            try r.only(a, ["id", "role", "name", "email", "phone", "aNumber", "dateOfBirth", "language"], at: at)
            let role = try r.string(a, "role", at: at)!
            guard role == "applicant" || role == "representative" else {
                throw ImportError(at + ".role") { $0.importAccountRole(role) }
            }
            let id = try r.string(a, "id", at: at)!
            guard Identifier.isAccountID(id) else { throw ImportError(at + ".id") { $0.importAccountID(Echo.show(id)) } }
            var aNumber: String?
            if let text = try r.string(a, "aNumber", at: at, required: false) {
                do { aNumber = try ANumber(parsing: text).value } catch { throw ImportError(at + ".aNumber") { $0.notANumber(Echo.show(text, limit: 40)) } }
            }
            var born: LocalDate?
            if let text = try r.string(a, "dateOfBirth", at: at, required: false) {
                guard let d = LocalDate(iso: text), (1900...2100).contains(d.year) else {
                    throw ImportError(at + ".dateOfBirth") { $0.importBirthDate(Echo.show(text)) }
                }
                born = d
            }
            var language: String?
            if let text = try r.string(a, "language", at: at, required: false) {
                guard let l = Language.parse(text), l.rawValue == text.lowercased() else {
                    throw ImportError(at + ".language") {
                        $0.importLanguage(Echo.show(text, limit: 20), Language.allCases.map(\.rawValue).joined(separator: ", "), Language.availableList)
                    }
                }
                language = l.rawValue
            }
            doc.accounts.append(
                AccountRecord(
                    id: id, role: role, name: try r.string(a, "name", at: at)!,
                    email: try r.string(a, "email", at: at, required: false),
                    phone: try r.string(a, "phone", at: at, required: false),
                    aNumber: aNumber, dateOfBirth: born, language: language))
        }
        for (i, c) in try r.array(top, "cases").enumerated() {
            var at = "cases[\(i)]"
            try r.only(c, ["receipt", "form", "applicant", "applicantName", "representatives", "status", "addressChangedAt"], at: at)
            let receipt = try r.receipt(c, at: at)
            at += " (receipt \(receipt))"
            var reps: [String] = []
            if let rv = c["representatives"] {
                guard let list = rv as? [String] else { throw ImportError(at + ".representatives") { $0.importAccountList } }
                for (j, id) in list.enumerated() where !Identifier.isAccountID(id) {
                    throw ImportError(at + ".representatives[\(j)]") { $0.importAccountID(Echo.show(id)) }
                }
                reps = list
            }
            let status = try r.string(c, "status", at: at, required: false) ?? "pending"
            guard CaseStatus(rawValue: status) != nil else {
                throw ImportError(at + ".status") { $0.importOneOf(CaseStatus.allCases.map(\.rawValue).joined(separator: ", "), status) }
            }
            let form = try r.string(c, "form", at: at)!.uppercased().trimmingCharacters(in: .whitespaces)
            guard form.range(of: #"^[A-Z]{1,2}-[0-9]{1,4}[A-Z]{0,2}$"#, options: .regularExpression) != nil else {
                throw ImportError(at + ".form") { $0.importForm(Echo.show(form)) }
            }
            let applicant = try r.string(c, "applicant", at: at, required: false)
            if let applicant, !Identifier.isAccountID(applicant) {
                throw ImportError(at + ".applicant") { $0.importAccountID(Echo.show(applicant)) }
            }
            let applicantName = try r.string(c, "applicantName", at: at, required: false)
            if applicant == nil && (applicantName ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ImportError(at + ".applicantName") { $0.importNeedsApplicant }
            }
            var changed: Date?
            if let text = try r.string(c, "addressChangedAt", at: at, required: false) {
                guard let d = Timestamp.parse(text) else {
                    throw ImportError(at + ".addressChangedAt") { $0.importInstant(Timestamp.grammar, Echo.show(text)) }
                }
                changed = d
            }
            doc.cases.append(
                CaseRecord(
                    receipt: receipt, form: form, applicant: applicant, applicantName: applicantName,
                    representatives: reps, status: status, addressChangedAt: changed))
        }
        for (i, a) in try r.array(top, "appointments").enumerated() {
            var at = "appointments[\(i)]"
            try r.only(a, ["receipt", "center", "start", "status", "priorReschedules"], at: at)
            let receipt = try r.receipt(a, at: at)
            at += " (receipt \(receipt))"
            let start = try r.string(a, "start", at: at)!
            guard LocalDateTime(iso: start) != nil else { throw ImportError(at + ".start") { $0.importLocalTime(start) } }
            let status = try r.string(a, "status", at: at, required: false) ?? "scheduled"
            guard AppointmentStatus(rawValue: status) != nil else {
                throw ImportError(at + ".status") { $0.importOneOf(AppointmentStatus.allCases.map(\.rawValue).joined(separator: ", "), status) }
            }
            doc.appointments.append(
                AppointmentRecord(
                    receipt: receipt, center: (try r.string(a, "center", at: at)!).uppercased(), start: start,
                    status: status, priorReschedules: try r.int(a, "priorReschedules", at: at, required: false, range: 0...99) ?? 0))
        }
        return doc
    }

    private struct Reader {
        func only(_ obj: [String: Any], _ keys: Set<String>, at: String) throws(ImportError) {
            if let extra = obj.keys.sorted().first(where: { !keys.contains($0) }) {
                throw ImportError(at.isEmpty ? extra : "\(at).\(extra)") { $0.importUnknownField(keys.sorted().joined(separator: ", ")) }
            }
        }
        func array(_ top: [String: Any], _ key: String) throws(ImportError) -> [[String: Any]] {
            guard let v = top[key] else { return [] }
            guard let list = v as? [Any] else { throw ImportError(key) { $0.importListOfObjects } }
            var out: [[String: Any]] = []
            for (i, e) in list.enumerated() {
                guard let o = e as? [String: Any] else { throw ImportError("\(key)[\(i)]") { $0.importExpectedObject } }
                out.append(o)
            }
            return out
        }
        /// The longest text field taken (names, addresses, e-mail): longer ones are refused.
        static let maxText = 500

        func string(_ o: [String: Any], _ k: String, at: String, required: Bool = true, allowEmpty: Bool = false) throws(ImportError) -> String? {
            guard let v = o[k], !(v is NSNull) else {
                if required { throw ImportError("\(at).\(k)") { $0.importMissingString } }
                return nil
            }
            guard let s = v as? String else { throw ImportError("\(at).\(k)") { $0.importExpectedString(Echo.show("\(v)")) } }
            if !allowEmpty && s.trimmingCharacters(in: .whitespaces).isEmpty { throw ImportError("\(at).\(k)") { $0.importEmpty } }
            if Echo.hasControlCharacters(s) {
                throw ImportError("\(at).\(k)") { $0.importControl(Echo.show(s)) }
            }
            if s.count > Reader.maxText { throw ImportError("\(at).\(k)") { $0.importTooLong(s.count, Reader.maxText) } }
            // Counted as Unicode scalars too: one letter with 300,000 combining marks is one
            // Character to Swift, and a screen full of nothing to a person.
            let scalars = s.unicodeScalars.count
            if scalars > Reader.maxText { throw ImportError("\(at).\(k)") { $0.importTooManyMarks(scalars, Reader.maxText) } }
            return s
        }
        func int(_ o: [String: Any], _ k: String, at: String, required: Bool = true, range: ClosedRange<Int>) throws(ImportError) -> Int? {
            guard let v = o[k], !(v is NSNull) else {
                if required { throw ImportError("\(at).\(k)") { $0.importMissingNumber(range.lowerBound, range.upperBound) } }
                return nil
            }
            guard let n = v as? NSNumber, n.doubleValue == n.doubleValue.rounded(), Double(range.lowerBound) <= n.doubleValue,
                n.doubleValue <= Double(range.upperBound)
            else {
                throw ImportError("\(at).\(k)") { $0.importNumber(range.lowerBound, range.upperBound, Echo.show("\(v)")) }
            }
            return n.intValue
        }
        func receipt(_ o: [String: Any], at: String) throws(ImportError) -> String {
            let raw = try string(o, "receipt", at: at)!
            do { return try ReceiptNumber(parsing: raw).value } catch { throw ImportError("\(at).receipt") { error.message(in: $0.language) } }
        }
    }
}
