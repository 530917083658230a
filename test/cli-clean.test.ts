// `briefing clean FILE [--json]` through the CLI: the cleaned text reads as text, --json gives metadata,
// flags and cleaning steps (with sources.yaml applied), --help, and exit codes for bad usage and input.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-clean');

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}:${d.line ?? ''}: ${d.message}`)) };
}

async function run(...argv: string[]) {
  const io = capture();
  const code = await main(argv, io);
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

const page = [
  'Skip to main content',
  'Home | News | Sport | Weather',
  'Market hall to close for repairs',
  'By Jane Morrow',
  'March 3, 2024',
  '4 min read',
  'We use cookies to improve your experience. By continuing you accept our cookie policy.',
  'The market hall in Dunmere will close for six months from April while its roof is repaired, the town council said.',
  'Traders will move to a car park on Mill Street, council leader Owen Price said.',
  '© 2024 Dunmere Courier. All rights reserved.',
  '',
].join('\n');

const file = (name: string) => path.relative(root, path.join(tmp, name));

beforeAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'corrected'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'page.txt'), page);
  fs.writeFileSync(path.join(tmp, 'notes.pdfx'), 'not a source');
  fs.writeFileSync(path.join(tmp, 'corrected/page.txt'), page);
  fs.writeFileSync(path.join(tmp, 'corrected/sources.yaml'), 'page.txt: {outlet: Dunmere Courier, date: 2024-03-04, mood: calm}\n');
});

describe('briefing clean', () => {
  it('prints the main text with the page chrome gone and no blank runs', async () => {
    const r = await run('clean', file('page.txt'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('The market hall in Dunmere will close for six months from April while its roof is repaired, the town council said.\nTraders will move');
    for (const chrome of ['Skip to main content', 'Home | News', 'cookies', '4 min read', 'All rights reserved']) expect(r.out).not.toContain(chrome);
    expect(r.out).not.toMatch(/\n{3,}|[ \t]{2,}|^\s|\s$/);
  });

  it('--json prints metadata, flags and every cleaning step, with spans into the file', async () => {
    const r = await run('clean', file('page.txt'), '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.path).toBe(file('page.txt'));
    expect(j.meta).toMatchObject({ date: '2024-03-03', dateSource: 'explicit', author: 'Jane Morrow' });
    expect(j.flags).toContain('boilerplate-removed');
    const rules = j.cleaning.map((s: { rule: string }) => s.rule);
    expect(rules).toEqual(expect.arrayContaining(['skip-links', 'navigation', 'read-time', 'cookie-notice', 'copyright']));
    const cookie = j.cleaning.find((s: { rule: string }) => s.rule === 'cookie-notice');
    expect(page.slice(cookie.start, cookie.end)).toMatch(/^We use cookies/);
  });

  it('applies sources.yaml beside the file, reporting what it cannot use by line', async () => {
    const r = await run('clean', file('corrected/page.txt'), '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).meta).toMatchObject({ outlet: 'Dunmere Courier', date: '2024-03-04', dateSource: 'explicit', dateEvidence: 'sources.yaml' });
    expect(r.err).toMatch(/corrected\/sources\.yaml:1: .*unknown field "mood"/);
  });

  it('analyze --json shows the same cleaning steps', async () => {
    const [clean, analyze] = [await run('clean', file('page.txt'), '--json'), await run('analyze', file('page.txt'), '--json')];
    expect(analyze.code, analyze.err).toBe(0);
    const doc = JSON.parse(analyze.out).documents[0];
    expect(doc.cleaning.length).toBeGreaterThan(3);
    expect(doc.cleaning).toEqual(JSON.parse(clean.out).cleaning);
  });

  it('--help prints usage and exits 0', async () => {
    const r = await run('clean', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: briefing clean FILE \[--json\]/);
    expect((await run('--help')).out).toMatch(/clean FILE/);
  });

  it('exits 2 on bad usage or input: no file, two files, a folder, a missing or unsupported file, an unknown option', async () => {
    for (const argv of [['clean'], ['clean', file('page.txt'), file('page.txt')], ['clean', path.relative(root, tmp)], ['clean', file('missing.txt')], ['clean', file('notes.pdfx')], ['clean', file('page.txt'), '--date', '2024-01-01']]) {
      const r = await run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out, argv.join(' ')).toBe('');
      expect(r.err, argv.join(' ')).toMatch(/^briefing: /);
    }
  });
});
