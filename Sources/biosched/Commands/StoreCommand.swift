import ArgumentParser
import Foundation
import Scheduling
import SchedulingStore

#if PostgreSQL
import PostgresStore
#endif

/// `biosched store copy`: moves a store between SQLite and PostgreSQL.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Move a store between SQLite and PostgreSQL.",
        subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract:
                "Copy every table (the audit log included) from a SQLite file into an empty PostgreSQL database, or back into a new file; one transaction, counts verified."
        )
        @Option(help: ArgumentHelp("The store to copy: a SQLite file or a postgresql:// URL.", valueName: "path|url")) var from: String
        @Option(
            help: ArgumentHelp("Where to: an empty PostgreSQL database (postgresql://...), or a SQLite file that does not exist yet.", valueName: "url|path"))
        var to: String
        @Flag(help: "Print JSON (camelCase keys).") var json = false
        @OptionGroup var languageOption: LanguageOption

        func run() throws {
            let t = languageOption.t
            for (flag, v) in [("--from", from), ("--to", to)] where v.isEmpty || Echo.hasControlCharacters(v) {
                throw Failure(.badInput, t.notAStore(flag, Echo.show(v)))
            }
            #if PostgreSQL
            let report: StoreCopy.Report
            do {
                switch (StoreBackends.isPostgres(from), StoreBackends.isPostgres(to)) {
                case (false, true): report = try StoreCopy.sqliteToPostgres(from: from, to: try PostgresLocation.parse(to))
                case (true, false): report = try StoreCopy.postgresToSQLite(from: try PostgresLocation.parse(from), to: to)
                default: throw Failure(.badInput, t.storeCopyDirections)
                }
            } catch let e as StoreError { throw Failure(storeError: e) }
            let total = report.counts.reduce(0) { $0 + $1.rows }
            let shown = [from, to].map { StoreBackends.isPostgres($0) ? StoreBackends.display($0) : $0 }
            if json {
                print(
                    JSONOutput.string([
                        "from": shown[0], "to": shown[1], "rows": total,
                        "tables": Dictionary(uniqueKeysWithValues: report.counts.map { ($0.table, $0.rows) })
                    ]))
            } else {
                print(t.storeCopied(total, shown[0], shown[1]))
                for c in report.counts { print("  \(c.table.padding(toLength: 20, withPad: " ", startingAt: 0)) \(c.rows)") }
            }
            #else
            throw Failure(storeError: StoreBackends.withoutPostgres)
            #endif
        }
    }
}
