import Foundation
import Scheduling
import Testing

@testable import TerminalUI

/// Issue "trust boundaries", item 3: saving a notice never loses a file.
@Suite("Trust 3: saving a notice")
struct NoticeSaveTests {
    func folder() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("biosched-notice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }
    func names(_ d: URL) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: d.path).sorted() }
    func text(_ p: String) -> String? { FileManager.default.contents(atPath: p).map { String(decoding: $0, as: UTF8.self) } }

    @Test(
        "Trust 3: a new file is written whole; an existing one is kept unless replacing is confirmed; the store and folders are never written; no temporary file stays"
    )
    func noticeFile() throws {
        let d = try folder()
        defer { try? FileManager.default.removeItem(at: d) }
        let store = d.appendingPathComponent("store.sqlite").path
        #expect(FileManager.default.createFile(atPath: store, contents: Data("STORE".utf8)))
        let file = NoticeFile(protecting: store)
        let notice = d.appendingPathComponent("notice.txt").path
        try file.write("first", to: notice, replacing: false)
        #expect(text(notice) == "first")
        #expect(throws: NoticeFile.Problem.exists) { try file.write("second", to: notice, replacing: false) }
        #expect(text(notice) == "first", "nothing was moved or replaced")
        try file.write("second", to: notice, replacing: true)
        #expect(text(notice) == "second")
        for target in [store, d.appendingPathComponent("./store.sqlite").path] {
            for replacing in [false, true] {
                #expect(throws: NoticeFile.Problem.self) { try file.write("x", to: target, replacing: replacing) }
            }
        }
        let link = d.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: store)
        #expect(throws: NoticeFile.Problem.self) { try file.write("x", to: link, replacing: true) }
        #expect(text(store) == "STORE", "the store is untouched")
        #expect(throws: NoticeFile.Problem.self) { try file.write("x", to: d.path, replacing: true) }
        #expect(throws: NoticeFile.Problem.self) { try file.write("x", to: d.appendingPathComponent("missing/n.txt").path, replacing: false) }
        #expect(try names(d) == ["link.txt", "notice.txt", "store.sqlite"], "no temporary file is left behind")
    }

    @Test("Trust 3: in the UI, saving twice asks before replacing, and the store's own path is refused")
    func saveFromOutcome() throws {
        let f = try UIFixture()
        defer { f.remove() }
        var p = try f.program(UIFixture.agent, savingFiles: true)
        p.type("EAC2414052317")
        p.press(.enter)
        p.press(.char("t"), .enter, .enter, .enter, .tab, .tab, .enter, .enter)
        try #require(p.state.outcome.answer?.result == .booked, "\(p.state.messages.map(\.text))")
        let path = f.dir.appendingPathComponent("notice.txt").path
        func save(_ name: String) {
            p.press(.char("s"))
            for _ in 0..<300 { p.press(.backspace) }
            p.type(name)
            p.press(.enter)
        }
        save(path)
        let first = text(path)
        #expect(first?.contains("EAC2414052317") == true)
        save(path)
        #expect(p.state.overlay == .replaceConfirm(path: path), "an existing file needs a confirmation")
        #expect(p.render().text.contains("Replace the file?"))
        p.press(.char("n"))
        #expect(p.state.overlay == .savePrompt)
        p.press(.escape)
        #expect(text(path) == first)
        save(f.protectedFile)
        #expect(p.state.overlay == .replaceConfirm(path: f.protectedFile) || p.state.messages.last?.text.contains("never written over") == true)
        if p.state.overlay != nil { p.press(.char("y")) }
        #expect(p.state.messages.last?.text.contains("never written over") == true, "\(p.state.messages.last?.text ?? "")")
        #expect(FileManager.default.contents(atPath: f.protectedFile) == Data("STORE".utf8), "the store's file is untouched")
        #expect(try names(f.dir).filter { $0.hasPrefix(".") }.isEmpty)
    }
}
