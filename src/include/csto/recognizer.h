/* csto-kg stage 3, the recognizer: tokens -> mentions.
 *
 * It matches the knowledge base's names and the lexicon's phrases (longest match, with
 * role titles preferred where they overlap a name), then composes them into mentions:
 * persons with their titles ("Armenian Foreign Minister Ararat Mirzoyan", "Edward Nalbandian,
 * Foreign Minister of Armenia"), title-only persons ("the Russian leader"), new proper
 * names typed by context, event descriptions ("the CSTO Collective Security Council
 * meeting", "a joint CSTO-SCO summit"), places ("Kyrgyzstan's capital Bishkek", "here"),
 * dates resolved against the publication date (csto/calendar.h), attendance modes and
 * cue phrases. The code is in src/recognize/, one file per kind of mention. */
#ifndef CSTO_RECOGNIZER_H
#define CSTO_RECOGNIZER_H

#include "csto/calendar.h" /* csto_resolve_date, with which date mentions are resolved */
#include "csto/document.h"

/* Recognize the mentions of doc (segmented: tokens and sentences) into out, in text
 * order, with the dateline's city. On success out is owned by the caller
 * (csto_doc_attach_recognition, or csto_recognition_free). */
csto_status csto_recognize(const csto_doc *doc, csto_recognition *out, csto_error *err);

#endif
