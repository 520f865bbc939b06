#include "CLibPQLoader.h"
#if __has_include(<postgresql/libpq-fe.h>)
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

struct bpq_table {
    void (*PQclear)(PGresult *r);
    char * (*PQcmdTuples)(PGresult *r);
    PQconninfoOption * (*PQconndefaults)(void);
    PGconn * (*PQconnectdbParams)(const char *const *k, const char *const *v, int expand);
    void (*PQconninfoFree)(PQconninfoOption *o);
    PQconninfoOption * (*PQconninfoParse)(const char *s, char **err);
    char * (*PQerrorMessage)(const PGconn *c);
    PGresult * (*PQexec)(PGconn *c, const char *q);
    PGresult * (*PQexecParams)(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf);
    void (*PQfinish)(PGconn *c);
    char * (*PQfname)(const PGresult *r, int i);
    void (*PQfreemem)(void *p);
    Oid (*PQftype)(const PGresult *r, int i);
    int (*PQgetisnull)(const PGresult *r, int t, int f);
    char * (*PQgetvalue)(const PGresult *r, int t, int f);
    int (*PQnfields)(const PGresult *r);
    int (*PQntuples)(const PGresult *r);
    char * (*PQresultErrorField)(const PGresult *r, int code);
    char * (*PQresultErrorMessage)(const PGresult *r);
    ExecStatusType (*PQresultStatus)(const PGresult *r);
    int (*PQsslInUse)(PGconn *c);
    ConnStatusType (*PQstatus)(const PGconn *c);
    PQnoticeProcessor (*PQsetNoticeProcessor)(PGconn *c, PQnoticeProcessor p, void *arg);
    int (*PQenterPipelineMode)(PGconn *c);
    int (*PQexitPipelineMode)(PGconn *c);
    int (*PQpipelineSync)(PGconn *c);
    int (*PQsendQueryParams)(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf);
    int (*PQsendPrepare)(PGconn *c, const char *name, const char *q, int n, const Oid *t);
    int (*PQsendQueryPrepared)(PGconn *c, const char *name, int n, const char *const *v, const int *l, const int *f, int rf);
    PGresult * (*PQgetResult)(PGconn *c);
};

static struct bpq_table bpq_fn;
static char bpq_failure[512];
static pthread_once_t bpq_once = PTHREAD_ONCE_INIT;

/// Takes one function from libpq, or says which is missing and gives up.
#define LOAD(name) \
    if (!(*(void **)&bpq_fn.name = dlsym(lib, #name))) { snprintf(bpq_failure, sizeof bpq_failure, "libpq has no " #name); return; }

static void bpq_open(void) {
    void *lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (!lib) { snprintf(bpq_failure, sizeof bpq_failure, "%s", dlerror()); return; }
    LOAD(PQclear);
    LOAD(PQcmdTuples);
    LOAD(PQconndefaults);
    LOAD(PQconnectdbParams);
    LOAD(PQconninfoFree);
    LOAD(PQconninfoParse);
    LOAD(PQerrorMessage);
    LOAD(PQexec);
    LOAD(PQexecParams);
    LOAD(PQfinish);
    LOAD(PQfname);
    LOAD(PQfreemem);
    LOAD(PQftype);
    LOAD(PQgetisnull);
    LOAD(PQgetvalue);
    LOAD(PQnfields);
    LOAD(PQntuples);
    LOAD(PQresultErrorField);
    LOAD(PQresultErrorMessage);
    LOAD(PQresultStatus);
    LOAD(PQsslInUse);
    LOAD(PQstatus);
    LOAD(PQsetNoticeProcessor);
    LOAD(PQenterPipelineMode);
    LOAD(PQexitPipelineMode);
    LOAD(PQpipelineSync);
    LOAD(PQsendQueryParams);
    LOAD(PQsendPrepare);
    LOAD(PQsendQueryPrepared);
    LOAD(PQgetResult);
}

const char *bpq_load(void) {
    pthread_once(&bpq_once, bpq_open);
    return bpq_failure[0] ? bpq_failure : NULL;
}

void bpq_clear(PGresult *r) { bpq_fn.PQclear(r); }
char * bpq_cmdTuples(PGresult *r) { return bpq_fn.PQcmdTuples(r); }
PQconninfoOption * bpq_conndefaults(void) { return bpq_fn.PQconndefaults(); }
PGconn * bpq_connectdbParams(const char *const *k, const char *const *v, int expand) { return bpq_fn.PQconnectdbParams(k, v, expand); }
void bpq_conninfoFree(PQconninfoOption *o) { bpq_fn.PQconninfoFree(o); }
PQconninfoOption * bpq_conninfoParse(const char *s, char **err) { return bpq_fn.PQconninfoParse(s, err); }
char * bpq_errorMessage(const PGconn *c) { return bpq_fn.PQerrorMessage(c); }
PGresult * bpq_exec(PGconn *c, const char *q) { return bpq_fn.PQexec(c, q); }
PGresult * bpq_execParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf) { return bpq_fn.PQexecParams(c, q, n, t, v, l, f, rf); }
void bpq_finish(PGconn *c) { bpq_fn.PQfinish(c); }
int bpq_enterPipelineMode(PGconn *c) { return bpq_fn.PQenterPipelineMode(c); }
int bpq_exitPipelineMode(PGconn *c) { return bpq_fn.PQexitPipelineMode(c); }
int bpq_pipelineSync(PGconn *c) { return bpq_fn.PQpipelineSync(c); }
int bpq_sendQueryParams(PGconn *c, const char *q, int n, const Oid *t, const char *const *v, const int *l, const int *f, int rf) { return bpq_fn.PQsendQueryParams(c, q, n, t, v, l, f, rf); }
int bpq_sendPrepare(PGconn *c, const char *name, const char *q, int n, const Oid *t) { return bpq_fn.PQsendPrepare(c, name, q, n, t); }
int bpq_sendQueryPrepared(PGconn *c, const char *name, int n, const char *const *v, const int *l, const int *f, int rf) { return bpq_fn.PQsendQueryPrepared(c, name, n, v, l, f, rf); }
PGresult * bpq_getResult(PGconn *c) { return bpq_fn.PQgetResult(c); }
char * bpq_fname(const PGresult *r, int i) { return bpq_fn.PQfname(r, i); }
void bpq_freemem(void *p) { bpq_fn.PQfreemem(p); }
Oid bpq_ftype(const PGresult *r, int i) { return bpq_fn.PQftype(r, i); }
int bpq_getisnull(const PGresult *r, int t, int f) { return bpq_fn.PQgetisnull(r, t, f); }
char * bpq_getvalue(const PGresult *r, int t, int f) { return bpq_fn.PQgetvalue(r, t, f); }
int bpq_nfields(const PGresult *r) { return bpq_fn.PQnfields(r); }
int bpq_ntuples(const PGresult *r) { return bpq_fn.PQntuples(r); }
char * bpq_resultErrorField(const PGresult *r, int code) { return bpq_fn.PQresultErrorField(r, code); }
char * bpq_resultErrorMessage(const PGresult *r) { return bpq_fn.PQresultErrorMessage(r); }
ExecStatusType bpq_resultStatus(const PGresult *r) { return bpq_fn.PQresultStatus(r); }
int bpq_sslInUse(PGconn *c) { return bpq_fn.PQsslInUse(c); }
ConnStatusType bpq_status(const PGconn *c) { return bpq_fn.PQstatus(c); }
PQnoticeProcessor bpq_setNoticeProcessor(PGconn *c, PQnoticeProcessor p, void *arg) { return bpq_fn.PQsetNoticeProcessor(c, p, arg); }

static void biosched_pq_drop_notice(void *arg, const char *message) { (void)arg; (void)message; }
void biosched_pq_quiet(PGconn *conn) { bpq_setNoticeProcessor(conn, biosched_pq_drop_notice, 0); }
#endif
