import ArgumentParser
import Foundation
import Scheduling

struct Slots: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slots", abstract: "List the slots a center offers (R12), with free stations, in its local time.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The center's code (see `biosched centers`).") var center: String
    @Option(help: ArgumentHelp("First local date, YYYY-MM-DD (default: the first date in the booking window).", valueName: "date")) var from: String?
    @Option(help: "How many days from --from to list (default: to the end of the booking window).") var days: Int?
    @Option(help: "Stop after this many slots.") var limit: Int?

    func run() throws {
        let s = try Session.open(global)
        let c = try s.center(center)
        var fromDate: LocalDate?
        if let from {
            guard let d = LocalDate(iso: from) else { throw Failure(.badInput, s.t.badFrom(Echo.show(from))) }
            fromDate = d
        }
        if let days, days < 1 || days > 366 { throw Failure(.badInput, s.t.badDays(days)) }
        if days != nil && fromDate == nil { fromDate = SlotCalendar.candidateDates(of: c, now: s.now, window: s.info.window).lowerBound }
        let offered: [SlotAvailability]
        do { offered = try s.store.offeredSlots(center: c, now: s.now, from: fromDate, days: days, limit: limit ?? .max) } catch {
            throw Failure(storeError: error)
        }
        if s.json {
            s.sayJSON([
                "center": c.code, "centerName": c.name, "timeZone": c.zone.identifier,
                "slots": offered.map { Present.slotJSON($0, center: c) }
            ])
            return
        }
        let t = s.t
        var lines = [
            t.slotsHeading(c.name, c.code, c.fullAddress, c.zone.identifier),
            t.slotsWindow(t.dateTimeShort(s.info.window.earliest(after: s.now), c.zone), t.dateTimeShort(s.info.window.latest(after: s.now), c.zone))
        ]
        if offered.isEmpty { lines.append(t.noSlotOffered) }
        var lastDay: LocalDate?
        for o in offered {
            if o.slot.local.date != lastDay {
                lines.append(t.day(o.slot.local.date))
                lastDay = o.slot.local.date
            }
            lines.append("  \(o.slot.local.time.hhmm) \(c.zone.abbreviation(at: o.slot.start))  \(t.freeOf(o.free, o.slot.stations))")
        }
        s.say(lines.joined(separator: "\n"))
    }
}

struct Centers: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centers",
        abstract: "The Application Support Centers: list them, or close one for a day.",
        subcommands: [CentersList.self, CentersClose.self], defaultSubcommand: CentersList.self)
}

struct CentersList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the Application Support Centers (the default).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Show only centers whose code, name, city or state contains this text.") var filter: String?

    func run() throws {
        let s = try Session.open(global)
        var list: [Center]
        do { list = try s.store.centers() } catch { throw Failure(storeError: error) }
        if let f = filter?.lowercased(), !f.isEmpty {
            list = list.filter { "\($0.code) \($0.name) \($0.city) \($0.state)".lowercased().contains(f) }
        }
        if s.json {
            s.sayJSON([
                "centers": list.map { c -> [String: Any] in
                    [
                        "code": c.code, "name": c.name, "address": c.address, "city": c.city, "state": c.state, "timeZone": c.zone.identifier,
                        "slotMinutes": c.slotMinutes, "stations": c.stations,
                        "hours": Dictionary(uniqueKeysWithValues: c.hours.map { ($0.key.rawValue, $0.value.description) })
                    ]
                }
            ])
            return
        }
        s.say(
            list.map { c in
                let days = Weekday.allCases.compactMap { wd in c.hours[wd].map { "\(wd.shortName) \($0)" } }.joined(separator: ", ")
                return "\(c.code.padding(toLength: 6, withPad: " ", startingAt: 0)) \(c.name), \(c.city) \(c.state)  \(c.zone.identifier)  \(days)"
            }.joined(separator: "\n") + (list.isEmpty ? s.t.noCenterMatches : ""))
    }
}
