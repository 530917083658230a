// The comparison for the scale bench: compromise's entity pass (people, places, organisations) over every
// file of a folder, as one child process. Usage: node bench/scale/nlp-pass.mjs DIR. compromise is a
// devDependency; BRIEFING_NLP_MODULES may name another folder whose node_modules holds it.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
const from = process.env.BRIEFING_NLP_MODULES ? path.join(path.resolve(process.env.BRIEFING_NLP_MODULES), 'x.js') : import.meta.filename;
const nlp = (await import(pathToFileURL(createRequire(from).resolve('compromise')).href)).default;
let entities = 0;
let bytes = 0;
for (const f of readdirSync(dir).sort()) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  bytes += Buffer.byteLength(text);
  const doc = nlp(text);
  entities += doc.people().length + doc.places().length + doc.organizations().length;
}
console.log(JSON.stringify({ entities, bytes }));
