import Foundation

extension CallerSearchResult {
    /// Whole-word matches of every word typed come first (`william li`: the William Lis before
    /// Linda Williams); the stores' order is kept within each group. Only a name search is ranked.
    public mutating func rankWholeWords() {
        guard case let .name(words, _) = query, !words.isEmpty else { return }
        let typed = words.map(NameKey.fold)
        func whole(_ m: CallerMatch) -> Bool {
            let nameWords = Set(NameKey.fold(m.name).split(separator: " ").map(String.init))
            return typed.allSatisfy { nameWords.contains($0) }
        }
        let ranked = matches.enumerated().sorted { a, b in
            let (wa, wb) = (whole(a.element), whole(b.element))
            return wa != wb ? wa : a.offset < b.offset
        }
        matches = ranked.map(\.element)
    }
}
