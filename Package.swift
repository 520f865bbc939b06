// swift-tools-version:6.1
import PackageDescription

/// The domain and the store are compiled optimized in debug builds too: a first `swift run biosched`
/// generates and loads the 50,000-case demo store, which takes several seconds unoptimized
/// (docs/benchmarks.md, "The first run"). Debugging them in lldb then shows optimized code.
var optimizedInDebug: [SwiftSetting] { [.unsafeFlags(["-O"], .when(configuration: .debug))] }

let package = Package(
    name: "biosched",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "biosched", targets: ["biosched"]),
        .executable(name: "biosched-bench", targets: ["biosched-bench"]),
        .executable(name: "biosched-authorized-keys", targets: ["biosched-authorized-keys"])
    ],
    // `swift build --disable-default-traits` builds and tests the SQLite side alone, without libpq.
    traits: [
        .trait(name: "PostgreSQL", description: "The PostgreSQL store (libpq: Debian's libpq-dev); without it biosched is SQLite only."),
        .default(enabledTraits: ["PostgreSQL"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // Pure domain: rules, slots, verdicts. No I/O, no clock, no dependency.
        .target(name: "Scheduling", swiftSettings: optimizedInDebug),
        // The SQLite store (GRDB over the system libsqlite3).
        .target(
            name: "SchedulingStore",
            dependencies: ["Scheduling", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: optimizedInDebug
        ),
        // libpq (Debian's libpq-dev for its header, libpq5 at run time), loaded with dlopen when a
        // PostgreSQL store is first used, not linked: a SQLite session never maps it.
        .target(name: "CLibPQLoader"),
        // The PostgreSQL store, on libpq through a small synchronous wrapper (PGDB).
        .target(
            name: "PostgresStore",
            dependencies: ["Scheduling", "SchedulingStore", "CLibPQLoader", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Notifications: the mailer (outbox → sendmail / SMS gateway), messages and .ics, pure builders.
        .target(name: "Notifications", dependencies: ["Scheduling"]),
        // OpenSSH's side of access: authorized_keys files and the forced commands in them, quoted for the shell.
        .target(name: "SSHAccess", dependencies: ["Scheduling"]),
        // The terminal UI: state, update, render to a cell grid. No curses here.
        .target(name: "TerminalUI", dependencies: ["Scheduling"]),
        // ncursesw for Swift: NCURSES_WIDECHAR, accessors for curses' globals and macros, signals.
        .target(name: "CNcursesw", linkerSettings: [.linkedLibrary("ncursesw")]),
        // The only code that knows about curses: presents a Screen, decodes keys, clicks, resizes.
        .target(name: "CursesScreen", dependencies: ["CNcursesw", "TerminalUI"]),
        // The command line: argument parsing and wiring.
        .executableTarget(
            name: "biosched",
            dependencies: [
                "Scheduling", "SchedulingStore", .target(name: "PostgresStore", condition: .when(traits: ["PostgreSQL"])),
                "TerminalUI", "CursesScreen", "CNcursesw", "Notifications", "SSHAccess",
                .product(name: "ArgumentParser", package: "swift-argument-parser")
            ],
            // A release biosched carries the Swift runtime and Foundation in itself: a start then
            // resolves no Swift library (a fifth of the first frame) and each session relocates less
            // (docs/benchmarks.md, "The first frame"). Debug builds and the tests link them as usual.
            // lld: gold warns at every such link about static Foundation's use of mktemp.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld"], .when(configuration: .release))]
        ),
        // sshd's AuthorizedKeysCommand at every login: the fast path of `access authorized-keys`
        // on the SQLite C API alone (a Swift process takes 13 ms to start); hands every other case to biosched.
        .executableTarget(
            name: "biosched-authorized-keys",
            path: "Sources/AuthorizedKeysLookup",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // The store benchmark's baseline: the same SQL as the store, on the SQLite C API alone.
        .executableTarget(
            name: "rawsqlite",
            path: "Sources/RawSQLite",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        // Benchmarks that print figures (README, "Benchmarks"): `swift run -c release biosched-bench store`.
        .executableTarget(
            name: "biosched-bench",
            dependencies: [
                "Scheduling", "SchedulingStore", .target(name: "PostgresStore", condition: .when(traits: ["PostgreSQL"])), "rawsqlite",
                .product(name: "GRDB", package: "GRDB.swift")
            ],
            path: "Sources/Benchmarks"
        ),
        // One writer process driven on stdin, for the writers' queue tests (SchedulingStoreTests).
        .executableTarget(name: "store-queue-probe", dependencies: ["SchedulingStore"], path: "Tests/StoreQueueProbe"),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling"]),
        // The same expectations on every store backend (in-memory, SQLite; PostgreSQL joins later).
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: [
                "Scheduling", "SchedulingStore", "PostgresTestSupport",
                .target(name: "PostgresStore", condition: .when(traits: ["PostgreSQL"]))
            ]),
        // Starts a private PostgreSQL cluster for the tests (initdb, pg_ctl from Debian's postgresql).
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
        .testTarget(name: "NotificationsTests", dependencies: ["Notifications", "Scheduling"]),
        .testTarget(name: "SSHAccessTests", dependencies: ["SSHAccess", "Scheduling"]),
        .testTarget(name: "CursesScreenTests", dependencies: ["CursesScreen", "CNcursesw", "TerminalUI", "biosched-bench"]),
        .testTarget(
            name: "TerminalUITests", dependencies: ["TerminalUI", "Scheduling", "SchedulingStore"],
            exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["biosched", "Notifications", "PostgresTestSupport"], exclude: ["Golden", "Support"]),
        .testTarget(
            name: "SchedulingStoreTests",
            dependencies: ["Scheduling", "SchedulingStore", "biosched", "store-queue-probe", "PostgresTestSupport"]
        )
    ],
    swiftLanguageModes: [.v6]
)
