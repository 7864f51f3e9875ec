#!/usr/bin/env node
// SHACL Core validation of csto-kg output (rdf-validate-shacl + n3).
//
//   node validate.mjs [--nif-offsets] SHAPES.ttl DATA [DATA...]
//
// Every file is parsed strictly by n3, the syntax chosen by extension: .ttl/.turtle (Turtle),
// .nt (N-Triples), .nq (N-Quads), .trig (TriG). Quads of all data files are merged into one
// default graph (named graphs are per-article partitions of one knowledge graph), then
// validated against the shapes. Each validation result is printed with its focus node,
// path, constraint component, value, shape and message.
//
// --nif-offsets adds a check SHACL Core cannot express: for every node with nif:anchorOf,
// nif:beginIndex, nif:endIndex and nif:referenceContext, the anchor must equal the context's
// nif:isString cut at those offsets counted in Unicode code points (as NIF requires), and
// the offsets must lie within the string. Failures are reported like SHACL results.
//
// Exit status: 0 the data conforms; 1 it does not; 2 usage error, unreadable file, parse
// error (reported as FILE:LINE: message) or a shapes file that declares no shapes.

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const FORMATS = {
  '.ttl': 'text/turtle',
  '.turtle': 'text/turtle',
  '.nt': 'application/n-triples',
  '.nq': 'application/n-quads',
  '.trig': 'application/trig',
};

class InputError extends Error {}

function fail(message) {
  process.stderr.write(`validate.mjs: ${message}\n`);
  process.exit(2);
}

// Parse one file; returns { quads, prefixes }. Throws InputError naming FILE:LINE.
function parseFile(file, counter) {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) {
    throw new InputError(`${file}: unknown extension (expected ${Object.keys(FORMATS).join(' ')})`);
  }
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot read: ${err.message}`);
  }
  const parser = new N3.Parser({
    format,
    baseIRI: pathToFileURL(path.resolve(file)).href,
    blankNodePrefix: `f${counter}_`, // blank nodes of different files never merge
  });
  const prefixes = {};
  try {
    const quads = parser.parse(text, null, (prefix, iri) => { prefixes[prefix] = iri.value; });
    return { quads, prefixes };
  } catch (err) {
    const line = err.context && err.context.line ? err.context.line : '?';
    const message = String(err.message).replace(/\s+on line \d+\.?$/, '');
    throw new InputError(`${file}:${line}: ${message}`);
  }
}

function makeFormatter(prefixes, shapesStore) {
  const entries = Object.entries(prefixes)
    .filter(([, iri]) => iri)
    .sort((a, b) => b[1].length - a[1].length);
  const iri = (value) => {
    for (const [prefix, ns] of entries) {
      if (value.startsWith(ns) && /^[A-Za-z0-9_.\-]*$/.test(value.slice(ns.length))) {
        return `${prefix}:${value.slice(ns.length)}`;
      }
    }
    return `<${value}>`;
  };
  const term = (t) => {
    if (!t) return '-';
    switch (t.termType) {
      case 'NamedNode':
        return iri(t.value);
      case 'BlankNode':
        return `_:${t.value}`;
      case 'Literal': {
        const lexical = JSON.stringify(t.value);
        if (t.language) return `${lexical}@${t.language}`;
        if (t.datatype && t.datatype.value !== 'http://www.w3.org/2001/XMLSchema#string') {
          return `${lexical}^^${iri(t.datatype.value)}`;
        }
        return lexical;
      }
      default:
        return t.value;
    }
  };
  // Render a SHACL property path (the shapes graph holds the structure of complex paths).
  const pathTerm = (t, depth = 0) => {
    if (!t) return '-';
    if (t.termType !== 'BlankNode' || depth > 8) return term(t);
    const one = (p) => shapesStore.getObjects(t, SH + p, null)[0];
    if (one('inversePath')) return `^${pathTerm(one('inversePath'), depth + 1)}`;
    if (one('zeroOrMorePath')) return `${pathTerm(one('zeroOrMorePath'), depth + 1)}*`;
    if (one('oneOrMorePath')) return `${pathTerm(one('oneOrMorePath'), depth + 1)}+`;
    if (one('zeroOrOnePath')) return `${pathTerm(one('zeroOrOnePath'), depth + 1)}?`;
    const list = (node, sep) => {
      const items = [];
      for (let n = node, i = 0; n && n.value !== RDF + 'nil' && i < 32; i++) {
        items.push(pathTerm(shapesStore.getObjects(n, RDF + 'first', null)[0], depth + 1));
        n = shapesStore.getObjects(n, RDF + 'rest', null)[0];
      }
      return `(${items.join(sep)})`;
    };
    if (one('alternativePath')) return list(one('alternativePath'), '|');
    if (shapesStore.getObjects(t, RDF + 'first', null).length) return list(t, '/');
    return term(t);
  };
  // A property shape is usually a blank node: name it by its node shape and path.
  const shapeTerm = (t) => {
    if (!t || t.termType !== 'BlankNode') return term(t);
    const parent = shapesStore.getSubjects(SH + 'property', t, null)[0];
    const p = shapesStore.getObjects(t, SH + 'path', null)[0];
    if (parent) return `${shapeTerm(parent)}/${p ? pathTerm(p) : '?'}`;
    return term(t);
  };
  return { term, pathTerm, shapeTerm };
}

const NIF = 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#';

// NIF offsets versus text: returns a list of { focus, message } for every mismatch.
function checkNifOffsets(store) {
  const problems = [];
  const one = (s, p) => store.getObjects(s, NIF + p, null)[0];
  const codePoints = new Map();
  const cps = (context) => {
    if (!codePoints.has(context.value)) {
      const text = one(context, 'isString');
      codePoints.set(context.value, text ? { chars: [...text.value], base: Number(one(context, 'beginIndex')?.value ?? 0) } : null);
    }
    return codePoints.get(context.value);
  };
  for (const anchor of store.getQuads(null, NIF + 'anchorOf', null, null)) {
    const node = anchor.subject;
    const context = one(node, 'referenceContext');
    const b = one(node, 'beginIndex');
    const e = one(node, 'endIndex');
    if (!context || !b || !e) continue; // the shapes report missing parts
    const text = cps(context);
    if (!text) continue;
    const begin = Number(b.value) - text.base;
    const end = Number(e.value) - text.base;
    if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin
        || end > text.chars.length) {
      problems.push({ focus: node, message: `offsets [${b.value},${e.value}) lie outside the context's nif:isString (${text.chars.length} code points)` });
      continue;
    }
    const cut = text.chars.slice(begin, end).join('');
    if (cut !== anchor.object.value) {
      problems.push({ focus: node, message: `nif:anchorOf differs from nif:isString[${b.value},${e.value}) in code points: text has ${JSON.stringify(cut.length > 60 ? cut.slice(0, 57) + '...' : cut)}` });
    }
  }
  return problems;
}

async function main(argv) {
  if (argv.length < 2 || argv.includes('-h') || argv.includes('--help')) {
    process.stderr.write('usage: node validate.mjs [--nif-offsets] SHAPES.ttl DATA [DATA...]\n');
    process.exit(argv.includes('-h') || argv.includes('--help') ? 0 : 2);
  }
  const nifOffsets = argv[0] === '--nif-offsets';
  if (nifOffsets) argv = argv.slice(1);
  if (argv.length < 2) fail('usage: node validate.mjs [--nif-offsets] SHAPES.ttl DATA [DATA...]');
  const [shapesFile, ...dataFiles] = argv;
  let shapes;
  const data = [];
  const prefixes = { sh: SH, rdf: RDF };
  try {
    shapes = parseFile(shapesFile, 0);
    Object.assign(prefixes, shapes.prefixes);
    dataFiles.forEach((file, i) => {
      const parsed = parseFile(file, i + 1);
      for (const [p, ns] of Object.entries(parsed.prefixes)) if (!(p in prefixes)) prefixes[p] = ns;
      for (const q of parsed.quads) {
        data.push(N3.DataFactory.quad(q.subject, q.predicate, q.object, N3.DataFactory.defaultGraph()));
      }
    });
  } catch (err) {
    if (err instanceof InputError) fail(err.message);
    throw err;
  }

  const shapesStore = new N3.Store(shapes.quads);
  const declared = shapesStore.getSubjects(RDF + 'type', SH + 'NodeShape', null).length
    + shapesStore.getSubjects(RDF + 'type', SH + 'PropertyShape', null).length;
  if (declared === 0) fail(`${shapesFile}: declares no sh:NodeShape or sh:PropertyShape`);

  const dataStore = new N3.Store(data);
  const validator = new SHACLValidator(shapesStore);
  const report = await validator.validate(dataStore);
  const fmt = makeFormatter(prefixes, shapesStore);

  const lines = [];
  for (const r of report.results) {
    const severity = r.severity ? r.severity.value.replace(SH, '') : 'Violation';
    const messages = (r.message || []).map((m) => m.value).join(' | ');
    lines.push(`${severity}: focus ${fmt.term(r.focusNode)}`
      + `  path ${fmt.pathTerm(r.path)}`
      + `  constraint ${fmt.term(r.sourceConstraintComponent)}`
      + `  value ${fmt.term(r.value)}`
      + `  shape ${fmt.shapeTerm(r.sourceShape)}`
      + (messages ? `\n    message: ${messages}` : ''));
  }
  const nifProblems = nifOffsets ? checkNifOffsets(dataStore) : [];
  for (const p of nifProblems) {
    lines.push(`Violation: focus ${fmt.term(p.focus)}  path nif:anchorOf  constraint nif-offsets\n    message: ${p.message}`);
  }
  lines.sort();
  for (const line of lines) process.stdout.write(`${line}\n`);

  const files = dataFiles.join(' ');
  const total = report.results.length + nifProblems.length;
  if (total === 0) {
    process.stdout.write(`conforms: ${files} (${data.length} triples, ${declared} shapes)\n`);
    return 0;
  }
  process.stdout.write(`does not conform: ${total} result(s) in ${files}\n`);
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`validate.mjs: internal error: ${err && err.stack ? err.stack : err}\n`);
    process.exit(2);
  },
);
