// The side-by-side row of bench/throughput.sh: compromise, the JavaScript NLP library,
// over the same articles: people, places and organizations of each article's text.
// compromise is installed outside the repository; DIR is the folder holding its
// node_modules.
//   node bench/compromise.mjs DIR CORPUS.jsonl
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const [dir, corpus] = process.argv.slice(2);
if (!dir || !corpus) {
  console.error('usage: node bench/compromise.mjs DIR CORPUS.jsonl');
  process.exit(2);
}
// Resolved from DIR, not from this file: the library is not in the repository.
const nlp = createRequire(join(dir, 'resolve-from-here.js'))('compromise');

const n = { articles: 0, people: 0, places: 0, organizations: 0 };
for (const line of readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const doc = nlp(JSON.parse(line).text);
  n.articles++;
  n.people += doc.people().length;
  n.places += doc.places().length;
  n.organizations += doc.organizations().length;
}
console.log(`${n.articles} articles: ${n.people} people, ${n.places} places, ` +
  `${n.organizations} organizations`);
