// `briefing render` keeps the handout's fit record beside the PDF (.NAME.pdf.fit.json): a second
// render uses it, and a damaged or foreign record file gives the same PDF as none at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const NOTES = path.join(root, 'test/fixtures/notes/sample.md');

function render(notes: string, dir: string): Buffer {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'render', notes, '-q', '--deck', path.join(dir, 'slides/slides.md'), '--handout', path.join(dir, 'out/summary.pdf')], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return fs.readFileSync(path.join(dir, 'out/summary.pdf'));
}

describe('render: the fit record beside the PDF', () => {
  it('is written, and a damaged, foreign or missing one gives the same PDF', { timeout: 300_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-fit-'));
    const record = path.join(dir, 'out/.summary.pdf.fit.json');
    const first = render(NOTES, dir);
    const kept = JSON.parse(fs.readFileSync(record, 'utf8')) as { key: string; size: number };
    expect(kept.size).toBeGreaterThanOrEqual(8);
    expect(render(NOTES, dir).equals(first)).toBe(true);
    // Cut short, as by a full disk; then an altered answer; then another notes file's record.
    fs.writeFileSync(record, '{"version":1,"context":"');
    expect(render(NOTES, dir).equals(first)).toBe(true);
    fs.writeFileSync(record, JSON.stringify({ ...kept, size: 8 }));
    expect(render(NOTES, dir).equals(first)).toBe(true);
    const other = path.join(dir, 'other.md');
    fs.writeFileSync(other, fs.readFileSync(NOTES, 'utf8').replace('## Key points\n', '## Key points\n\n- A point added by hand for this test. [s1]\n'));
    const otherDir = path.join(dir, 'o');
    render(other, otherDir);
    fs.copyFileSync(path.join(otherDir, 'out/.summary.pdf.fit.json'), record);
    expect(render(NOTES, dir).equals(first)).toBe(true);
    // The record is the search's answer for these notes again.
    expect((JSON.parse(fs.readFileSync(record, 'utf8')) as { key: string }).key).toBe(kept.key);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
