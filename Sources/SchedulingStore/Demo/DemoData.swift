import Foundation
import Scheduling

/// Realistic, fictitious demo data: about 140 centers in every US zone, tens of thousands of cases,
/// and a set of story cases, one per situation of the rules, placed relative to `now`.
///
/// Deterministic: the same seed and `now` give the same document. Nothing here reads a clock or a
/// system random source; the stories depend on `now` only, the rest also on the seed.
public enum DemoData {
    /// Receipts of the story cases whose start may fall off the center's slot grid (they are placed
    /// at an exact distance from `now`): the 12-hours, 11-hours and passed-an-hour-ago stories.
    public static let offGridReceipts: Set<String> = [Story.twelveHours, Story.elevenHours, Story.passed]

    /// The demo document: centers, accounts, cases and appointments, with the story cases first.
    public static func document(seed: UInt64, now: Date, caseCount: Int = 50_000) -> ImportDocument {
        var g = Generator(seed: seed, now: now)
        return g.build(caseCount: caseCount)
    }

    /// The same document in parts, as they are made (`Generator.build(caseCount:partSize:part:)`):
    /// the first part holds the settings, the centers and the story cases; put together in order,
    /// the parts are `document(seed:now:caseCount:)`.
    static func parts(seed: UInt64, now: Date, caseCount: Int = 50_000, partSize: Int, _ part: (ImportDocument) -> Void) {
        var g = Generator(seed: seed, now: now)
        g.build(caseCount: caseCount, partSize: partSize, part: part)
    }

    /// The story cases' receipts and titles, in the order of `stories`: cheap (nothing is placed), for
    /// a list a trainer picks from.
    public static func storyHeadlines(_ language: Language = .en) -> [(receipt: String, title: String)] {
        Story.headlines(Catalog(language))
    }

    /// The story cases, one for each situation of the rules, with fixed receipts.
    public static func stories(now: Date, _ language: Language = .en) -> [StoryCase] {
        let sites = Sites.make(now: now)
        var ledger = Ledger(sites: sites)
        return StoryPlan.make(now: now, sites: sites, ledger: &ledger, Catalog(language)).entries.compactMap(\.story)
    }
}
