/* Virtuoso's files, configuration and commands. */
#include "csto/layout.h"
#include "virtuoso.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Every file an instance writes in its directory (the log is kept until the next start). */
static const char *const files[] = {"virtuoso.db",   "virtuoso.trx",      "virtuoso.pxa",
                                    "virtuoso.lck",  "virtuoso-temp.db",  "virtuoso-temp.trx",
                                    "virtuoso.log",  CSTO_VIRTUOSO_DUMP,  "virtuoso.ini"};

/* Virtuoso's own graphs (its SPARQL mappings, service description, LDP vocabulary) made
 * private, so the default graph and GRAPH ?g hold the store's graphs only, as in the
 * embedded engine; the dba login (updates) still sees and writes everything. */
#define PRIVATE "'http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs'"
#define HIDE_OWN_GRAPHS                                                                      \
  "DB.DBA.RDF_GRAPH_GROUP_CREATE (" PRIVATE ", 1); "                                         \
  "DB.DBA.RDF_GRAPH_GROUP_INS (" PRIVATE ", 'http://www.openlinksw.com/schemas/virtrdf#'); " \
  "DB.DBA.RDF_GRAPH_GROUP_INS (" PRIVATE ", 'http://localuriqaserver/sparql'); "             \
  "DB.DBA.RDF_GRAPH_GROUP_INS (" PRIVATE ", 'http://www.w3.org/ns/ldp#'); "                  \
  "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 0, 1); "                                     \
  "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 1, 0); "

/* What the load command prints before each refused file, and once when done. */
#define LOAD_ERROR "csto-kg-load-error: "
#define LOAD_DONE "csto-kg-load-done"

csto_status csto_virtuoso_clear(const char *dir, csto_error *err) {
  char path[4096];
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    if (unlink(path) != 0 && errno != ENOENT)
      return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  }
  return CSTO_OK;
}

csto_status csto_virtuoso_write_ini(const char *dir, unsigned sql_port, unsigned http_port,
                                    long timeout, csto_error *err) {
  char path[4096];
  snprintf(path, sizeof path, "%s/virtuoso.ini", dir);
  FILE *f = fopen(path, "w");
  if (!f)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  fprintf(f,
          "[Database]\nDatabaseFile=%s/virtuoso.db\nErrorLogFile=%s/virtuoso.log\n"
          "LockFile=%s/virtuoso.lck\nTransactionFile=%s/virtuoso.trx\n"
          "xa_persistent_file=%s/virtuoso.pxa\nErrorLogLevel=7\nFileExtend=200\n"
          "MaxCheckpointRemap=2000\nStriping=0\nTempStorage=TempDatabase\n"
          "[TempDatabase]\nDatabaseFile=%s/virtuoso-temp.db\n"
          "TransactionFile=%s/virtuoso-temp.trx\nMaxCheckpointRemap=2000\nStriping=0\n",
          dir, dir, dir, dir, dir, dir, dir);
  fprintf(f,
          "[Parameters]\nServerPort=127.0.0.1:%u\nDisableUnixSocket=1\nDisableTcpSocket=0\n"
          "MaxClientConnections=10\nCheckpointInterval=60\nCaseMode=2\nDirsAllowed=., %s\n"
          "NumberOfBuffers=50000\nMaxDirtyBuffers=37500\nThreadsPerQuery=2\n"
          "MaxQueryMem=500M\n"
          "[HTTPServer]\nServerPort=127.0.0.1:%u\nServerRoot=/var/lib/virtuoso-opensource-7/vsp\n"
          "MaxClientConnections=10\nServerThreads=10\nCharset=UTF-8\nEnabledGzipContent=0\n"
          "[SPARQL]\nResultSetMaxRows=1000000\nMaxQueryExecutionTime=%ld\n",
          sql_port, dir, http_port, timeout);
  if (fclose(f) != 0)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot write", path);
  return CSTO_OK;
}

void csto_virtuoso_server_argv(const char *dir, char *buf, size_t size, char **argv) {
  snprintf(buf, size, "%s/virtuoso.ini", dir);
  argv[0] = "virtuoso-t";
  argv[1] = "+foreground";
  argv[2] = "+configfile";
  argv[3] = buf;
  argv[4] = NULL;
}

void csto_virtuoso_load_argv(const char *dir, unsigned sql_port, char *buf, size_t size,
                             char **argv) {
  int n = snprintf(buf, size, "127.0.0.1:%u", sql_port) + 1;
  snprintf(buf + n, size - (size_t)n,
           "exec=" HIDE_OWN_GRAPHS "ld_dir('%s', '" CSTO_VIRTUOSO_DUMP "', '" CSTO_GRAPH_MERGED "'); "
           "rdf_loader_run(); checkpoint; "
           "SELECT concat('" LOAD_ERROR "', ll_file, ': ', coalesce(ll_error, 'not loaded')) "
           "FROM DB.DBA.load_list WHERE ll_state <> 2 OR ll_error IS NOT NULL; "
           "SELECT '" LOAD_DONE "';",
           dir);
  argv[0] = "isql-vt";
  argv[1] = buf;
  argv[2] = "dba";
  argv[3] = "dba";
  argv[4] = buf + n;
  argv[5] = NULL;
}

csto_status csto_virtuoso_load_result(const char *log, csto_error *err) {
  FILE *f = fopen(log, "r");
  if (!f)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", log, strerror(errno));
  char line[1024], complaint[400] = "";
  int done = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\r\n")] = '\0';
    const char *error = strstr(line, LOAD_ERROR);
    if (!*complaint && (error || strstr(line, "*** Error")))
      snprintf(complaint, sizeof complaint, "%.300s", error ? error + strlen(LOAD_ERROR) : line);
    done |= strncmp(line, LOAD_DONE, strlen(LOAD_DONE)) == 0;
  }
  fclose(f);
  if (*complaint || !done)
    return csto_error_set(err, CSTO_ERR_STORE, "Virtuoso's bulk loader: %s (see %s)",
                          *complaint ? complaint : "no answer", log);
  return CSTO_OK;
}
