// The start-up bench (issue 13): notes → deck + handout as a whole compiled process, the same render
// warm inside one process (what `briefing dev` does on a notes edit), and a notes edit reaching the
// handout PDF through a real `briefing dev --no-serve`. Prints medians; bench/results/startup.md
// records them. Needs `npm start` (notes/briefing.md) and `npm run build` (dist/) first.
// Usage: nice -n 10 node bench/startup.mjs [--runs 9] [--only cold,warm,dev] [--notes notes/briefing.md]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => { const k = process.argv.indexOf(`--${name}`); return k > 0 ? process.argv[k + 1] : fallback; };
const runs = Number(arg('runs', '9'));
const only = new Set(arg('only', 'cold,warm,dev').split(','));
const notesFile = path.resolve(arg('notes', path.join(ROOT, 'notes/briefing.md')));
const bin = path.join(ROOT, 'bin/briefing.mjs');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const ms = (x) => `${Math.round(x)} ms`;

if (!fs.existsSync(path.join(ROOT, 'dist/.built'))) throw new Error('dist/ is not built: run `npm run build` first');
if (!fs.existsSync(notesFile)) throw new Error(`${notesFile} not found: run \`npm start\` first`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-startup-'));

/**
 * `render` as a fresh process under /usr/bin/time: wall clock and user+system CPU, in ms. `fresh`
 * deletes the handout's fit record and the deck map's record first (a first render); otherwise the
 * records the last run left beside the PDF and the map are used (a re-render of unchanged notes).
 */
function coldRun(fresh = false) {
  if (fresh) {
    fs.rmSync(path.join(tmp, '.summary.pdf.fit.json'), { force: true });
    fs.rmSync(path.join(tmp, 'slides/public/.map.svg.json'), { force: true });
  }
  const out = ['--deck', path.join(tmp, 'slides/slides.md'), '--handout', path.join(tmp, 'summary.pdf')];
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', process.execPath, bin, 'render', notesFile, '-q', ...out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`render failed: ${r.stderr}`);
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall: wall * 1000, cpu: (user + sys) * 1000 };
}

if (only.has('cold')) {
  coldRun(); // warm the page cache
  // Alternately, so both see the same host load.
  const rows = { again: [], first: [] };
  for (let i = 0; i < runs; i++) {
    rows.first.push(coldRun(true));
    rows.again.push(coldRun(false));
  }
  for (const [what, r] of [['first render, no records', rows.first], ['again, fit and map records kept', rows.again]]) {
    console.log(`cold render, ${what} (${runs} fresh processes): median wall ${ms(median(r.map((x) => x.wall)))}, median CPU ${ms(median(r.map((x) => x.cpu)))}`);
  }
}

if (only.has('warm')) {
  // One process renders the notes again and again, each time with a different hand-added key point,
  // so no render is a repeat of the one before (Typst would answer a repeat from its cache).
  const script = `
    import fs from 'node:fs';
    const { parseNotes } = await import(${JSON.stringify(path.join(ROOT, 'dist/notes/markdown.js'))});
    const { renderSlides } = await import(${JSON.stringify(path.join(ROOT, 'dist/render/slides/index.js'))});
    const { renderHandout } = await import(${JSON.stringify(path.join(ROOT, 'dist/render/handout/index.js'))});
    const text = fs.readFileSync(${JSON.stringify(notesFile)}, 'utf8');
    const rows = [];
    for (let i = 0; i < ${runs + 2}; i++) {
      const t0 = performance.now(); const c0 = process.cpuUsage();
      const notes = parseNotes(text.replace('## Key points\\n', '## Key points\\n\\n- Hand point ' + i + ' was added in the edit. [s1]\\n'), 'n.md');
      const t1 = performance.now(); renderSlides(notes);
      const t2 = performance.now(); await renderHandout(notes, { paper: 'us-letter' });
      const t3 = performance.now(); const c = process.cpuUsage(c0);
      rows.push([t1 - t0, t2 - t1, t3 - t2, t3 - t0, (c.user + c.system) / 1000]);
    }
    console.log(JSON.stringify(rows.slice(2)));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`warm loop failed: ${r.stderr}`);
  const rows = JSON.parse(r.stdout.trim().split('\n').at(-1));
  const col = (k) => ms(median(rows.map((row) => row[k])));
  console.log(`warm render (${rows.length} edits in one process): median parse ${col(0)}, deck ${col(1)}, handout ${col(2)}, total wall ${col(3)}, CPU ${col(4)}`);
}

if (only.has('dev')) {
  // A real `briefing dev --no-serve` on a copy of the notes: the time from writing an edited notes
  // file to the handout PDF on disk changing (fs.watch, the 40 ms debounce, parse, deck, handout, write).
  const dir = path.join(tmp, 'dev');
  fs.mkdirSync(path.join(dir, 'notes'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'sources'), { recursive: true });
  const text = fs.readFileSync(notesFile, 'utf8');
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) fs.copyFileSync(path.join(ROOT, 'seeds', f), path.join(dir, 'sources', f));
  const notes = path.join(dir, 'notes/briefing.md');
  fs.writeFileSync(notes, text);
  const handout = path.join(dir, 'out/summary.pdf');
  const child = spawn(process.execPath, [bin, 'dev', 'sources', '--no-serve', '--json', '--notes', 'notes/briefing.md', '--deck', 'slides/slides.md', '--handout', 'out/summary.pdf'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  const until = async (test, what, limit = 120_000) => {
    const start = Date.now();
    while (!test()) {
      if (Date.now() - start > limit) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  try {
    await until(() => out.includes('"watching"'), 'dev to start');
    const lat = [];
    for (let i = 0; i < runs + 1; i++) {
      const before = fs.statSync(handout).mtimeMs;
      const t0 = performance.now();
      fs.writeFileSync(notes, text.replace('## Key points\n', `## Key points\n\n- Hand point ${i} was added in the edit. [s1]\n`));
      await until(() => fs.statSync(handout, { throwIfNoEntry: false })?.mtimeMs !== before, 'the handout');
      lat.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 300));
    }
    console.log(`dev: notes edit → handout PDF written (${runs} edits): median ${ms(median(lat.slice(1)))}`);
  } finally {
    child.kill('SIGINT');
  }
}
fs.rmSync(tmp, { recursive: true, force: true });
