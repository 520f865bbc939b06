/// What an effect in flight is doing, as the state remembers it: set by `App.update` when it asks
/// for an effect, cleared when the effect's answer comes back as an event.
public enum Work: String, Sendable, Hashable {
    case cases, caseFile, callers, bookings, centers, submit, reviews, review, notice, keys
    /// The waiting list: reading the case's part of it, and asking, withdrawing or answering an offer.
    case waitlist, waitlistWrite
    /// Training sandbox only: the clock moved, the store reset.
    case training

    /// Work that writes to the store: the screen says it waits for the store.
    public var writes: Bool { self == .submit || self == .review || self == .waitlistWrite }
}

extension Effect {
    /// The work this effect starts; nil for `quit`, which ends the program.
    var work: Work? {
        switch self {
        case .loadCases: .cases
        case .loadCase: .caseFile
        case .findCallers: .callers
        case .loadBookings: .bookings
        case .loadCenters: .centers
        case .submit: .submit
        case .loadReviews: .reviews
        case .review: .review
        case .saveNotice: .notice
        case .training: .training
        case .keys: .keys
        case .waitlist(.load): .waitlist
        case .waitlist: .waitlistWrite
        case .quit: nil
        }
    }
}

extension Event {
    /// The work this event answers; nil for input, time and messages.
    var answers: Work? {
        switch self {
        case .casesLoaded: .cases
        case .caseLoaded: .caseFile
        case .callersFound: .callers
        case .bookingsLoaded: .bookings
        case .centersLoaded: .centers
        case .submitted: .submit
        case .reviewsLoaded: .reviews
        case .reviewed: .review
        case .noticeSaved, .noticeFileExists: .notice
        case .keys: .keys
        case .waitlist(.loaded): .waitlist
        case .waitlist: .waitlistWrite
        case .training(.clockSet), .training(.sandboxReset), .training(.log): .training
        case .key, .click, .resize, .tick, .notice, .idle, .language, .training(.command): nil
        }
    }
}
