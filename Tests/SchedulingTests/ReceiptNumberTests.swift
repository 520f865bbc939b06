import Foundation
import Testing

@testable import Scheduling

@Suite("R15 receipt numbers")
struct ReceiptNumberTests {
    static func error(_ input: String) -> ReceiptNumberError? {
        do {
            _ = try ReceiptNumber(parsing: input)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "R15 input is normalized: upper case, spaces and dashes removed",
        arguments: [
            ("eac-24-140-52317", "EAC2414052317"), ("EAC 241 405 2317", "EAC2414052317"),
            (" eac2414052317 ", "EAC2414052317"), ("Ioe-0923456781", "IOE0923456781"),
            ("wac - 23 - 901 - 12345", "WAC2390112345")
        ])
    func r15_normalized(_ input: String, _ expected: String) throws {
        let r = try ReceiptNumber(parsing: input)
        #expect(r.value == expected)
        #expect(r.description == expected)
        #expect(r.prefix == String(expected.prefix(3)))
    }

    @Test(
        "R15 the realistic receipts parse with known prefixes",
        arguments: [
            "IOE0923456781", "EAC2414052317", "WAC2390112345", "LIN2501234567",
            "SRC2418854321", "NBC2412345678", "MSC2491234567", "YSC2400012345"
        ])
    func r15_realistic(_ s: String) throws {
        let r = try ReceiptNumber(parsing: s)
        #expect(r.value == s)
        #expect(r.hasKnownPrefix)
    }

    @Test("R15 every published prefix is known")
    func r15_knownPrefixes() {
        #expect(ReceiptNumber.knownPrefixes == ["EAC", "VSC", "WAC", "CSC", "LIN", "NSC", "SRC", "TSC", "MSC", "NBC", "IOE", "YSC"])
    }

    @Test(
        "R15 wrong length is INVALID_RECEIPT with the expected shape",
        arguments: [("EAC241405231", 12), ("EAC24140523177", 14), ("eac-24-140-5231", 12), ("E", 1)])
    func r15_wrongLength(_ input: String, _ count: Int) {
        let e = Self.error(input)
        #expect(e == .wrongLength(normalized: ReceiptNumber.normalize(input), count: count))
        #expect(e?.code == .invalidReceipt)
        #expect(e?.message.contains("has \(count) characters") == true)
        #expect(e?.message.contains(ReceiptNumber.expectedShape) == true)
        #expect(e?.message.contains("three letters and ten digits") == true)
    }

    @Test("R15 bad characters are INVALID_RECEIPT naming the position, with the expected shape")
    func r15_badCharacters() {
        let digitInPrefix = Self.error("EA12414052317")
        #expect(digitInPrefix == .badCharacter(normalized: "EA12414052317", position: 3, expected: "a letter"))
        let letterInDigits = Self.error("EAC24140523I7")
        #expect(letterInDigits == .badCharacter(normalized: "EAC24140523I7", position: 12, expected: "a digit"))
        let letterO = Self.error("eac-24-14O-52317")
        #expect(letterO == .badCharacter(normalized: "EAC2414O52317", position: 8, expected: "a digit"))
        let punctuation = Self.error("EAC.241405231")
        #expect(punctuation == .badCharacter(normalized: "EAC.241405231", position: 4, expected: "a digit"))
        let accented = Self.error("ÉAC2414052317")
        #expect(accented?.code == .invalidReceipt)
        for e in [digitInPrefix, letterInDigits, letterO, punctuation, accented] {
            #expect(e?.message.contains(ReceiptNumber.expectedShape) == true)
        }
        #expect(letterInDigits?.message.contains("position 12: expected a digit") == true)
    }

    @Test("R15 empty input is INVALID_RECEIPT with the expected shape", arguments: ["", "   ", "- -"])
    func r15_empty(_ input: String) {
        let e = Self.error(input)
        #expect(e == .empty)
        #expect(e?.message.contains(ReceiptNumber.expectedShape) == true)
    }

    @Test("R15 an unknown prefix is a warning, not a refusal")
    func r15_unknownPrefix() throws {
        let r = try ReceiptNumber(parsing: "abc-24-140-52317")
        #expect(r.value == "ABC2414052317")
        #expect(!r.hasKnownPrefix)
        let flags = CaseFlags.flags(
            appointment: Fx.appointment(receipt: "ABC2414052317"),
            caseFile: Fx.caseFile(receipt: "ABC2414052317"), lastRequestAt: nil,
            now: Fx.iso("2026-06-10T10:00:00-04:00"))
        #expect(flags == [.unknownPrefix])
        // The policy does not refuse it.
        let v = ReschedulePolicy.evaluate(
            RescheduleContext(
                actor: Fx.applicant, caseFile: Fx.caseFile(receipt: "ABC2414052317"),
                appointment: Fx.appointment(receipt: "ABC2414052317"), goodCause: GoodCause(reason: .travel),
                now: Fx.iso("2026-06-10T10:00:00-04:00")))
        #expect(v.decision == .allowed)
        #expect(v.codes == [])
    }

    @Test("R15 a known prefix raises no UNKNOWN_PREFIX flag")
    func r15_knownPrefixNoFlag() {
        let flags = CaseFlags.flags(
            appointment: Fx.appointment(), caseFile: Fx.caseFile(), lastRequestAt: nil,
            now: Fx.iso("2026-06-10T10:00:00-04:00"))
        #expect(!flags.contains(.unknownPrefix))
    }

    @Test("R15 decoding validates and normalizes; encoding writes the normalized form")
    func r15_codable() throws {
        let r = try JSONDecoder().decode([ReceiptNumber].self, from: Data(#"["eac-24-140-52317"]"#.utf8))
        #expect(r.map(\.value) == ["EAC2414052317"])
        #expect(String(decoding: try JSONEncoder().encode(r), as: UTF8.self) == #"["EAC2414052317"]"#)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ReceiptNumber].self, from: Data(#"["EAC-123"]"#.utf8))
        }
    }
}
