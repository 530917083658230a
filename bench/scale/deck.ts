// Times the deck alone (renderDeck) on a notes file, in one fresh process: `node bin/run-ts.mjs
// bench/scale/deck.ts NOTES.md [--root DIR] [--out FILE]`. `--root` renders with another checkout's
// sources (e.g. an export of main), so a before/after pair can be run alternately, each in its own
// process (the renderer's caches start empty, as in a build). Prints one JSON line: CPU and wall
// milliseconds of renderDeck, the deck's size and SHA-256 (to check byte-identity); the RSS on stderr.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const file = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!file) throw new Error('usage: deck.ts NOTES.md [--root DIR] [--out FILE]');
const root = path.resolve(option('--root') ?? path.join(import.meta.dirname, '..', '..'));
const load = async <M>(rel: string): Promise<M> => (await import(pathToFileURL(path.join(root, rel)).href)) as M;
const { parseNotes } = await load<typeof import('../../src/notes/markdown.ts')>('src/notes/markdown.ts');
const { renderDeck } = await load<typeof import('../../src/render/slides/index.ts')>('src/render/slides/index.ts');

const notes = parseNotes(readFileSync(file, 'utf8'), file);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const [c0, w0] = [cpu(), performance.now()];
const deck = renderDeck(notes);
const [c1, w1] = [cpu(), performance.now()];
const out = option('--out');
if (out) writeFileSync(out, deck.markdown);
const bytes = Buffer.byteLength(deck.markdown);
const sha = createHash('sha256').update(deck.markdown).digest('hex').slice(0, 16);
console.log(JSON.stringify({ root: path.basename(root), notes: file, cpuMs: Math.round(c1 - c0), wallMs: Math.round(w1 - w0), bytes, sha }));
console.error(JSON.stringify({ rssMB: Math.round(process.memoryUsage().rss / 1e6) }));
