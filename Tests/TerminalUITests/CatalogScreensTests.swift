import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// The terminal UI's own messages (`Sources/TerminalUI/Text`), checked as SchedulingTests'
/// `CatalogTests` checked them when they were in `Sources/Scheduling/Text` (issue 25). Every
/// message's placeholders in both languages are still checked there, over every `Text` folder.
@Suite("Message catalog: the terminal UI's messages")
struct CatalogScreensTests {
    @Test("Every key label and role reads differently in each language and is never empty")
    func everyKeyBothLanguages() {
        let en = Catalog(.en), es = Catalog(.es)
        for k in KeyLabel.allCases {
            #expect(!en.key(k).isEmpty && !es.key(k).isEmpty, "\(k)")
            if k != .no { #expect(en.key(k) != es.key(k), "\(k) is not translated") }
        }
        for r in Role.allCases { #expect(en.role(r) != es.role(r) || r == .representative && es.role(r) == "Representante") }
    }

    @Test("Plurals: 1 cita, 5 citas, 0 citas; 1 appointment, 5 appointments")
    func plurals() {
        let es = Catalog(.es), en = Catalog(.en)
        #expect(es.appointmentsCount(1) == "1 cita")
        #expect(es.appointmentsCount(5) == "5 citas")
        #expect(es.appointmentsCount(0) == "0 citas")
        #expect(en.appointmentsCount(1) == "1 appointment")
        #expect(en.appointmentsCount(5) == "5 appointments")
        #expect(es.reviewQueueTitle(1) == "Revisiones: 1 solicitud enviada")
        #expect(es.reviewQueueTitle(3) == "Revisiones: 3 solicitudes enviadas")
        #expect(en.reviewQueueTitle(1) == "Review queue: 1 escalated request")
        #expect(es.keysRevoked(1).hasPrefix("1 llave revocada"))
        #expect(es.keysRevoked(2).hasPrefix("2 llaves revocadas"))
        #expect(es.timesFree(1) == "1 hora libre")
        #expect(es.timesFree(17) == "17 horas libres")
    }

    @Test("The keys screen's enrollment line says the command with the host set, or the account and the agency's host when none is set (en, es)")
    func enrollmentOnce() {
        let set = EnrollmentDoor(user: "enroll", host: "gw.uscis.example:2222")
        let unset = EnrollmentDoor()
        for (l, vague) in [
            (Language.en, "ssh biosched@ followed by the agency's SSH host name"), (.es, "ssh biosched@ seguido del nombre del servidor SSH de la agencia")
        ] {
            let t = Catalog(l)
            #expect(t.enrollmentOnce(set).contains("ssh -p 2222 enroll@gw.uscis.example"), "\(l): \(t.enrollmentOnce(set))")
            #expect(t.enrollmentOnce(unset).contains(vague), "\(l): \(t.enrollmentOnce(unset))")
        }
    }

    @Test("More than the limit: the find screen's line asks for what is missing (a date of birth)")
    func searchMore() throws {
        let en = Catalog(.en)
        #expect(en.searchMore(20, "garcia maria", try CallerQuery.parse("garcia maria")).hasSuffix("are listed. Add a date of birth."))
    }
}
