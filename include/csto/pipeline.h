/* csto-kg: the extraction, article in, facts out: the knowledge base it reads, and the
 * whole pipeline for one article (segment -> recognize -> resolve -> extract ->
 * consolidate). The graph builder and serializer (graph.h) take it from there;
 * explain.h shows the facts and why they were read.
 *
 * csto_kb and csto_doc are opaque here; the library's own modules see their layers. */
#ifndef CSTO_PIPELINE_H
#define CSTO_PIPELINE_H

#include "csto/api.h"
#include "csto/error.h"
#include "csto/reader.h"

/* The namespaces of the ontology, of minted resources (a graph's default base), of the
 * lexicon and of Wikidata. */
#define CSTO_NS "https://w3id.org/csto-kg/ontology#"
#define CSTO_RES_NS "https://w3id.org/csto-kg/resource/"
#define CSTO_LEX_NS "https://w3id.org/csto-kg/lexicon#"
#define CSTO_WD_NS "http://www.wikidata.org/entity/"

/* The knowledge base and lexicon (ontology/lexicon.ttl, ontology/kb/NAME.ttl). */
typedef struct csto_kb csto_kb;

/* Load data_dir/lexicon.ttl and every data_dir/kb/NAME.ttl (in name order). On success *out
 * is owned by the caller (csto_kb_free). Errors (CSTO_ERR_DATA for broken data) name the file
 * and line. The lexicon is checked: an unknown class, cue or property, a lex:value that is not
 * an integer, a phrase listed twice, or under two meanings without lex:Ambiguous, is an error. */
CSTO_API csto_status csto_kb_load(const char *data_dir, csto_kb **out, csto_error *err);

/* The same, keeping a snapshot of the parsed Turtle in cache_dir (created when missing;
 * NULL or "" for none) so that the next start skips the parse while the files are unchanged.
 * The snapshot is a cache: one that cannot be read or written is passed over silently. */
CSTO_API csto_status csto_kb_load_cached(const char *data_dir, const char *cache_dir,
                                         csto_kb **out, csto_error *err);

CSTO_API void csto_kb_free(csto_kb *kb);

/* The data directory: dir when not NULL, else $CSTO_DATA_DIR when set and not empty, else
 * the installed data (CSTO_INSTALLED_DATA_DIR, PREFIX/share/csto-kg, when it holds a
 * lexicon), else the source tree's ontology/ (CSTO_DEFAULT_DATA_DIR). Borrowed. */
CSTO_API const char *csto_kbfile_data_dir(const char *dir);

/* The data directory to use: csto_kbfile_data_dir(NULL) ($CSTO_DATA_DIR, else the installed
 * data, else the source tree's). */
CSTO_API const char *csto_kb_default_dir(void);

/* The cache folder to use, owned by the caller (free): $CSTO_CACHE_DIR (set but empty: NULL,
 * no cache), else $XDG_CACHE_HOME/csto-kg, else $HOME/.cache/csto-kg, else NULL. */
CSTO_API char *csto_kb_default_cache_dir(void);

/* One article read by the pipeline: its mentions, entities, events and facts. */
typedef struct csto_doc csto_doc;

/* Run every stage on article with kb; on success *out is a new document owned by the
 * caller (csto_doc_free) that borrows article and kb. */
CSTO_API csto_status csto_pipeline_run(const csto_kb *kb, const csto_article *article,
                                       csto_doc **out, csto_error *err);

/* Free a document and everything it owns; NULL is a no-op. */
CSTO_API void csto_doc_free(csto_doc *doc);

#endif
