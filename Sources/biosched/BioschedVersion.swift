/// `biosched --version`.
enum BioschedVersion {
    static let current = "0.3.0"
}
