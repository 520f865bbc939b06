import GRDB

/// Migration `v4-keys`: SSH keys and enrollment codes are rows of the store.
enum KeySchema {
    static let sql = """
    CREATE TABLE ssh_keys (
      id INTEGER PRIMARY KEY,
      holder_kind TEXT NOT NULL CHECK (holder_kind IN ('account','staff')),
      holder TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('ssh-ed25519','ssh-rsa','ecdsa-sha2-nistp256','ecdsa-sha2-nistp384','ecdsa-sha2-nistp521',
                                         'sk-ssh-ed25519@openssh.com','sk-ecdsa-sha2-nistp256@openssh.com')),
      blob TEXT NOT NULL CHECK (length(blob) BETWEEN 16 AND 16384 AND blob NOT GLOB '*[^A-Za-z0-9+/=]*'),
      fingerprint TEXT NOT NULL CHECK (fingerprint GLOB 'SHA256:*'),
      comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 200),
      added_at INTEGER NOT NULL,
      added_how TEXT NOT NULL CHECK (added_how IN ('officer','enrollment')),
      added_by TEXT NOT NULL,
      revoked_at INTEGER,
      revoked_by TEXT,
      CHECK (holder_kind = 'account' AND \(TrustSchema.accountIDCheck("holder")) OR holder_kind = 'staff' AND \(TrustSchema.loginCheck("holder")))
    );
    -- A key in force maps to one holder only.
    CREATE UNIQUE INDEX ssh_keys_in_force ON ssh_keys(blob) WHERE revoked_at IS NULL;
    CREATE INDEX ssh_keys_by_holder ON ssh_keys(holder_kind, holder);

    CREATE TABLE enrollment_codes (
      id INTEGER PRIMARY KEY,
      account TEXT NOT NULL REFERENCES accounts(id),
      code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
      issued_at INTEGER NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER,
      issued_by TEXT NOT NULL
    );
    CREATE INDEX enrollment_codes_by_account ON enrollment_codes(account, expires_at);

    CREATE TABLE enrollment_attempts (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      account TEXT,
      client TEXT NOT NULL,
      ok INTEGER NOT NULL CHECK (ok IN (0, 1))
    );
    CREATE INDEX enrollment_attempts_by_account ON enrollment_attempts(account, at);
    CREATE INDEX enrollment_attempts_by_client ON enrollment_attempts(client, at);
    """
}
