import Foundation

/// A language biosched speaks. Adding one: a case here, then every `tr(...)` of the catalog needs
/// its text (the compiler lists each one); see docs/localization.md.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    case en, es

    /// The language's own name, for lists and messages.
    public var name: String {
        switch self {
        case .en: "English"
        case .es: "español"
        }
    }

    /// The next language, for the key that switches the screen's language.
    public var next: Language {
        let all = Language.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Reads `en`, `es`, `ES`, `es_US`, `es-MX`, `es_US.UTF-8`, `en@euro`: the language part only.
    /// `nil` for anything biosched does not speak.
    public static func parse(_ text: String) -> Language? {
        var t = Substring(text.trimmingCharacters(in: .whitespaces))
        if let i = t.firstIndex(where: { $0 == "." || $0 == "@" }) { t = t[..<i] }
        if let i = t.firstIndex(where: { $0 == "_" || $0 == "-" }) { t = t[..<i] }
        return Language(rawValue: t.lowercased())
    }

    /// The codes biosched speaks, for messages: `en (English), es (español)`.
    public static var availableList: String {
        allCases.map { "\($0.rawValue) (\($0.name))" }.joined(separator: ", ")
    }

    /// The message for a language biosched does not speak (an option or a stored account field).
    public static func unknownMessage(_ given: String, what: String) -> String {
        "\(what) \"\(Echo.show(given, limit: 20))\" is not a language biosched speaks. Available: \(availableList)."
    }

    /// The language the environment asks for, read by hand (Foundation's `Locale.current` is fixed
    /// to `en_001` on Linux): the first language of `LANGUAGE` (a colon list such as `es:en`) that
    /// biosched speaks, else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set. `C`, `POSIX`
    /// and a language biosched does not speak give `nil` (the caller falls back to English).
    public static func fromEnvironment(_ env: [String: String]) -> Language? {
        if let list = env["LANGUAGE"], !list.isEmpty {
            for part in list.split(separator: ":") { if let l = parse(String(part)) { return l } }
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let v = env[name], !v.isEmpty else { continue }
            return parse(v)
        }
        return nil
    }
}

/// The catalog: every sentence a person reads, in every language, one property or function per
/// message with typed arguments. Each text is `tr(en: ..., es: ...)`, so a language left out does not
/// compile; `CatalogTests` checks that both texts of every message use the same placeholders.
public struct Catalog: Sendable, Hashable {
    public let language: Language
    public init(_ language: Language) { self.language = language }

    public static let en = Catalog(.en)

    /// One message in each language.
    @inline(__always)
    package func tr(en: @autoclosure () -> String, es: @autoclosure () -> String) -> String {
        switch language {
        case .en: en()
        case .es: es()
        }
    }

    /// A count with its noun: `1 cita`, `5 citas`, `0 citas` (Spanish and English both use the
    /// plural for zero).
    package func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }
}

/// A text kept in every language, for values that are stored and shown later (a verdict's message).
public struct Localized: Hashable, Sendable, Codable {
    public var texts: [String: String]
    public init(_ make: (Catalog) -> String) {
        var t: [String: String] = [:]
        for l in Language.allCases { t[l.rawValue] = make(Catalog(l)) }
        texts = t
    }
    public func callAsFunction(_ l: Language) -> String? { texts[l.rawValue] }
    public var english: String { texts[Language.en.rawValue] ?? "" }
}
