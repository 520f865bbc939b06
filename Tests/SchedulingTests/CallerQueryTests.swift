import Foundation
import Scheduling
import Testing

@Suite("What an agent types to find a caller")
struct CallerQueryTests {
    @Test("Each kind of search is recognized and normalized")
    func kinds() throws {
        #expect(try CallerQuery.parse(" eac-24-140-52317 ") == .receipt(try ReceiptNumber(parsing: "EAC2414052317")))
        #expect(try CallerQuery.parse("A-123-456-789") == .aNumber(try ANumber(parsing: "A123456789")))
        #expect(try CallerQuery.parse("a 12345678") == .aNumber(try ANumber(parsing: "A012345678")))
        #expect(try CallerQuery.parse("Ana@Example.ORG") == .email("ana@example.org"))
        #expect(try CallerQuery.parse("(617) 555-0142") == .phone("6175550142"))
        #expect(try CallerQuery.parse("+1 617 555 0142") == .phone("6175550142"))
        #expect(try CallerQuery.parse("García-Núñez") == .name(words: ["garcia", "nunez"], dateOfBirth: nil))
        #expect(try CallerQuery.parse("O'Brien 3/4/1970") == .name(words: ["obrien"], dateOfBirth: LocalDate(year: 1970, month: 3, day: 4)))
        #expect(try CallerQuery.parse("1985-03-14 maria") == .name(words: ["maria"], dateOfBirth: LocalDate(iso: "1985-03-14")))
    }

    @Test("Bad input gets a message that says what was wrong and what is expected")
    func refusals() {
        func message(_ s: String) -> String {
            do {
                _ = try CallerQuery.parse(s)
                return ""
            } catch { return error.message }
        }
        #expect(message("").contains("a receipt (EAC2414052317), an A-number"))
        #expect(message("1985-03-14").contains("needs a name with it"))
        #expect(message("garcia 1985-02-30").contains("is not a date of birth"))
        #expect(message("garcia 1985-03-14 1990-01-01").contains("one date of birth"))
        #expect(message("555-0142").contains("a phone number has 10"))
        #expect(message("A1234").contains("is not an A-number"))
        #expect(message("maria@").contains("is not an email address"))
        #expect(message("x").contains("at least two letters"))
        #expect(message(String(repeating: "a", count: 101)).contains("at most 100"))
        #expect(message("garcia\u{1B}[2J").contains("control characters"))
        #expect(message("EAC241405231X").isEmpty == false)
    }

    @Test("Names fold accents, case and punctuation; words match from their start")
    func folding() {
        #expect(NameKey.fold("  María José GARCÍA-Núñez ") == "maria jose garcia nunez")
        #expect(NameKey.matches("maria jose garcia nunez", words: ["nun", "mar"]))
        #expect(!NameKey.matches("maria jose garcia nunez", words: ["arcia"]))
    }
}
