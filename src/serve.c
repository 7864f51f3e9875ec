/* A private Virtuoso serving a store: dump, start, bulk-load, state file, stop, mirror. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "csto/serve.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#include "csto/endpoint.h"
#include "csto/http_client.h"
#include "csto/query_rdf.h"
#include "csto/store.h"
#include "store_impl.h"
#include "virtuoso.h"

enum { READY_SECONDS = 120, STOP_SECONDS = 60, URL_SIZE = 64 };

struct csto_serve {
  csto_world *w; /* borrowed */
  char dir[PATH_MAX];
  char state[PATH_MAX]; /* STORE.serve */
  char query[URL_SIZE], update[URL_SIZE];
  pid_t pid;
  long statements;
};

const char *csto_serve_query_url(const csto_serve *s) { return s->query; }
const char *csto_serve_update_url(const csto_serve *s) { return s->update; }
long csto_serve_statements(const csto_serve *s) { return s->statements; }

/* ---- the state file ------------------------------------------------------------------ */

typedef struct {
  char query[URL_SIZE], update[URL_SIZE];
  long pid;
} serve_state;

/* STORE.serve of a live serve: 1 and *st filled; 0 when there is none or it is stale. */
static int read_state(const char *path, serve_state *st) {
  FILE *f = fopen(path, "r");
  char line[256];
  memset(st, 0, sizeof *st);
  while (f && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    if (strncmp(line, "query=", 6) == 0)
      snprintf(st->query, sizeof st->query, "%.*s", URL_SIZE - 1, line + 6);
    else if (strncmp(line, "update=", 7) == 0)
      snprintf(st->update, sizeof st->update, "%.*s", URL_SIZE - 1, line + 7);
    else if (strncmp(line, "pid=", 4) == 0)
      st->pid = strtol(line + 4, NULL, 10);
  }
  if (f)
    fclose(f);
  return st->pid > 0 && (kill((pid_t)st->pid, 0) == 0 || errno == EPERM);
}

static csto_status write_state(const csto_serve *s, csto_error *err) {
  char tmp[PATH_MAX + 16];
  snprintf(tmp, sizeof tmp, "%s.tmp%ld", s->state, (long)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", tmp, strerror(errno));
  fprintf(f, "query=%s\nupdate=%s\npid=%ld\n", s->query, s->update, (long)getpid());
  if (fclose(f) != 0 || rename(tmp, s->state) != 0) {
    unlink(tmp);
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot write", s->state);
  }
  return CSTO_OK;
}

/* ---- the dump: every statement with its graph, N-Quads through raptor ---------------- */

typedef struct {
  raptor_serializer *ser;
  long count;
} dump;

static int dump_statement(void *user, const raptor_statement *st) {
  dump *d = user;
  d->count++;
  return raptor_serializer_serialize_statement(d->ser, (raptor_statement *)st);
}

static csto_status dump_store(csto_world *w, const char *store_path, const char *file,
                              long *count, csto_error *err) {
  csto_store *store = NULL;
  csto_status st = csto_store_open(w, store_path, CSTO_STORE_READ, &store, err);
  if (st != CSTO_OK)
    return st;
  FILE *out = fopen(file, "w");
  dump d = {raptor_new_serializer(librdf_world_get_raptor(csto_world_rdf(w)), "nquads"), 0};
  int rc = !out || !d.ser || raptor_serializer_start_to_file_handle(d.ser, NULL, out);
  if (!rc)
    st = csto_store_each(store, dump_statement, &d, err);
  if (!rc && st == CSTO_OK)
    rc = raptor_serializer_serialize_end(d.ser);
  if (d.ser)
    raptor_free_serializer(d.ser);
  if (out && fclose(out) != 0)
    rc = 1;
  if (st == CSTO_OK && rc)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: cannot dump the store to %s", store_path, file);
  *count = d.count;
  csto_store_close(store);
  return st;
}

/* ---- processes ----------------------------------------------------------------------- */

/* Run argv in dir, output to log, in a process group of its own (a terminal's ^C stops
 * serve, which stops it cleanly); -1 when it cannot start. */
static pid_t spawn(char **argv, const char *dir, const char *log) {
  pid_t pid = fork();
  if (pid != 0)
    return pid;
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
  setpgid(0, 0);
  int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (chdir(dir) != 0 || fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
    _exit(127);
  execvp(argv[0], argv);
  _exit(127);
}

static void pause_briefly(void) {
  struct timespec t = {0, 200 * 1000 * 1000};
  nanosleep(&t, NULL);
}

/* Wait up to seconds for pid; 1 when it exited (its status in *status). */
static int wait_for(pid_t pid, int seconds, int *status) {
  for (int i = 0; i <= seconds * 5; i++) {
    pid_t r = waitpid(pid, status, WNOHANG);
    if (r == pid || (r < 0 && errno == ECHILD))
      return 1;
    pause_briefly();
  }
  return 0;
}

int csto_serve_running(csto_serve *s) {
  int status;
  return s->pid > 0 && waitpid(s->pid, &status, WNOHANG) == 0;
}

/* A free TCP port on 127.0.0.1 (the kernel's choice for port 0), or 0. */
static unsigned free_port(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  unsigned port = 0;
  if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 &&
      getsockname(fd, (struct sockaddr *)&a, &len) == 0)
    port = ntohs(a.sin_port);
  if (fd >= 0)
    close(fd);
  return port;
}

/* Poll /sparql until it answers; fail when Virtuoso exits or after READY_SECONDS. */
static csto_status wait_ready(csto_serve *s, csto_error *err) {
  char url[URL_SIZE + 32];
  snprintf(url, sizeof url, "%s?query=ASK%%7B%%7D", s->query);
  csto_http_options opt = {s->query, NULL, NULL, 0, 2, 2};
  csto_http *h = NULL;
  csto_status st = csto_http_new(s->w, &opt, &h, err);
  for (int i = 0; st == CSTO_OK && i < READY_SECONDS * 5; i++) {
    csto_http_request req = {NULL, url, NULL, NULL, NULL, 0};
    if (csto_http_send(h, &req, NULL, NULL) == CSTO_OK)
      break;
    if (!csto_serve_running(s))
      st = csto_error_set(err, CSTO_ERR_STORE, "virtuoso-t exited; see %s/virtuoso.log",
                          s->dir);
    else if (i + 1 == READY_SECONDS * 5)
      st = csto_error_set(err, CSTO_ERR_STORE, "Virtuoso did not answer within %d s; see "
                          "%s/virtuoso.log", READY_SECONDS, s->dir);
    else
      pause_briefly();
  }
  csto_http_free(h);
  return st;
}

static csto_status bulk_load(const csto_serve *s, unsigned sql_port, csto_error *err) {
  char buf[PATH_MAX + 2048], log[PATH_MAX + 16];
  char *argv[6];
  csto_virtuoso_load_argv(s->dir, sql_port, buf, sizeof buf, argv);
  snprintf(log, sizeof log, "%s/load.log", s->dir);
  int status = 0;
  pid_t pid = spawn(argv, s->dir, log);
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) == 127)
    return csto_error_set(err, CSTO_ERR_STORE, "cannot run isql-vt (package "
                          "virtuoso-opensource); see %s", log);
  csto_status st = csto_virtuoso_load_result(log, err);
  snprintf(buf, sizeof buf, "%s/" CSTO_VIRTUOSO_DUMP, s->dir);
  unlink(buf);
  return st;
}

/* ---- start and stop ------------------------------------------------------------------ */

static csto_status prepare_dir(csto_serve *s, const csto_serve_options *opt, csto_error *err) {
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s%s", opt->dir ? opt->dir : opt->store,
           opt->dir ? "" : ".virtuoso");
  if (mkdir(dir, 0700) != 0 && errno != EEXIST)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", dir, strerror(errno));
  if (!realpath(dir, s->dir))
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", dir, strerror(errno));
  if (strpbrk(s->dir, "'\\"))
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: a quote or backslash in Virtuoso's "
                          "directory cannot go into its SQL", s->dir);
  return csto_virtuoso_clear(s->dir, err);
}

static csto_status launch(csto_serve *s, const csto_serve_options *opt, csto_error *err) {
  unsigned sql_port = free_port(), http_port = opt->port ? opt->port : free_port();
  while (http_port == sql_port)
    http_port = free_port();
  snprintf(s->query, sizeof s->query, "http://127.0.0.1:%u/sparql", http_port);
  snprintf(s->update, sizeof s->update, "http://127.0.0.1:%u/sparql-auth", http_port);
  char file[PATH_MAX + 32], *argv[6];
  snprintf(file, sizeof file, "%s/" CSTO_VIRTUOSO_DUMP, s->dir);
  csto_status st = dump_store(s->w, opt->store, file, &s->statements, err);
  if (st == CSTO_OK)
    st = csto_virtuoso_write_ini(s->dir, sql_port, http_port,
                                 opt->timeout > 0 ? opt->timeout : 60, err);
  if (st != CSTO_OK)
    return st;
  csto_virtuoso_server_argv(s->dir, file, sizeof file, argv);
  char log[PATH_MAX + 16];
  snprintf(log, sizeof log, "%s/virtuoso.out", s->dir);
  if ((s->pid = spawn(argv, s->dir, log)) < 0)
    return csto_error_set(err, CSTO_ERR_STORE, "cannot start virtuoso-t: %s", strerror(errno));
  st = wait_ready(s, err);
  if (st == CSTO_OK)
    st = bulk_load(s, sql_port, err);
  return st;
}

csto_status csto_serve_start(csto_world *w, const csto_serve_options *opt, csto_serve **out,
                             csto_error *err) {
  serve_state running;
  csto_serve *s = calloc(1, sizeof *s);
  if (!s)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  s->w = w;
  snprintf(s->state, sizeof s->state, "%s.serve", opt->store);
  if (read_state(s->state, &running)) {
    free(s);
    return csto_error_set(err, CSTO_ERR_USAGE, "%s is served already at %s (pid %ld)",
                          opt->store, running.query, running.pid);
  }
  csto_status st = prepare_dir(s, opt, err);
  if (st == CSTO_OK)
    st = launch(s, opt, err);
  if (st == CSTO_OK)
    st = write_state(s, err);
  if (st != CSTO_OK) {
    csto_serve_stop(s, NULL);
    return st;
  }
  *out = s;
  return CSTO_OK;
}

csto_status csto_serve_stop(csto_serve *s, csto_error *err) {
  if (!s)
    return CSTO_OK;
  csto_status st = CSTO_OK;
  int status;
  if (s->pid > 0 && kill(s->pid, SIGTERM) == 0 && !wait_for(s->pid, STOP_SECONDS, &status)) {
    kill(s->pid, SIGKILL);
    waitpid(s->pid, &status, 0);
    st = csto_error_set(err, CSTO_ERR_STORE, "Virtuoso did not stop within %d s: killed; see "
                        "%s/virtuoso.log", STOP_SECONDS, s->dir);
  }
  serve_state mine;
  if (read_state(s->state, &mine) && mine.pid == (long)getpid())
    unlink(s->state);
  free(s);
  return st;
}

/* ---- keeping in step ----------------------------------------------------------------- */

/* STORE.serve of the store at store_path, if a serve for it runs: 1 and *st filled. */
static int serving(const char *store_path, serve_state *st) {
  char path[PATH_MAX];
  snprintf(path, sizeof path, "%s.serve", store_path);
  return read_state(path, st);
}

int csto_serve_active(const char *store_path) {
  serve_state running;
  return serving(store_path, &running);
}

csto_status csto_serve_mirror(csto_world *w, const char *store_path, const char *update,
                              csto_error *err) {
  serve_state running;
  if (!serving(store_path, &running))
    return CSTO_OK;
  csto_http_options opt = {running.update, "dba", "dba", 0, 0, 0};
  csto_http_options_from_env(&opt);
  opt.use_netrc = 0;
  return csto_endpoint_update(w, &opt, update, err);
}

csto_status csto_serve_mirror_store(csto_store *store, const char *store_path,
                                    csto_error *err) {
  char *update = NULL;
  csto_status st = csto_store_take_update(store, &update, err);
  if (st == CSTO_OK && update)
    st = csto_serve_mirror(csto_query_dataset_csto_world(csto_store_dataset(store)),
                           store_path, update, err);
  free(update);
  if (st == CSTO_OK)
    return CSTO_OK;
  char why[CSTO_ERROR_MESSAGE_SIZE];
  snprintf(why, sizeof why, "%s", err ? err->message : "");
  return csto_error_set(err, st, "%s: the store changed but its served copy did not (%s): "
                        "restart csto-kg serve", store_path, why);
}
