/* Virtuoso's own files, configuration and commands, in one place (serve.c runs them).
 * Internal to the library. */
#ifndef CSTO_VIRTUOSO_H
#define CSTO_VIRTUOSO_H

#include <stddef.h>

#include "csto/error.h"

/* The store's statements, dumped for the bulk loader, in the instance's directory. */
#define CSTO_VIRTUOSO_DUMP "csto-kg-store.nq"

/* Remove the database files an earlier instance left in dir (absolute), so a new one
 * starts empty. */
csto_status csto_virtuoso_clear(const char *dir, csto_error *err);

/* Write dir/virtuoso.ini: database files in dir, SQL and HTTP on 127.0.0.1 only, the
 * loader allowed to read dir, timeout seconds per SPARQL query. */
csto_status csto_virtuoso_write_ini(const char *dir, unsigned sql_port, unsigned http_port,
                                    long timeout, csto_error *err);

/* The command that runs the server in the foreground (argv[0] is the program), into
 * argv (6 slots); the strings point into buf (size bytes). */
void csto_virtuoso_server_argv(const char *dir, char *buf, size_t size, char **argv);

/* The isql-vt command that hides Virtuoso's own graphs from queries, bulk-loads
 * dir/CSTO_VIRTUOSO_DUMP through the SQL port and lists what the loader refused, into
 * argv (6 slots), strings in buf (2 KiB more than dir). */
void csto_virtuoso_load_argv(const char *dir, unsigned sql_port, char *buf, size_t size,
                             char **argv);

/* Read the output of the load command (log): CSTO_OK when it ran and the loader reported
 * no error, else CSTO_ERR_STORE with the loader's (or isql's) first complaint. */
csto_status csto_virtuoso_load_result(const char *log, csto_error *err);

#endif
