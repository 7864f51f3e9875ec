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
