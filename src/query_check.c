/* The embedded engine's refusals and the query form: lexical checks over SPARQL text. */
#include "query_check.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "csto/normalize.h"

#define ON_A_SERVER "or run it on Virtuoso: csto-kg serve --store S, then csto-kg query --endpoint URL"

/* Length of the comment, string or IRI starting at p (0 when none starts there): keywords
 * inside them are not the query's. */
static size_t skipped(const char *p) {
  const char *q = p;
  if (*p == '#')
    return strcspn(p, "\n");
  if (*p == '<' && !strchr(" =", p[1])) /* an IRI, not the operator "<" or "<=" */
    return strcspn(p + 1, "> \n") + 1;
  if (*p != '"' && *p != '\'')
    return 0;
  char quote = *p;
  int triple = p[1] == quote && p[2] == quote;
  for (q = p + (triple ? 3 : 1); *q; q++) {
    if (*q == '\\' && q[1]) {
      q++;
    } else if (*q == quote && (!triple || (q[1] == quote && q[2] == quote))) {
      return (size_t)(q - p) + (triple ? 3 : 1);
    }
  }
  return (size_t)(q - p);
}

static int word_char(char c) { return isalnum((unsigned char)c) || c == '_' || c == ':' || c == '?' || c == '$'; }

/* Whether keyword (ASCII) stands at p as a word of its own. */
static int keyword_at(const char *sparql, const char *p, const char *keyword) {
  size_t n = strlen(keyword);
  return (p == sparql || !word_char(p[-1])) && strncasecmp(p, keyword, n) == 0 && !word_char(p[n]);
}

/* Past white space and comments. */
static const char *after_space(const char *p) {
  while (isspace((unsigned char)*p) || *p == '#')
    p += *p == '#' ? strcspn(p, "\n") : 1;
  return p;
}

/* Whether the query uses keyword as a keyword, followed (when then is not NULL) by "(" and
 * the keyword then: "COUNT ( DISTINCT". */
static int uses_keyword(const char *sparql, const char *keyword, const char *then) {
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, keyword)) {
      const char *q = after_space(p + strlen(keyword));
      if (!then || (*q == '(' && keyword_at(sparql, after_space(q + 1), then)))
        return 1;
    }
    p++;
  }
  return 0;
}

/* What the embedded engine (rasqal 0.9.33) answers wrongly, crashes on or cannot run,
 * each with what to write instead: refused with a message, never answered wrong. (EXISTS
 * stands for NOT EXISTS too.) */
static const struct {
  const char *keyword, *then, *why;
} refused[] = {
    {"VALUES", NULL, "VALUES is refused: rasqal drops rows of a VALUES block and crashes on an "
                     "empty one; write FILTER(?x IN (...)) or UNION"},
    {"COUNT", "DISTINCT", "COUNT(DISTINCT ...) is refused: rasqal miscounts it (a GRAPH ?g count "
                          "gave 5 for 3 graphs); write SELECT (COUNT(?x) AS ?n) WHERE { SELECT "
                          "DISTINCT ?x WHERE { ... } }"},
    {"SEPARATOR", NULL, "GROUP_CONCAT's separator is refused: rasqal ignores it and joins with a "
                        "space; leave it out, or split the values in your program"},
    {"CONCAT", NULL, "CONCAT is refused: over variables rasqal gives empty strings, or reads "
                     "freed memory (CONCAT(STR(?s), ...), found by the sanitizer build); join "
                     "the values in your program"},
    {"DESCRIBE", NULL, "DESCRIBE is refused: rasqal cannot run it; write CONSTRUCT { <x> ?p ?o } "
                       "WHERE { <x> ?p ?o }"},
    {"EXISTS", NULL, "EXISTS and NOT EXISTS are refused: rasqal cannot parse them; write "
                     "OPTIONAL { ... } FILTER(BOUND(?x)) or FILTER(!BOUND(?x))"},
    {"MINUS", NULL, "MINUS is refused: rasqal cannot parse it; write OPTIONAL { ... } "
                    "FILTER(!BOUND(?x))"},
};

/* SPARQL Update: the embedded engine only reads (csto-kg load changes a store). */
static const char *const updates[] = {"INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE"};

/* ---- property paths ------------------------------------------------------------------
 * An operator is a path's when it follows a predicate: an IRI, a prefixed name or "a".
 * In expressions "/", "*" and "+" follow variables, numbers, ")" or a keyword instead,
 * "||" is a logical or and "^^" a datatype; a single "|" or "^" has no other meaning. */

typedef enum { TOKEN_OTHER, TOKEN_PREDICATE } token_kind;

/* Length of the word (name, variable, number, keyword) at p. */
static size_t word_length(const char *p) {
  size_t n = 0;
  while (word_char(p[n]) || p[n] == '-' || p[n] == '.' || (unsigned char)p[n] >= 0x80)
    n++;
  return p[n - (n > 0)] == '.' ? n - 1 : n; /* a final "." ends the triple */
}

static token_kind word_kind(const char *p, size_t n) {
  if (n == 1 && *p == 'a')
    return TOKEN_PREDICATE;
  return *p != '?' && *p != '$' && memchr(p, ':', n) ? TOKEN_PREDICATE : TOKEN_OTHER;
}

/* Past "^^" and the datatype after it, which no operator after it can make a predicate. */
static const char *after_datatype(const char *p) {
  p = after_space(p + 2);
  size_t skip = *p == '<' ? skipped(p) : 0;
  return skip ? p + skip + (p[skip] == '>') : p + word_length(p);
}

/* The first property path operator of the query, or NULL. */
static const char *path_operator(const char *sparql) {
  token_kind last = TOKEN_OTHER;
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p), n;
    if (skip && *p == '<') { /* an IRI, when it ends with ">" (else "<" compared) */
      last = p[skip] == '>' ? TOKEN_PREDICATE : TOKEN_OTHER;
      p += skip + (p[skip] == '>');
    } else if (skip) {
      last = *p == '#' ? last : TOKEN_OTHER;
      p += skip;
    } else if (isspace((unsigned char)*p)) {
      p++;
    } else if ((n = word_length(p)) > 0) {
      last = word_kind(p, n);
      p += n;
    } else if ((*p == '^' || *p == '|') && p[1] == *p) {
      last = TOKEN_OTHER;
      p = *p == '^' ? after_datatype(p) : p + 2;
    } else if (*p == '^' || *p == '|' || (strchr("/*+", *p) && last == TOKEN_PREDICATE)) {
      return p;
    } else {
      last = TOKEN_OTHER;
      p++;
    }
  }
  return NULL;
}

/* "CONSTRUCT { }": an empty template, on which rasqal crashes (found by fuzzing). */
static int empty_construct(const char *sparql) {
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, "CONSTRUCT")) {
      const char *q = after_space(p + strlen("CONSTRUCT"));
      return *q == '{' && *after_space(q + 1) == '}';
    }
    p++;
  }
  return 0;
}

/* Where the argument after the first top-level comma of the call whose "(" is at p
 * starts, or NULL. */
static const char *second_argument(const char *p) {
  int depth = 0;
  for (; *p; p++) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip - 1;
      continue;
    }
    if (*p == '(')
      depth++;
    else if (*p == ')' && --depth == 0)
      return NULL;
    else if (*p == ',' && depth == 1)
      return after_space(p + 1);
  }
  return NULL;
}

/* REGEX(text, pattern) whose pattern is not a string literal: rasqal crashes when it is
 * not a string at run time (found by fuzzing). */
static int regex_without_literal(const char *sparql) {
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, "REGEX")) {
      const char *call = after_space(p + strlen("REGEX"));
      const char *pattern = *call == '(' ? second_argument(call) : NULL;
      if (pattern && *pattern != '"' && *pattern != '\'')
        return 1;
    }
    p++;
  }
  return 0;
}

/* A \u or \U code point escape without its 4 or 8 hex digits: rasqal's lexer crashes on
 * one (found by fuzzing). */
static int malformed_escape(const char *sparql) {
  for (const char *p = sparql; *p; p++) {
    if (*p != '\\' || (p[1] != 'u' && p[1] != 'U')) {
      p += *p == '\\' && p[1]; /* another escape: its character is not a backslash */
      continue;
    }
    int need = p[1] == 'u' ? 4 : 8;
    for (int i = 0; i < need; i++)
      if (!isxdigit((unsigned char)p[2 + i]))
        return 1;
  }
  return 0;
}

/* ---- a binding rasqal loses -----------------------------------------------------------
 * rasqal 0.9.33 forgets that a variable is bound when the query's first triple pattern
 * binds it, a later pattern of the same group shares no variable with those before it
 * (a cross product), and an OPTIONAL or UNION group uses the variable: the group binds it
 * afresh and rows of other values come out. `?s :date "d" . ?c :member :org . OPTIONAL {
 * ?p :attends ?s }` gives every event's attendees, not those of ?s (roqet does the same);
 * with `?c :member :org` first, or with the patterns connected, the answer is right.
 * Found here by reading the WHERE group's own triple patterns. */

enum { MAX_TRIPLES = 64, MAX_VARIABLES = 8 };

typedef struct {
  const char *at[MAX_VARIABLES]; /* each variable's name, after its "?" or "$" */
  size_t len[MAX_VARIABLES];
  size_t n;
} variables;

typedef struct {
  variables triple[MAX_TRIPLES];
  size_t n;
  variables subject, predicate, object; /* the pattern being read */
  int part;                            /* 0 subject, 1 predicate, 2 object */
} patterns;

static void add_variable(variables *v, const char *at, size_t len) {
  if (v->n < MAX_VARIABLES) {
    v->at[v->n] = at;
    v->len[v->n++] = len;
  }
}

static int has_variable(const variables *v, const char *at, size_t len) {
  for (size_t i = 0; i < v->n; i++)
    if (v->len[i] == len && strncmp(v->at[i], at, len) == 0)
      return 1;
  return 0;
}

/* The object ends a pattern: its variables are the subject's, predicate's and object's. */
static void end_pattern(patterns *ps) {
  if (ps->n < MAX_TRIPLES) {
    variables *t = &ps->triple[ps->n++];
    const variables *parts[] = {&ps->subject, &ps->predicate, &ps->object};
    memset(t, 0, sizeof *t);
    for (size_t i = 0; i < 3; i++)
      for (size_t j = 0; j < parts[i]->n; j++)
        add_variable(t, parts[i]->at[j], parts[i]->len[j]);
  }
  memset(&ps->object, 0, sizeof ps->object);
}

/* A term (or a bracketed blank node, a collection) in the current part of the pattern. */
static void add_term(patterns *ps, const char *p, size_t n) {
  variables *part = ps->part == 0 ? &ps->subject : ps->part == 1 ? &ps->predicate : &ps->object;
  if (n > 1 && (*p == '?' || *p == '$'))
    add_variable(part, p + 1, n - 1);
  if (ps->part == 2)
    end_pattern(ps);
  else
    ps->part++;
}

/* Past the bracket that closes the one at p ("{" "(" "["), or the end of the text. */
static const char *past_closing(const char *p) {
  char open = *p, close = open == '{' ? '}' : open == '(' ? ')' : ']';
  int depth = 0;
  for (; *p; p++) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip - 1;
    } else if (*p == open) {
      depth++;
    } else if (*p == close && --depth == 0) {
      return p + 1;
    }
  }
  return p;
}

/* Read the triple patterns of the group at group ("{"), not those of groups inside it. */
static void read_patterns(const char *group, patterns *ps) {
  memset(ps, 0, sizeof *ps);
  for (const char *p = group + 1; *p && *p != '}';) {
    size_t skip = skipped(p), n;
    if (isspace((unsigned char)*p) || *p == '#') {
      p = after_space(p);
    } else if (skip) { /* an IRI or a literal */
      add_term(ps, p, 0);
      p += skip + (*p == '<' && p[skip] == '>');
    } else if (*p == '{' || *p == '(' || *p == '[') {
      if (*p != '{') /* an expression is no term; a blank node or collection is */
        ps->part = *p == '(' && ps->part == 0 ? 0 : ps->part;
      if (*p == '[')
        add_term(ps, p, 0);
      p = past_closing(p);
    } else if (*p == '.' || *p == ';' || *p == ',') {
      ps->part = *p == '.' ? 0 : *p == ';' ? 1 : 2;
      if (*p == '.')
        memset(&ps->subject, 0, sizeof ps->subject);
      if (*p != ',')
        memset(&ps->predicate, 0, sizeof ps->predicate);
      p++;
    } else if ((n = word_length(p)) > 0) {
      int keyword = n > 1 && *p != '?' && *p != '$' && !memchr(p, ':', n) &&
                    !isdigit((unsigned char)*p);
      if (!keyword)
        add_term(ps, p, n);
      p += n;
    } else {
      p++;
    }
  }
}

/* A pattern after the first that shares no variable with those before it. */
static int has_cross_product(const patterns *ps) {
  for (size_t i = 1; i < ps->n; i++) {
    int shared = 0;
    for (size_t j = 0; j < ps->triple[i].n && !shared; j++)
      for (size_t k = 0; k < i && !shared; k++)
        shared = has_variable(&ps->triple[k], ps->triple[i].at[j], ps->triple[i].len[j]);
    if (!shared)
      return 1;
  }
  return 0;
}

/* Where the WHERE clause's group starts ("{"), or NULL. */
static const char *where_group(const char *sparql) {
  const char *first = NULL;
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, "WHERE")) {
      const char *q = after_space(p + strlen("WHERE"));
      return *q == '{' ? q : NULL;
    }
    if (*p == '{' && !first)
      first = p;
    p++;
  }
  return first;
}

/* A variable of v used inside a group nested in the one at group: its index, or -1. */
static int used_in_nested_group(const char *group, const variables *v) {
  int depth = 0;
  for (const char *p = group; *p;) {
    size_t skip = skipped(p), n;
    if (skip) {
      p += skip;
    } else if (*p == '{' || *p == '}') {
      depth += *p == '{' ? 1 : -1;
      if (depth == 0)
        return -1;
      p++;
    } else if ((*p == '?' || *p == '$') && (n = word_length(p)) > 1) {
      for (size_t i = 0; depth > 1 && i < v->n; i++)
        if (n - 1 == v->len[i] && strncmp(p + 1, v->at[i], n - 1) == 0)
          return (int)i;
      p += n;
    } else {
      p++;
    }
  }
  return -1;
}

static int lost_binding(const char *sparql, const char **name, size_t *len) {
  const char *group = where_group(sparql);
  if (!group)
    return 0;
  patterns ps;
  read_patterns(group, &ps);
  if (ps.n < 2 || !has_cross_product(&ps))
    return 0;
  int i = used_in_nested_group(group, &ps.triple[0]);
  if (i < 0)
    return 0;
  *name = ps.triple[0].at[i];
  *len = ps.triple[0].len[i];
  return 1;
}

/* ---- grouping ---------------------------------------------------------------------------
 * rasqal 0.9.33 answers two forms of grouping wrongly (roqet too):
 *   - a SELECT that groups with no aggregate in its projection: GROUP BY is ignored and
 *     the rows come out ungrouped, duplicates included (`SELECT ?p ?m { ... } GROUP BY ?p
 *     ?m`, a subquery's too, so an outer COUNT counts them all);
 *   - a projected expression without an aggregate in a SELECT that groups, `(STR(?p) AS
 *     ?x)` with GROUP BY ?p: every row but the last shows the next group's value.
 * Found by reading each SELECT: its projection, and whether GROUP BY follows its group. */

static const char *const aggregates[] = {"COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE",
                                         "GROUP_CONCAT"};

/* Whether the text from p to end holds an aggregate call. */
static int holds_aggregate(const char *sparql, const char *p, const char *end) {
  for (; p < end; p++)
    for (size_t i = 0; i < sizeof aggregates / sizeof aggregates[0]; i++)
      if (keyword_at(sparql, p, aggregates[i]))
        return 1;
  return 0;
}

typedef enum { GROUPING_FINE, GROUPING_IGNORED, GROUPING_SHIFTED } grouping;

/* The SELECT at select: its projection up to its group, the group, and what follows. */
static grouping select_grouping(const char *sparql, const char *select) {
  const char *p = select + strlen("SELECT"), *group = NULL;
  int any_aggregate = 0, plain_expression = 0;
  while (*p && !group) {
    size_t skip = skipped(p);
    if (*p == '{') {
      group = p;
    } else if (*p == '(') {
      const char *end = past_closing(p);
      if (holds_aggregate(sparql, p, end))
        any_aggregate = 1;
      else
        plain_expression = 1;
      p = end;
    } else {
      p += skip ? skip : 1;
    }
  }
  if (!group || !keyword_at(sparql, after_space(past_closing(group)), "GROUP"))
    return GROUPING_FINE;
  return !any_aggregate ? GROUPING_IGNORED : plain_expression ? GROUPING_SHIFTED
                                                              : GROUPING_FINE;
}

static grouping wrong_grouping(const char *sparql) {
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, "SELECT")) {
      grouping g = select_grouping(sparql, p);
      if (g != GROUPING_FINE)
        return g;
    }
    p++;
  }
  return GROUPING_FINE;
}

csto_status csto_query_refuse(const char *sparql, csto_error *err) {
  size_t len = strlen(sparql), bad = csto_utf8_first_bad(sparql, len);
  if (bad < len)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: the query is not UTF-8 (byte %zu)", bad);
  if (malformed_escape(sparql))
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: a \\u or \\U escape without its 4 or 8 hex digits is refused: "
                          "rasqal's lexer crashes on it");
  if (regex_without_literal(sparql))
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: REGEX with a pattern that is not a string literal is refused: "
                          "rasqal crashes when the pattern is not a string");
  if (empty_construct(sparql))
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: a CONSTRUCT with an empty template is refused: rasqal crashes on "
                          "it, and it constructs nothing");
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
    if (uses_keyword(sparql, refused[i].keyword, refused[i].then))
      return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: %s, " ON_A_SERVER, refused[i].why);
  const char *path = path_operator(sparql);
  if (path)
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: property paths are refused ('%c' after a predicate): rasqal "
                          "cannot parse them; write one triple pattern per step, " ON_A_SERVER,
                          *path);
  grouping g = wrong_grouping(sparql);
  if (g == GROUPING_SHIFTED)
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: an expression without an aggregate in the SELECT clause of a "
                          "query that groups is refused: rasqal gives each row the next "
                          "group's value; write BIND(expression AS ?x) in the WHERE clause and "
                          "GROUP BY ?x, " ON_A_SERVER);
  if (g == GROUPING_IGNORED)
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: GROUP BY with no aggregate in its SELECT is refused: rasqal "
                          "ignores it and returns the rows ungrouped, duplicates included; "
                          "write SELECT DISTINCT, " ON_A_SERVER);
  const char *name;
  size_t name_len;
  if (lost_binding(sparql, &name, &name_len))
    return csto_error_set(err, CSTO_ERR_QUERY,
                          "SPARQL: ?%.*s is bound by the first triple pattern, a later pattern "
                          "shares no variable with those before it, and a nested group "
                          "(OPTIONAL, UNION) uses ?%.*s: rasqal loses that binding and answers "
                          "with rows of other values; put another pattern first, "
                          "one that does not bind it, " ON_A_SERVER,
                          (int)name_len, name, (int)name_len, name);
  for (size_t i = 0; i < sizeof updates / sizeof updates[0]; i++)
    if (uses_keyword(sparql, updates[i], NULL))
      return csto_error_set(err, CSTO_ERR_QUERY,
                            "SPARQL: %s (SPARQL Update) is refused: queries here only read; "
                            "change a store with csto-kg load",
                            updates[i]);
  return CSTO_OK;
}

csto_query_kind csto_query_form(const char *sparql) {
  for (const char *p = sparql; *p;) {
    size_t skip = skipped(p);
    if (skip) {
      p += skip;
      continue;
    }
    if (keyword_at(sparql, p, "ASK"))
      return CSTO_QUERY_ASK;
    if (keyword_at(sparql, p, "CONSTRUCT") || keyword_at(sparql, p, "DESCRIBE"))
      return CSTO_QUERY_GRAPH;
    if (keyword_at(sparql, p, "SELECT"))
      return CSTO_QUERY_SELECT;
    p++;
  }
  return CSTO_QUERY_SELECT;
}
