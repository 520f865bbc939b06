// libpq, PostgreSQL's own client library (Debian's libpq-dev), for the PostgreSQL store.
#ifndef BIOSCHED_CLIBPQ_SHIM_H
#define BIOSCHED_CLIBPQ_SHIM_H
#include <libpq-fe.h>

/// A notice processor that drops the server's notices: libpq prints them to stderr by default,
/// which is a person's terminal (and the text is the server's, not made safe for it).
static inline void biosched_pq_drop_notice(void *arg, const char *message) { (void)arg; (void)message; }
static inline void biosched_pq_quiet(PGconn *conn) { PQsetNoticeProcessor(conn, biosched_pq_drop_notice, 0); }
#endif
