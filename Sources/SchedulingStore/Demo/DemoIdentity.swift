import Foundation
import Scheduling

/// A demo applicant's A-number and date of birth, derived from the account id alone (its own
/// SplitMix64 stream), so adding them changed none of the other demo data.
enum DemoIdentity {
    static func of(_ id: String) -> (aNumber: String, dateOfBirth: LocalDate) {
        var seed: UInt64 = 0xB105_C4ED
        for b in id.utf8 { seed = (seed ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        var rng = SplitMix64(seed: seed)
        let number = 200_000_000 + rng.int(99_999_999)
        let year = 1940 + rng.int(66), month = 1 + rng.int(12)
        let day = 1 + rng.int(LocalDate.daysIn(month: month, year: year))
        return ("A\(number)", LocalDate(year: year, month: month, day: day)!)
    }
}
