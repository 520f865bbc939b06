import Foundation
import Testing

@testable import Notifications

@Suite("Retries: 1 min, 5 min, 30 min, then failed")
struct RetryScheduleTests {
    @Test("The three delays after tries 1-3; nothing after the fourth")
    func schedule() {
        let r = RetrySchedule.standard
        #expect(r.maxAttempts == 4)
        #expect(r.nextAttempt(after: 1, now: NFx.now) == NFx.now.addingTimeInterval(60))
        #expect(r.nextAttempt(after: 2, now: NFx.now) == NFx.now.addingTimeInterval(300))
        #expect(r.nextAttempt(after: 3, now: NFx.now) == NFx.now.addingTimeInterval(1800))
        #expect(r.nextAttempt(after: 4, now: NFx.now) == nil)
    }
}
