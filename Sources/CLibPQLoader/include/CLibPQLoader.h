// libpq loaded on first use (dlopen), not at program start: libpq brings OpenSSL, GnuTLS,
// Kerberos, LDAP and more, about 0.9 MiB of memory in every process, which a session on a SQLite
// store has no use for. The types come from Debian's libpq-dev; libpq5 is needed at run time only
// when a PostgreSQL store is used.
#ifndef BIOSCHED_CLIBPQ_LOADER_H
#define BIOSCHED_CLIBPQ_LOADER_H
#if __has_include(<postgresql/libpq-fe.h>)   // a SQLite-only build on a machine without libpq-dev has none
#include <postgresql/libpq-fe.h>

/// Loads libpq once; NULL when it is there, else why not (for a message).
const char *bpq_load(void);
void bpq_clear(PGresult *r);
char * bpq_cmdTuples(PGresult *r);
PQconninfoOption * bpq_conndefaults(void);
PGconn * bpq_connectdbParams(const char *const *k, const char *const *v, int expand);
void bpq_conninfoFree(PQconninfoOption *o);
PQconninfoOption * bpq_conninfoParse(const char *s, char **err);
char * bpq_errorMessage(const PGconn *c);
PGresult * bpq_exec(PGconn *c, const char *q);
PGresult * bpq_execParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf);
void bpq_finish(PGconn *c);
// Pipeline mode (PostgreSQL 14's libpq and later): several statements sent before any result is read.
int bpq_enterPipelineMode(PGconn *c);
int bpq_exitPipelineMode(PGconn *c);
int bpq_pipelineSync(PGconn *c);
int bpq_sendQueryParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf);
// Named prepared statements: parsed and planned once per connection, then run by name.
int bpq_sendPrepare(PGconn *c, const char *name, const char *q, int n, const Oid *t);
int bpq_sendQueryPrepared(PGconn *c, const char *name, int n, const char *const *v, const int *l, const int *f, int rf);
PGresult * bpq_getResult(PGconn *c);
char * bpq_fname(const PGresult *r, int i);
void bpq_freemem(void *p);
Oid bpq_ftype(const PGresult *r, int i);
int bpq_getisnull(const PGresult *r, int t, int f);
char * bpq_getvalue(const PGresult *r, int t, int f);
int bpq_nfields(const PGresult *r);
int bpq_ntuples(const PGresult *r);
char * bpq_resultErrorField(const PGresult *r, int code);
char * bpq_resultErrorMessage(const PGresult *r);
ExecStatusType bpq_resultStatus(const PGresult *r);
int bpq_sslInUse(PGconn *c);
ConnStatusType bpq_status(const PGconn *c);
PQnoticeProcessor bpq_setNoticeProcessor(PGconn *c, PQnoticeProcessor p, void *arg);
/// Drops the server's notices: libpq prints them to stderr by default, which is a person's
/// terminal (and the text is the server's, not made safe for it).
void biosched_pq_quiet(PGconn *conn);
#endif
#endif
