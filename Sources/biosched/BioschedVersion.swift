/// `biosched --version`.
enum BioschedVersion {
    static let current = "0.4.0"
}
