// End to end through the CLI: build from made-up articles, hand edits respected, bad input reported,
// outputs checked by their consumers (the notes checker, markdown-it, @slidev/parser, poppler).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseSync } from '@slidev/parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { parseNotes } from '../src/notes/markdown.ts';
import { NOTES_CHECKER } from './helpers/notes-checker.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli');
const articles = 'test/fixtures/articles';
const checker = NOTES_CHECKER;

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}: ${d.message}`)) };
}

const paths = (name: string) => {
  const dir = path.join(tmp, name);
  return { dir, notes: path.join(dir, 'notes/briefing.md'), deck: path.join(dir, 'slides/slides.md'), handout: path.join(dir, 'out/summary.pdf') };
};

async function build(name: string, extra: string[] = [], inputs = [articles]) {
  const p = paths(name);
  const io = capture();
  const code = await main(['build', ...inputs, '--notes', p.notes, '--deck', p.deck, '--handout', p.handout, ...extra], io);
  return { code, io, ...p };
}

const checkNotes = (file: string) => spawnSync(process.execPath, [checker, file], { encoding: 'utf8' });

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('briefing build', () => {
  it('writes notes, JSON, deck and a one-page PDF that their consumers accept', async () => {
    const r = await build('fresh');
    expect(r.code, r.io.err.join('\n')).toBe(0);
    const md = fs.readFileSync(r.notes, 'utf8');
    const check = checkNotes(r.notes);
    expect(check.status, check.stdout).toBe(0);
    const json = JSON.parse(fs.readFileSync(r.notes.replace(/\.md$/, '.json'), 'utf8'));
    expect(parseNotes(md, r.notes)).toEqual(json);
    const deck = parseSync(fs.readFileSync(r.deck, 'utf8'), r.deck);
    expect(deck.slides.length).toBeGreaterThan(4);
    expect(deck.slides[0]!.frontmatter.title).toBe(json.title);
    const info = spawnSync('pdfinfo', [r.handout], { encoding: 'utf8' });
    expect(info.stdout).toMatch(/Pages:\s+1\n/);
  });

  it('gives byte-identical notes and deck for the same inputs', async () => {
    const a = await build('det-a');
    const b = await build('det-b');
    expect(fs.readFileSync(a.notes, 'utf8')).toBe(fs.readFileSync(b.notes, 'utf8'));
    expect(fs.readFileSync(a.deck, 'utf8')).toBe(fs.readFileSync(b.deck, 'utf8'));
  });

  it('keeps a hand-edited notes file and renders from it; --redraft backs it up', async () => {
    const first = await build('edited');
    const edited = fs.readFileSync(first.notes, 'utf8').replace('## Key points\n', '## Key points\n\n- An analyst added this point by hand. [s1]\n');
    fs.writeFileSync(first.notes, edited);
    const again = await build('edited');
    expect(again.code, again.io.err.join('\n')).toBe(0);
    expect(fs.readFileSync(again.notes, 'utf8')).toBe(edited);
    expect(again.io.err.join('\n')).toMatch(/edited by hand/);
    expect(fs.readFileSync(again.deck, 'utf8')).toContain('An analyst added this point by hand.');
    const redraft = await build('edited', ['--redraft']);
    expect(redraft.code).toBe(0);
    expect(fs.readFileSync(`${first.notes}.1.bak`, 'utf8')).toBe(edited);
    expect(fs.readFileSync(redraft.notes, 'utf8')).not.toContain('An analyst added this point by hand.');
  });

  it('does not overwrite a hand-edited deck', async () => {
    const first = await build('deck-edit');
    fs.appendFileSync(first.deck, '\n---\n\n# My own slide\n');
    const mine = fs.readFileSync(first.deck, 'utf8');
    const again = await build('deck-edit');
    expect(again.code).toBe(0);
    expect(fs.readFileSync(first.deck, 'utf8')).toBe(mine);
    expect(fs.existsSync(first.deck.replace(/\.md$/, '.generated.md'))).toBe(true);
  });

  it('reports a bad source by name and briefs the others', async () => {
    const dir = path.join(tmp, 'mixed-input');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of fs.readdirSync(articles)) fs.copyFileSync(path.join(articles, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0, 159, 146, 150, 0, 0, 1, 2, 3]));
    const r = await build('mixed', [], [dir]);
    expect(r.code, r.io.err.join('\n')).toBe(0);
    expect(r.io.err.join('\n')).toMatch(/broken\.txt/);
    expect(JSON.parse(fs.readFileSync(r.notes.replace(/\.md$/, '.json'), 'utf8')).sources).toHaveLength(3);
  });

  it('exits 2 naming a missing input', async () => {
    const r = await build('missing', [], ['no/such/folder']);
    expect(r.code).toBe(2);
    expect(r.io.err.join('\n')).toMatch(/no\/such\/folder/);
  });
});

describe('briefing render', () => {
  it('reports a malformed notes file with line numbers and exits 2', async () => {
    const file = path.join(tmp, 'bad-notes.md');
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(file, '---\ntitle: x\nas_of: 2024-01-01\n---\n\n## Bottom line\n\nNo citation here.\n');
    const io = capture();
    const code = await main(['render', file, '--deck', path.join(tmp, 'bad/slides.md'), '--handout', path.join(tmp, 'bad/out.pdf')], io);
    expect(code).toBe(2);
    expect(io.err.join('\n')).toMatch(/bad-notes\.md:\d+/);
  });
});

describe('briefing analyze', () => {
  it('prints the documented JSON shape with spans into the text as read', async () => {
    const io = capture();
    const file = path.join(articles, 'harbour-herald.txt');
    const code = await main(['analyze', file, '--json'], io);
    expect(code).toBe(0);
    const { documents } = JSON.parse(io.out.join(''));
    const text = fs.readFileSync(file, 'utf8');
    const d = documents[0];
    expect(Object.keys(d.meta).sort()).toEqual(['author', 'date', 'dateEvidence', 'dateSource', 'outlet', 'title', 'url']);
    for (const key of ['sentences', 'entities', 'dates', 'quotes', 'figures']) expect(Array.isArray(d[key])).toBe(true);
    expect(d.entities.length).toBeGreaterThan(3);
    for (const e of d.entities) expect(text.slice(e.start, e.end).toLowerCase()).toBe(e.text.toLowerCase());
    for (const q of d.quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('usage', () => {
  it('exits 2 on an unknown command or option, 0 on --help', async () => {
    expect(await main(['frobnicate'], capture())).toBe(2);
    expect(await main(['build', '--no-such-option'], capture())).toBe(2);
    expect(await main(['export', '--format', 'gif'], capture())).toBe(2);
    const io = capture();
    expect(await main(['build', '--help'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/Usage: briefing build/);
  });

  it('runs as a real command', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Commands:/);
  });
});
