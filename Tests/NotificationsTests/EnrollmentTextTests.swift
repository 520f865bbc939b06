import Foundation
import Scheduling
import Testing

@testable import Notifications

/// The notifications' enrollment texts (`Sources/Notifications/Text`), checked as SchedulingTests'
/// `EnrollmentDoorTests.texts` checked them when they were in `Sources/Scheduling/Text` (issue 25).
@Suite("Enrollment texts of the mail and the SMS")
struct EnrollmentTextTests {
    @Test(
        "The mail and the SMS with a code say the command with the host set; the mail says the account and the agency's host when none is set, the SMS no command (en, es)"
    )
    func texts() {
        let set = EnrollmentDoor(user: "enroll", host: "gw.uscis.example:2222")
        let unset = EnrollmentDoor()
        for (l, vague) in [
            (Language.en, "ssh biosched@ followed by the agency's SSH host name"), (.es, "ssh biosched@ seguido del nombre del servidor SSH de la agencia")
        ] {
            let t = Catalog(l)
            for text in [t.mailEnrollmentHow(set), t.smsEnrollment("ABCD-EFGH-JK23", set)] {
                #expect(text.contains("ssh -p 2222 enroll@gw.uscis.example"), "\(l): \(text)")
            }
            #expect(t.mailEnrollmentHow(unset).contains(vague), "\(l): \(t.mailEnrollmentHow(unset))")
            #expect(!t.smsEnrollment("ABCD-EFGH-JK23", unset).contains("ssh"), "an SMS names no command without a host")
        }
    }
}
