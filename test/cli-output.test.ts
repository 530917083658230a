// What a run prints: repeated diagnostics summarised by kind (listed with --verbose), --quiet,
// --json results on stdout for scripts, per-stage timings with --verbose.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/errors.ts';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';
import { OMITTED_LISTED, omittedLines } from '../src/cli/commands/render.ts';
import { diagnosticKind, Reporter, summariseDiagnostics, SUMMARY_THRESHOLD } from '../src/cli/report.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-output');
const articles = path.join(root, 'test/fixtures/articles');

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}: ${d.message}`)) };
}

const duplicate = (k: number): Diagnostic => ({ file: `in/copy-${k}.txt`, severity: 'info', message: `repeats in/story-${k}.txt [s${k}] (${50 + k}% of word 5-grams shared, 90% of the shorter text): flagged duplicate, its claims cite both` });

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('omittedLines (what the handout left out)', () => {
  const items = (section: string, n: number) => Array.from({ length: n }, (_, k) => ({ section, text: `${section} item ${k} ${'x'.repeat(k % 3 ? 10 : 120)}` }));

  it('lists a few left-out items one by one, long ones shortened', () => {
    const few = items('Timeline', OMITTED_LISTED);
    const lines = omittedLines('out/summary.pdf', 9, few);
    expect(lines[0]).toBe(`out/summary.pdf: to fit one page at 9 pt, left out ${OMITTED_LISTED} item(s):`);
    expect(lines).toHaveLength(OMITTED_LISTED + 1);
    expect(lines.every((l) => l.length <= 100 + '  - Timeline: '.length)).toBe(true);
  });

  it('counts hundreds by section, shows the first few, and lists them all with --verbose', () => {
    const many = [...items('Key points', 40), ...items('Discrepancies', 700), ...items('Timeline', 3)];
    const lines = omittedLines('out/summary.pdf', 10.5, many);
    expect(lines[0]).toBe(`out/summary.pdf: to fit one page at 10.5 pt, left out 743 item(s) (Key points 40, Discrepancies 700, Timeline 3); the first ${OMITTED_LISTED}:`);
    expect(lines.slice(1, -1)).toEqual(omittedLines('f', 1, many.slice(0, OMITTED_LISTED)).slice(1));
    expect(lines.at(-1)).toBe(`  … and ${743 - OMITTED_LISTED} more (--verbose lists them)`);
    expect(omittedLines('out/summary.pdf', 10.5, many, true)).toHaveLength(744);
  });
});

describe('summariseDiagnostics', () => {
  it('says many of one kind in one line, and lists them all with --verbose', () => {
    const many = Array.from({ length: 37 }, (_, k) => duplicate(k));
    const other: Diagnostic = { file: 'in/odd.txt', severity: 'warning', message: 'text is odd' };
    const lines = summariseDiagnostics([...many, other]);
    expect(lines).toEqual(['info: 37 near-duplicate sources merged: each repeats another and its claims cite both (--verbose lists them)', 'in/odd.txt: warning: text is odd']);
    expect(summariseDiagnostics([...many, other], true)).toHaveLength(38);
  });

  it('lists a few of a kind one by one', () => {
    const few = Array.from({ length: SUMMARY_THRESHOLD }, (_, k) => duplicate(k));
    expect(summariseDiagnostics(few)).toHaveLength(SUMMARY_THRESHOLD);
  });

  it('groups unnamed kinds by their message with the particulars taken out', () => {
    const a: Diagnostic = { file: 'a.txt', severity: 'error', message: 'cannot be read (EACCES)' };
    const b: Diagnostic = { file: 'b.txt', severity: 'error', message: 'cannot be read (EIO)' };
    const c: Diagnostic = { file: 'c.txt', severity: 'error', message: 'is too large to be a source (30.1 MB; the limit is 20 MB)' };
    expect(diagnosticKind(a)).toBe(diagnosticKind(b));
    expect(diagnosticKind(a)).not.toBe(diagnosticKind(c));
    const lines = summariseDiagnostics(Array.from({ length: 5 }, (_, k) => ({ ...a, file: `f${k}.txt` })));
    expect(lines).toEqual(['error: cannot be read (EACCES) — 5 files like this, the first f0.txt (--verbose lists them)']);
  });
});

describe('Reporter', () => {
  it('times stages with the clock it is given and prints them with --verbose', () => {
    let t = 0;
    const io = capture();
    const rep = new Reporter(io, { verbose: true, now: () => t });
    rep.stage('read');
    t = 120;
    rep.stage('handout');
    t = 1620;
    const result = rep.finish('build', 0);
    expect(result.timings).toEqual([{ stage: 'read', ms: 120 }, { stage: 'handout', ms: 1500 }]);
    expect(io.err.at(-1)).toBe('timings: read 120 ms, handout 1.5 s; total 1.6 s');
  });
});

describe('build --json, --quiet', () => {
  const args = (dir: string) => ['build', articles, '--notes', `${dir}/notes/briefing.md`, '--deck', `${dir}/slides/slides.md`, '--handout', `${dir}/out/summary.pdf`];

  it('--json prints one result on stdout (files written, diagnostics, timings) and nothing on stderr', async () => {
    const dir = path.join(tmp, 'json');
    const io = capture();
    expect(await main([...args(dir), '--json'], io)).toBe(0);
    expect(io.err).toEqual([]);
    const result = JSON.parse(io.out.join(''));
    expect(result).toMatchObject({ ok: true, command: 'build', exitCode: 0 });
    expect(result.written).toEqual([`${dir}/notes/briefing.md`, `${dir}/notes/briefing.json`, `${dir}/slides/slides.md`, `${dir}/out/summary.pdf`]);
    expect(result.timings.map((t: { stage: string }) => t.stage)).toEqual(['read', 'extract', 'notes', 'deck', 'handout', 'write']);
    expect(Array.isArray(result.diagnostics)).toBe(true);
  });

  it('--json reports a failure as a result too, with the exit code', async () => {
    const io = capture();
    expect(await main(['build', path.join(tmp, 'no-such-folder'), '--json'], io)).toBe(2);
    expect(io.err).toEqual([]);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ ok: false, exitCode: 2, error: { code: 'INPUT_MISSING' }, written: [] });
  });

  it('--quiet says nothing when all is well', async () => {
    const io = capture();
    expect(await main([...args(path.join(tmp, 'quiet')), '--quiet'], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(io.out).toEqual([]);
  });
});
