import Foundation

/// What an agent typed on the find screen to find a caller, understood: a receipt number, an
/// A-number, an email or phone number on the account, or a name (a surname, or part of a name:
/// each word starts a word of the name) optionally with a date of birth. A date of birth alone is
/// refused (too many people share one, and it is not enough to tell a caller from another).
public enum CallerQuery: Hashable, Sendable {
    case receipt(ReceiptNumber)
    case aNumber(ANumber)
    case email(String)
    /// The last 10 digits (a US number; a leading 1 or +1 dropped).
    case phone(String)
    /// Folded words (NameKey), each at least one letter; and a date of birth, if given.
    case name(words: [String], dateOfBirth: LocalDate?)

    public static let maxLength = 100
    /// What the field takes, said to a person (the find screen shows it; every refusal repeats it).
    public static var shape: String { Catalog.en.searchShape }

    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong, in every language.
        public var text: Localized
        public var message: String { text.english }
        /// INVALID_RECEIPT when the text was meant as a receipt number.
        public var code: VerdictCode?
        public init(_ text: Localized, code: VerdictCode? = nil) {
            self.text = text
            self.code = code
        }
        /// The message in `language`, headed by its code when it has one.
        public func message(in language: Language) -> String {
            let m = text(language) ?? message
            return code.map { "\($0.rawValue): \(m)" } ?? m
        }
    }

    /// Whether the text is meant as a receipt number (two or three letters, then a digit, then
    /// letters or digits): the find screen then checks it as a receipt while it is typed.
    public static func looksLikeReceipt(_ text: String) -> Bool {
        let u = Array(ReceiptNumber.normalize(text).unicodeScalars)
        guard u.count >= 3, u.allSatisfy({ $0.isASCII }) else { return false }
        let letters = u.prefix { ("A"..."Z").contains($0) }.count
        return (2...3).contains(letters) && u.count > letters && ("0"..."9").contains(u[letters])
            && u.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    /// The kind, for the audit log and the status line.
    public var kind: String {
        switch self {
        case .receipt: "receipt"
        case .aNumber: "A-number"
        case .email: "email"
        case .phone: "phone"
        case let .name(_, dob): dob == nil ? "name" : "name and date of birth" // not for a person: the JSON and audit value (Catalog.searchKind says it)
        }
    }

    public static func parse(_ raw: String) throws(Problem) -> CallerQuery {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw Problem(Localized { $0.searchTypeShape }) }
        guard text.count <= maxLength else { throw Problem(Localized { $0.searchTooLong(text.count, maxLength) }) }
        guard !Echo.hasControlCharacters(text) else { throw Problem(Localized { $0.searchControl }) }

        if looksLikeReceipt(text) {
            do { return .receipt(try ReceiptNumber(parsing: text)) } catch {
                throw Problem(Localized { error.message(in: $0.language) }, code: .invalidReceipt)
            }
        }
        if ANumber.looksLike(text) {
            do { return .aNumber(try ANumber(parsing: text)) } catch { throw Problem(Localized { $0.notANumber(Echo.show(text, limit: 40)) }) }
        }
        if text.contains("@") {
            let e = text.lowercased()
            let parts = e.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                e.count <= 100, !e.contains(" ")
            else {
                throw Problem(Localized { $0.searchNotEmail(Echo.show(text, limit: 60)) })
            }
            return .email(e)
        }
        if let d = Self.date(text) {
            throw Problem(Localized { $0.searchDateNeedsName(d.iso) })
        }
        if text.allSatisfy({ "0123456789+()-. ".contains($0) }) {
            var digits = text.filter(\.isNumber)
            if digits.count == 11 && digits.hasPrefix("1") { digits.removeFirst() }
            guard digits.count == 10 else {
                throw Problem(Localized { $0.searchDigits(Echo.show(text, limit: 40), text.filter(\.isNumber).count) })
            }
            return .phone(digits)
        }
        var words: [String] = [], date: LocalDate?
        for token in text.split(separator: " ") {
            if token.contains(where: \.isNumber) {
                guard let d = Self.date(String(token)) else {
                    throw Problem(Localized { $0.searchNotDate(Echo.show(String(token), limit: 40)) })
                }
                guard date == nil else { throw Problem(Localized { $0.searchOneDate }) }
                date = d
            } else {
                words += NameKey.fold(String(token)).split(separator: " ").map(String.init)
            }
        }
        guard !words.isEmpty else {
            throw Problem(Localized { date == nil ? $0.searchTypeShape : $0.searchDateNeedsName(date!.iso) })
        }
        guard words.count <= 6 else { throw Problem(Localized { $0.searchTooManyWords }) }
        guard words.joined().count >= 2 else { throw Problem(Localized { $0.searchTwoLetters }) }
        return .name(words: words, dateOfBirth: date)
    }

    /// 1985-03-14, 03/14/1985 or 3/14/1985: a real date between 1900 and 2100.
    static func date(_ s: String) -> LocalDate? {
        if let d = LocalDate(iso: s) { return (1900...2100).contains(d.year) ? d : nil }
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let m = Int(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), (1900...2100).contains(y)
        else { return nil }
        return LocalDate(year: y, month: m, day: d)
    }
}

/// One case a search found: enough to tell callers apart (name, date of birth, form, center, next
/// appointment) and nothing more. The receipt is what opening it uses; screens do not show it.
public struct CallerMatch: Hashable, Sendable {
    public var receipt: ReceiptNumber
    public var name: String
    public var dateOfBirth: LocalDate?
    public var form: String
    /// The scheduled appointment, if any: its center, start and the center's zone.
    public var next: Appointment?
    public var centerTimeZone: String?
    /// R17: the scheduled appointment's day is a closure of its center (set by
    /// `CallerSearchResult.markClosedDays`; the stores leave it false).
    public var centerClosed = false
    public init(receipt: ReceiptNumber, name: String, dateOfBirth: LocalDate?, form: String, next: Appointment?, centerTimeZone: String?) {
        self.receipt = receipt
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.form = form
        self.next = next
        self.centerTimeZone = centerTimeZone
    }
}

/// What a search returns: the matches (at most the limit asked for) and whether there were more.
public struct CallerSearchResult: Hashable, Sendable {
    public var query: CallerQuery
    public var matches: [CallerMatch]
    public var more: Bool
    public init(query: CallerQuery, matches: [CallerMatch], more: Bool) {
        self.query = query
        self.matches = matches
        self.more = more
    }
}
