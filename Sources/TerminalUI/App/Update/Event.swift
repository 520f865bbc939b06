import Foundation
import Scheduling

/// Something that happened: input, time, or the answer to an effect.
public enum Event: Sendable {
    case key(Key)
    case click(ClickTarget)
    case resize(Size)
    case tick(Date)
    case casesLoaded(Result<[CaseSummary], StoreError>)
    case caseLoaded(Result<CaseSnapshot, StoreError>)
    case callersFound(text: String, Result<CallerSearchResult, StoreError>)
    case bookingsLoaded(center: String, Result<[Date: Int], StoreError>)
    case centersLoaded(Result<[Center], StoreError>)
    case submitted(Result<RescheduleOutcome, StoreError>)
    case reviewsLoaded(Result<[ReviewItem], StoreError>)
    case reviewed(Result<RescheduleOutcome, StoreError>)
    case noticeSaved(path: String, error: Localized?)
    /// The file named for the notice exists: replacing it needs a confirmation.
    case noticeFileExists(path: String)
    /// No input for a while: the session ends in this many seconds (nil: input came, it stays).
    case idle(secondsLeft: Int?)
    /// A message from outside the update loop (idle warning, theme errors) for the status pane.
    case notice(Message.Level, String)
    /// Training sandbox only: the trainer's commands and the runner's answers (Training/).
    case training(TrainingEvent)
    /// The SSH keys screen's answers.
    case keys(KeysEvent)
    /// The waiting list's answers.
    case waitlist(WaitlistEvent)
    /// Sets the screen's (and the notice's) language, as F4 cycles it; a flow's `lang` step.
    case language(Language)
}
