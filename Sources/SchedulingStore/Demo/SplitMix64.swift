import Foundation
import Scheduling

/// SplitMix64: small, fast, and the same on every platform.
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A whole number in `0..<n` (n > 0).
    public mutating func int(_ n: Int) -> Int { Int(next().multipliedFullWidth(by: UInt64(n)).high) }
    public mutating func int(in r: ClosedRange<Int>) -> Int { r.lowerBound + int(r.count) }
    /// A number in `[0, 1)`.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
    public mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    /// Fisher–Yates, deterministic for a seed.
    public mutating func shuffle<T>(_ a: inout [T]) {
        guard a.count > 1 else { return }
        for i in stride(from: a.count - 1, to: 0, by: -1) { a.swapAt(i, int(i + 1)) }
    }
    /// Index into `weights`, proportional to the weights.
    public mutating func weighted(_ weights: Weights) -> Int {
        // The same draw and the same index as `weighted([Int])`: the first i whose running sum
        // exceeds r, found by bisection over the running sums.
        let r = int(weights.total)
        var lo = 0, hi = weights.ends.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if r < weights.ends[mid] { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Weights with their running sums, for many draws (the demo data draws a center per case).
    public struct Weights: Sendable {
        let ends: [Int]
        let total: Int
        public init(_ weights: [Int]) {
            var sum = 0
            ends = weights.map {
                sum += $0
                return sum
            }
            total = sum
        }
    }

    /// Index into `weights`, proportional to the weights.
    public mutating func weighted(_ weights: [Int]) -> Int {
        var r = int(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }
}
