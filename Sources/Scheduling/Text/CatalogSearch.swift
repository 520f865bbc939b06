import Foundation

/// The caller search's words: why a search text is refused (`CallerQuery`, in the domain) and how to
/// narrow a search with too many matches (the find screen and plain mode say it).
extension Catalog {
    public var searchShape: String {
        tr(
            en:
                "a receipt (EAC2414052317), an A-number (A123456789), a name or surname (Garcia), a name with a date of birth (Garcia 1985-03-14), a phone or an email",
            es:
                "un recibo (EAC2414052317), un número A (A123456789), un nombre o apellido (Garcia), un nombre con fecha de nacimiento (Garcia 1985-03-14), un teléfono o un correo"
        )
    }

    public var searchTypeShape: String { tr(en: "Type \(searchShape).", es: "Escriba \(searchShape).") }

    public func searchTooLong(_ n: Int, _ max: Int) -> String {
        tr(
            en: "That is \(n) characters; a search is at most \(max). Type \(searchShape).",
            es: "Son \(n) caracteres; una búsqueda tiene como máximo \(max). Escriba \(searchShape).")
    }

    public var searchControl: String {
        tr(en: "The search holds control characters. Type \(searchShape).", es: "La búsqueda tiene caracteres de control. Escriba \(searchShape).")
    }

    public func searchNotEmail(_ text: String) -> String {
        tr(en: "\"\(text)\" is not an email address; expected name@example.org.", es: "«\(text)» no es una dirección de correo; se espera nombre@example.org.")
    }

    public func searchDateNeedsName(_ date: String) -> String {
        tr(
            en: "A date of birth needs a name with it, e.g. \"Garcia \(date)\".",
            es: "Una fecha de nacimiento necesita un nombre, por ejemplo «Garcia \(date)».")
    }

    public func searchDigits(_ text: String, _ n: Int) -> String {
        tr(
            en:
                "\"\(text)\" has \(n) digits; a phone number has 10 (with the area code), a receipt three letters and ten digits, an A-number an A and 8 or 9 digits.",
            es:
                "«\(text)» tiene \(n) dígitos; un teléfono tiene 10 (con el código de área), un recibo tres letras y diez dígitos, un número A una A y 8 o 9 dígitos."
        )
    }

    public func searchNotDate(_ token: String) -> String {
        tr(
            en: "\"\(token)\" is not a date of birth; write it 1985-03-14 or 03/14/1985, next to a name.",
            es: "«\(token)» no es una fecha de nacimiento; escríbala 1985-03-14 o 03/14/1985, junto a un nombre.")
    }

    public var searchOneDate: String { tr(en: "Give one date of birth, with a name.", es: "Indique una sola fecha de nacimiento, con un nombre.") }

    public var searchTooManyWords: String {
        tr(en: "At most 6 name words; type a surname and a first name.", es: "Como máximo 6 palabras; escriba un apellido y un nombre.")
    }

    public var searchTwoLetters: String { tr(en: "Type at least two letters of a name.", es: "Escriba al menos dos letras de un nombre.") }

    public var aNumberShape: String {
        tr(
            en: "A and 8 or 9 digits, e.g. A123456789 (spaces and dashes are ignored)",
            es: "una A y 8 o 9 dígitos, por ejemplo A123456789 (los espacios y guiones no cuentan)")
    }

    public func notANumber(_ text: String) -> String {
        tr(en: "\"\(text)\" is not an A-number; expected \(aNumberShape).", es: "«\(text)» no es un número A; debe ser \(aNumberShape).")
    }

    /// What would narrow a search, true to what was typed: a first name and a date of birth are
    /// asked for only when missing.
    public func narrowHint(_ query: CallerQuery?) -> String {
        guard case let .name(words, dob)? = query else {
            return tr(en: "Add a first name or a date of birth.", es: "Agregue un nombre o una fecha de nacimiento.")
        }
        switch (words.count > 1, dob != nil) {
        case (false, false): return tr(en: "Add a first name or a date of birth.", es: "Agregue un nombre o una fecha de nacimiento.")
        case (true, false): return tr(en: "Add a date of birth.", es: "Agregue una fecha de nacimiento.")
        case (false, true): return tr(en: "Add a first name.", es: "Agregue un nombre.")
        case (true, true):
            return tr(
                en: "Check the spelling with the caller, or search by receipt, A-number, phone or email.",
                es: "Revise la ortografía con la persona, o busque por recibo, número A, teléfono o correo.")
        }
    }
}
