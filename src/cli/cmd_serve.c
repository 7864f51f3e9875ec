/* csto-kg serve: a private Virtuoso serving a store, until SIGINT or SIGTERM. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "csto/serve.h"
#include "csto/world.h"

static const char usage_text[] =
    "usage: csto-kg serve --store PATH [--dir DIR] [--port N] [--timeout S]\n"
    "\n"
    "Serve a store with Virtuoso (Debian's virtuoso-opensource) for all of SPARQL 1.1:\n"
    "start a private instance in DIR, listening on 127.0.0.1 only, bulk-load the store\n"
    "into it, print its query endpoint (http://127.0.0.1:PORT/sparql) and serve until\n"
    "interrupted (SIGINT, SIGTERM), then stop it. Query it with\n"
    "'csto-kg query --endpoint URL'. While it runs, PATH.serve names the query endpoint,\n"
    "the update endpoint (/sparql-auth, digest login dba/dba) and this process.\n"
    "\n"
    "  --store PATH  the store to serve (required)\n"
    "  --dir DIR     Virtuoso's files (default PATH.virtuoso; replaced at each start)\n"
    "  --port N      the HTTP port (default: a free one)\n"
    "  --timeout S   a query's time limit in seconds (default 60)\n"
    "\n"
    "Exit status: 0 stopped by a signal, 1 failure, 2 bad usage.\n";

static int parse_args(int argc, char **argv, csto_serve_options *opt) {
  static const struct option longopts[] = {
      {"store", required_argument, NULL, 's'}, {"dir", required_argument, NULL, 'd'},
      {"port", required_argument, NULL, 'p'},  {"timeout", required_argument, NULL, 't'},
      {"help", no_argument, NULL, 'h'},        {NULL, 0, NULL, 0}};
  unsigned long long n;
  int c;
  optind = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 's': opt->store = optarg; break;
    case 'd': opt->dir = optarg; break;
    case 'p':
      if (csto_cli_number("--port", optarg, 1, 65535, &n) != 0)
        return 2;
      opt->port = (unsigned)n;
      break;
    case 't':
      if (csto_cli_number("--timeout", optarg, 1, 86400, &n) != 0)
        return 2;
      opt->timeout = (long)n;
      break;
    case 'h': fputs(usage_text, stdout); return 0;
    default: fputs(usage_text, stderr); return 2;
    }
  }
  if (!opt->store || optind < argc) {
    csto_cli_error("serve: %s", opt->store ? "unexpected arguments" : "--store PATH is required");
    return 2;
  }
  return -1;
}

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig) { stop_signal = sig; }

/* SIGINT, SIGTERM (stop) and SIGCHLD (Virtuoso died) wake serve; until then they are
 * blocked, so none is lost between a check and the wait. Returns the mask to wait with. */
static sigset_t catch_signals(void) {
  static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGCHLD};
  struct sigaction sa;
  sigset_t block, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigemptyset(&block);
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
    sigaction(signals[i], &sa, NULL);
    sigaddset(&block, signals[i]);
  }
  sigprocmask(SIG_BLOCK, &block, &old);
  return old;
}

int csto_cmd_serve(int argc, char **argv) {
  csto_serve_options opt = {NULL, NULL, 0, 0};
  int rc = parse_args(argc, argv, &opt);
  if (rc >= 0)
    return rc;
  sigset_t wait_mask = catch_signals();
  csto_error err = {CSTO_OK, ""};
  csto_world *w = NULL;
  csto_serve *s = NULL;
  if (csto_world_new(&w, &err) != CSTO_OK || csto_serve_start(w, &opt, &s, &err) != CSTO_OK) {
    csto_cli_error("serve: %s", err.message);
    csto_world_free(w);
    return err.status == CSTO_ERR_USAGE ? 2 : 1;
  }
  printf("%s\n", csto_serve_query_url(s));
  fflush(stdout);
  fprintf(stderr, "csto-kg: serving %s (%ld statements) at %s; updates: %s\n", opt.store,
          csto_serve_statements(s), csto_serve_query_url(s), csto_serve_update_url(s));
  while ((stop_signal == 0 || stop_signal == SIGCHLD) && csto_serve_running(s)) {
    stop_signal = 0;
    sigsuspend(&wait_mask);
  }
  int died = !csto_serve_running(s);
  int failed = csto_serve_stop(s, &err) != CSTO_OK || died;
  csto_world_free(w);
  if (failed) {
    csto_cli_error("serve: %s", died ? "Virtuoso stopped on its own; see its virtuoso.log"
                                     : err.message);
    return 1;
  }
  return 0;
}
