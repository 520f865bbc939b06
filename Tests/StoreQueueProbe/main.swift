import Foundation
import SchedulingStore

// store-queue-probe: one writer process for WriterQueueTests, driven line by line on stdin.
//   store-queue-probe STORE [TIMEOUT_SECONDS]
// prints READY, then for each line:
//   write NAME   one write transaction through the store (and its writers' queue) that adds NAME to
//                the table queue_probe; prints "DONE NAME", or "ERROR NAME <message>"
//   hold NAME    the same, but inside the transaction prints "HOLDING NAME" and waits for a line
//                on stdin before it commits
// and exits at the end of stdin.

func say(_ line: String) {
    try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
}

let args = CommandLine.arguments
guard args.count == 2 || args.count == 3, args.count == 2 || Double(args[2]) != nil else {
    say("usage: store-queue-probe STORE [TIMEOUT_SECONDS]")
    exit(2)
}
let store: SQLiteBookingStore
do {
    store = try SQLiteBookingStore(path: args[1], busyTimeout: args.count == 3 ? Double(args[2])! : SQLiteBookingStore.defaultBusyTimeout)
} catch {
    say("ERROR open \(error.message)")
    exit(1)
}
say("READY")
while let line = readLine() {
    let words = line.split(separator: " ").map(String.init)
    guard words.count == 2, words[0] == "write" || words[0] == "hold" else {
        say("ERROR \(line) not a command")
        continue
    }
    let name = words[1]
    do {
        try store.sqlWrite { db in
            try db.run(sql: "INSERT INTO queue_probe(name, pid) VALUES (?, ?)", arguments: [name, Int64(getpid())])
            if words[0] == "hold" {
                say("HOLDING \(name)")
                _ = readLine()
            }
        }
        say("DONE \(name)")
    } catch {
        say("ERROR \(name) \(error.message)")
    }
}
