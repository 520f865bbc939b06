import Foundation

// biosched-bench: benchmarks that print figures (they assert nothing and are not tests).
//   biosched-bench store [options]   the store benchmark (README, "Benchmarks"); with --db postgresql://... on PostgreSQL
//   biosched-bench store-worker ...  one reschedule worker process of the store benchmark (internal)
//   biosched-bench store-script      prints the pgbench script of the raw PostgreSQL floor
//   biosched-bench terminal [options] the terminal benchmark: biosched tui and calcurse on a 120x40 pty
//   biosched-bench rebook [options]   a storm closes busy centers; every appointment rebooked by the agency
//   biosched-bench idle [options]     N idle biosched tui sessions on ptys: CPU time and wake-ups
//   biosched-bench offers [options]   the waiting list: freeing commit to offer in the outbox, p50/p99
//   biosched-bench keys [options]     sshd's AuthorizedKeysCommand at every login: p50/p99 of the lookup

let arguments = CommandLine.arguments
let usage = """
    usage: biosched-bench store [--appointments N] [--iterations N] [--single N] [--workers N] [--per-worker N] [--cache DIR] [--keep]
           biosched-bench store --db postgresql://USER@HOST:PORT/DB [--appointments N] [--processes 1,16,64] [--per-process N] [--keep]
           biosched-bench store-worker STORE PLAN FROM COUNT NOW_EPOCH TAG   (started by `store`)
           biosched-bench store-script   (the raw PostgreSQL floor's pgbench script, as `store --db` runs it)
           biosched-bench terminal [--biosched PATH] [--calcurse PATH | --no-calcurse] [--launches N] [--keys N] [--explain]
           biosched-bench rebook [--centers N] [--per-day N]
           biosched-bench idle [--biosched PATH] [--sessions N] [--settle S] [--seconds S] [--calendar]
           biosched-bench keys [--runs N] [--store PATH] [--fast PATH]
           biosched-bench offers [--centers N] [--waiting N] [--freed N] [--db postgresql://...]
    """
do {
    switch arguments.count > 1 ? arguments[1] : "" {
    case "store": try StoreBenchmark.run(Array(arguments.dropFirst(2)))
    case "store-worker": try StoreBenchmark.worker(Array(arguments.dropFirst(2)))
    case "store-script":
        #if PostgreSQL
        print(PGBenchScript.text, terminator: "")
        #else
        throw BenchFailure("this biosched-bench was built without the PostgreSQL store (--disable-default-traits)")
        #endif
    case "terminal": try TerminalBenchmark.run(Array(arguments.dropFirst(2)))
    case "rebook": try RebookBenchmark.run(Array(arguments.dropFirst(2)))
    case "idle": try IdleBenchmark.run(Array(arguments.dropFirst(2)))
    case "keys": try KeyLookupBenchmark.run(Array(arguments.dropFirst(2)))
    case "offers": try OffersBenchmark.run(Array(arguments.dropFirst(2)))
    default:
        try? FileHandle.standardError.write(contentsOf: Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    try? FileHandle.standardError.write(contentsOf: Data("biosched-bench: \(error)\n".utf8))
    exit(1)
}
