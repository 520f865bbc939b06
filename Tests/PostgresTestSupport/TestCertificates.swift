import Foundation

/// A test CA and a server certificate signed by it, made with openssl for a private cluster:
/// `ca.crt`, `server.crt` and `server.key` (mode 0600, owned by the server's OS user) in `dir`.
enum TestCertificates {
    static func make(in dir: String, names: [String], addresses: [String], owner: String?) throws {
        let san = (names.map { "DNS:\($0)" } + addresses.map { "IP:\($0)" }).joined(separator: ",")
        let steps: [[String]] = [
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                "-subj", "/CN=biosched test CA", "-keyout", dir + "/ca.key", "-out", dir + "/ca.crt"
            ],
            [
                "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=\(names.first ?? "localhost")",
                "-keyout", dir + "/server.key", "-out", dir + "/server.csr"
            ],
            [
                "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.crt", "-CAkey", dir + "/ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", dir + "/san.ext", "-out", dir + "/server.crt"
            ]
        ]
        try "subjectAltName=\(san)\n".write(toFile: dir + "/san.ext", atomically: false, encoding: .utf8)
        for args in steps {
            let (status, out, err) = try PostgresCluster.spawn(["/usr/bin/openssl"] + args)
            guard status == 0 else { throw PostgresCluster.Unavailable.failed("openssl \(args[0]) exited \(status): \(err)\(out)") }
        }
        chmod(dir + "/server.key", 0o600)
        chmod(dir + "/ca.crt", 0o644)
        if let owner, let pw = getpwnam(owner) {
            for f in ["server.key", "server.crt"] { chown(dir + "/" + f, pw.pointee.pw_uid, pw.pointee.pw_gid) }
        }
    }
}
