/* csto-kg kb: count what the knowledge base holds, or merge a Wikidata extract into the
 * user's knowledge-base file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/commands.h"
#include "csto/kbfile.h"

static void usage(FILE *to) {
  fprintf(to,
          "usage: csto-kg kb stats [--data DIR]\n"
          "       csto-kg kb import FILE [--into KBFILE] [--data DIR]\n"
          "\n"
          "  stats    load every DIR/kb/*.ttl and count entities by type, Wikidata links,\n"
          "           post holdings, memberships, labels and aliases; meetings (sessions,\n"
          "           csto:Event) are counted apart, outside the entities and their links\n"
          "  import   convert a Wikidata CONSTRUCT extract (Turtle or N-Triples) to the\n"
          "           knowledge-base schema and merge it into KBFILE (default DIR/kb/user.ttl)\n"
          "\n"
          "  --data DIR      data directory (default: $CSTO_DATA_DIR, else the installed\n"
          "                  " CSTO_INSTALLED_DATA_DIR ",\n"
          "                  else the source tree's " CSTO_DEFAULT_DATA_DIR ")\n"
          "  --into KBFILE   knowledge-base file that import writes\n");
}

struct kb_args {
  const char *data;   /* --data */
  const char *into;   /* --into */
  const char *file;   /* the one positional argument */
  int help;
};

/* Options may come before or after the positional argument; "--opt=value" works too.
 * Returns 0, or 2 after reporting a usage error. */
static int parse_args(int argc, char **argv, int want_file, struct kb_args *a) {
  memset(a, 0, sizeof *a);
  for (int i = 1; i < argc; i++) {
    const char *arg = argv[i];
    const char **slot = NULL;
    if (strncmp(arg, "--data", 6) == 0 && (arg[6] == '\0' || arg[6] == '='))
      slot = &a->data;
    else if (want_file && strncmp(arg, "--into", 6) == 0 && (arg[6] == '\0' || arg[6] == '='))
      slot = &a->into;
    if (slot) {
      if (arg[6] == '=') {
        *slot = arg + 7;
      } else if (i + 1 < argc) {
        *slot = argv[++i];
      } else {
        csto_cli_error("kb %s: %s needs a value", argv[0], arg);
        return 2;
      }
    } else if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
      a->help = 1;
    } else if (arg[0] == '-' && arg[1] != '\0') {
      csto_cli_error("kb %s: unknown option '%s'", argv[0], arg);
      return 2;
    } else if (want_file && !a->file) {
      a->file = arg;
    } else {
      csto_cli_error("kb %s: unexpected argument '%s'", argv[0], arg);
      return 2;
    }
  }
  if (want_file && !a->file && !a->help) {
    csto_cli_error("kb %s: missing FILE", argv[0]);
    return 2;
  }
  return 0;
}

/* DIR/kb as a new string (caller frees), or NULL when out of memory. */
static char *kb_dir(const char *data) {
  const char *dir = csto_kbfile_data_dir(data);
  size_t n = strlen(dir) + sizeof "/kb";
  char *out = malloc(n);
  if (out)
    snprintf(out, n, "%s/kb", dir);
  return out;
}

static int fail(csto_error *err) {
  csto_cli_error("kb: %s", err->message);
  return 1;
}

static void print_count(const char *what, size_t n) { printf("%-28s %zu\n", what, n); }

static void print_stats(const char *dir, size_t files, const csto_kbfile_stats *s) {
  printf("%-28s %s\n", "knowledge base", dir);
  print_count("files", files);
  print_count("triples", s->triples);
  print_count("entities", s->entities);
  for (int t = 0; t < CSTO_KBFILE_TYPE_COUNT; t++) {
    char name[64];
    snprintf(name, sizeof name, "  %s", csto_kbfile_type_name((csto_kbfile_type)t));
    print_count(name, s->by_type[t]);
  }
  print_count("with owl:sameAs", s->with_sameas);
  print_count("without owl:sameAs", s->without_sameas);
  print_count("post holdings", s->post_holdings);
  print_count("memberships", s->memberships);
  print_count("meetings (not entities)", s->meetings);
  print_count("meetings with owl:sameAs", s->meetings_with_sameas);
  print_count("labels @en", s->labels_en);
  print_count("labels @ru", s->labels_ru);
  print_count("altLabels", s->alt_labels);
  print_count("entities without @en label", s->entities_without_en_label);
  print_count("entities with 2+ @en labels", s->entities_with_several_en_labels);
}

static int kb_stats(int argc, char **argv) {
  struct kb_args a;
  int rc = parse_args(argc, argv, 0, &a);
  if (rc != 0 || a.help) {
    usage(rc ? stderr : stdout);
    return rc;
  }
  char *dir = kb_dir(a.data);
  csto_kbfile *kb = NULL;
  csto_error err = {0};
  size_t files = 0;
  csto_kbfile_stats stats;
  csto_status st = dir ? csto_kbfile_new(&kb, &err)
                       : csto_error_set(&err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    st = csto_kbfile_load_dir(kb, dir, &files, &err);
  if (st == CSTO_OK && files == 0)
    st = csto_error_set(&err, CSTO_ERR_DATA, "%s: no .ttl files", dir);
  if (st == CSTO_OK)
    st = csto_kbfile_stats_get(kb, &stats, &err);
  if (st == CSTO_OK)
    print_stats(dir, files, &stats);
  csto_kbfile_free(kb);
  free(dir);
  return st == CSTO_OK ? 0 : fail(&err);
}

/* The graphs import needs: the knowledge base in use, the extract, and the target file's
 * current content (empty when the file does not exist yet). */
struct import_graphs {
  csto_kbfile *known, *extract, *target;
};

static void graphs_free(struct import_graphs *g) {
  csto_kbfile_free(g->known);
  csto_kbfile_free(g->extract);
  csto_kbfile_free(g->target);
}

static csto_status load_graphs(struct import_graphs *g, const char *dir, const char *file,
                               const char *into, csto_error *err) {
  struct stat sb;
  csto_status st = csto_kbfile_new(&g->known, err);
  if (st == CSTO_OK)
    st = csto_kbfile_new(&g->extract, err);
  if (st == CSTO_OK)
    st = csto_kbfile_new(&g->target, err);
  if (st == CSTO_OK)
    st = csto_kbfile_load_dir(g->known, dir, NULL, err);
  if (st == CSTO_OK)
    st = csto_kbfile_load(g->extract, file, err);
  /* A broken target must stop the import: rewriting it would lose what it held. */
  if (st == CSTO_OK && stat(into, &sb) == 0)
    st = csto_kbfile_load(g->target, into, err);
  return st;
}

static int kb_import(int argc, char **argv) {
  struct kb_args a;
  int rc = parse_args(argc, argv, 1, &a);
  if (rc != 0 || a.help) {
    usage(rc ? stderr : stdout);
    return rc;
  }
  csto_error err = {0};
  struct import_graphs g = {0};
  csto_kbfile_import_report rep = {0};
  char *dir = kb_dir(a.data), *into = NULL;
  if (dir && !a.into && (into = malloc(strlen(dir) + sizeof "/user.ttl")))
    sprintf(into, "%s/user.ttl", dir);
  const char *target = a.into ? a.into : into;
  csto_status st = dir && target ? load_graphs(&g, dir, a.file, target, &err)
                                 : csto_error_set(&err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    st = csto_kbfile_import_wikidata(g.target, g.extract, g.known, &rep, &err);
  if (st == CSTO_OK && rep.imported == 0)
    st = csto_error_set(&err, CSTO_ERR_INPUT, "%s: no Wikidata item with an English label",
                        a.file);
  if (st == CSTO_OK)
    st = csto_kbfile_write(g.target, target, &err);
  if (st == CSTO_OK)
    printf("imported %zu of %zu items into %s (%zu already linked, %zu typed, "
           "%zu without an English label skipped, %zu post holdings): %zu new triples, "
           "%zu in all\n",
           rep.imported, rep.items, target, rep.reused, rep.typed, rep.skipped, rep.holdings,
           rep.added, csto_kbfile_size(g.target));
  graphs_free(&g);
  free(dir);
  free(into);
  return st == CSTO_OK ? 0 : fail(&err);
}

int csto_cmd_kb(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(argv[1], "stats") == 0)
    return kb_stats(argc - 1, argv + 1);
  if (strcmp(argv[1], "import") == 0)
    return kb_import(argc - 1, argv + 1);
  csto_cli_error("kb: unknown subcommand '%s'", argv[1]);
  usage(stderr);
  return 2;
}
