import Foundation
import Testing

@testable import Scheduling

@Suite("Find ranks whole-word matches first")
struct FindRankingTests {
    func match(_ name: String, _ r: String) -> CallerMatch {
        CallerMatch(receipt: Fx.receipt(r), name: name, dateOfBirth: nil, form: "I-485", next: nil, centerTimeZone: nil)
    }

    @Test("william li: the William Lis before Linda Williams and Lionel Williamson; the stores' order kept within each group")
    func wholeWordsFirst() throws {
        var result = CallerSearchResult(
            query: try CallerQuery.parse("william li"),
            matches: [
                match("Linda Williams", "EAC2414052317"), match("William Li", "WAC2390112345"),
                match("Lionel Williamson", "LIN2501234567"), match("Li William Chen", "IOE0923456781")
            ], more: false)
        result.rankWholeWords()
        #expect(result.matches.map(\.name) == ["William Li", "Li William Chen", "Linda Williams", "Lionel Williamson"])
    }

    @Test("A search that is not by name keeps the stores' order")
    func otherQueriesUntouched() throws {
        var result = CallerSearchResult(
            query: try CallerQuery.parse("EAC2414052317"), matches: [match("B", "EAC2414052317"), match("A", "WAC2390112345")], more: false)
        result.rankWholeWords()
        #expect(result.matches.map(\.name) == ["B", "A"])
    }
}

@Suite("Find's hint is true to what was typed")
struct FindHintTests {
    @Test("More than the limit: a first name and a date of birth are asked for only when missing, in both languages")
    func narrowHint() throws {
        let en = Catalog(.en), es = Catalog(.es)
        #expect(en.narrowHint(try CallerQuery.parse("garcia")) == "Add a first name or a date of birth.")
        #expect(en.narrowHint(try CallerQuery.parse("garcia maria")) == "Add a date of birth.")
        #expect(en.narrowHint(try CallerQuery.parse("garcia 1985-03-14")) == "Add a first name.")
        #expect(!en.narrowHint(try CallerQuery.parse("garcia maria 1985-03-14")).contains("Add a"))
        #expect(es.narrowHint(try CallerQuery.parse("garcia maria")) == "Agregue una fecha de nacimiento.")
        // The find screen's line with it (`searchMore`): TerminalUITests' CatalogScreensTests.
    }
}
