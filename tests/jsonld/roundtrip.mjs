// The JSON-LD side of tests/e2e/test_jsonld.sh: jsonld.js (pinned by package-lock.json)
// reads csto-kg's output as any JSON-LD client would.
//
//   node roundtrip.mjs torf DOC.jsonld [CONTEXT_IRI CONTEXT_FILE]
//       DOC's quads (jsonld.toRDF, N-Quads), sorted. Safe mode: a key or value the context
//       cannot turn into RDF is an error, not a quad silently dropped. With CONTEXT_IRI and
//       CONTEXT_FILE, DOC's inline "@context" is replaced by CONTEXT_IRI, which the document
//       loader serves from CONTEXT_FILE (the published context, as a client fetches it).
//   node roundtrip.mjs nquads FILE.nq
//       FILE's quads written again by jsonld.js (canonize: parsed, sorted, one escaping), so
//       that they compare line by line with torf's.
//
// Any error exits with status 1.
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';

const [command, file, contextIri, contextFile] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');

async function torf() {
  const doc = JSON.parse(text);
  if (contextIri) doc['@context'] = contextIri;
  const documentLoader = async (url) => {
    if (url !== contextIri) throw new Error(`no document to load for ${url}`);
    return { contextUrl: null, documentUrl: url, document: JSON.parse(readFileSync(contextFile, 'utf8')) };
  };
  const quads = await jsonld.toRDF(doc, { format: 'application/n-quads', safe: true, documentLoader });
  return quads.split('\n').filter((l) => l).sort().join('\n') + '\n';
}

async function nquads() {
  return jsonld.canonize(text, { inputFormat: 'application/n-quads', format: 'application/n-quads' });
}

const run = { torf, nquads }[command];
if (!run) {
  console.error('usage: node roundtrip.mjs torf DOC.jsonld [CONTEXT_IRI CONTEXT_FILE] | nquads FILE.nq');
  process.exit(2);
}
try {
  process.stdout.write(await run());
} catch (e) {
  console.error(`roundtrip.mjs: ${file}: ${e.message}${e.details ? ' ' + JSON.stringify(e.details) : ''}`);
  process.exit(1);
}
