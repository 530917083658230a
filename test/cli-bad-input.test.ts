// Bad input through the whole CLI: every case ends with a message naming the file and an exit code,
// and a build that fails writes nothing (no partial outputs); one that survives a bad file names it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Output } from '../src/cli/output.ts';

const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, 'test/.tmp/cli-bad-input');
const articles = path.join(root, 'test/fixtures/articles');

function capture(): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, data: (t) => out.push(t), info: (t) => err.push(t), diagnostics: (l) => l.forEach((d) => err.push(`${d.file}: ${d.message}`)) };
}

/** A scratch folder for one case: `src/` for inputs (the good articles when `withArticles`), `out/` for outputs. */
function scratch(name: string, withArticles = false): { src: string; out: string } {
  const dir = path.join(tmp, name);
  const src = path.join(dir, 'src');
  fs.mkdirSync(src, { recursive: true });
  if (withArticles) for (const f of fs.readdirSync(articles)) fs.copyFileSync(path.join(articles, f), path.join(src, f));
  return { src, out: path.join(dir, 'out') };
}

async function build(inputs: string[], out: string, extra: string[] = []) {
  const io = capture();
  const code = await main(['build', ...inputs, '--notes', `${out}/notes/briefing.md`, '--deck', `${out}/slides/slides.md`, '--handout', `${out}/out/summary.pdf`, ...extra], io);
  return { code, err: io.err.join('\n'), out: io.out.join('') };
}

/** Every file under `dir` (none when it does not exist). */
const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : []);

/** A .zip with one deflated entry per name: enough of a .docx for its reader to open. */
function zip(entries: Record<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of Object.entries(entries)) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16); central.writeUInt32LE(packed.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(centrals.length / 2, 8); end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

beforeAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('inputs that cannot be briefed at all: exit 2, the input named, nothing written', () => {
  it('a missing folder', async () => {
    const { out } = scratch('missing');
    const r = await build([path.join(tmp, 'missing/nope')], out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/input not found: .*missing\/nope/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('an empty folder', async () => {
    const { src, out } = scratch('empty');
    const r = await build([src], out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`no readable source in ${src}`);
    expect(filesUnder(out)).toEqual([]);
  });

  it('a 100 MB file (sparse) alone', async () => {
    const { src, out } = scratch('huge');
    const file = path.join(src, 'huge.txt');
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, 100 * 1024 * 1024);
    const r = await build([src], out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/huge\.txt: error: is too large to be a source \(100\.0 MB/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('a symlink loop alone', async () => {
    const { src, out } = scratch('loop');
    fs.symlinkSync('b.txt', path.join(src, 'a.txt'));
    fs.symlinkSync('a.txt', path.join(src, 'b.txt'));
    const r = await build([src], out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/a\.txt: error: cannot be read \(ELOOP\)/);
    expect(r.err).toMatch(/b\.txt: error: cannot be read \(ELOOP\)/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('a zip bomb disguised as .docx alone', async () => {
    const { src, out } = scratch('bomb');
    // 200 MB of one repeated byte inside the document: a few hundred KB on disk.
    const document = Buffer.alloc(200 * 1024 * 1024, 0x41);
    fs.writeFileSync(path.join(src, 'report.docx'), zip({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': document }));
    const r = await build([src], out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/report\.docx: error: would expand to more than 20 MB when unpacked/);
    expect(filesUnder(out)).toEqual([]);
  });

  it('malformed notes given to render: line numbers, exit 2, no deck or handout', async () => {
    const { src, out } = scratch('bad-notes');
    const notes = path.join(src, 'notes.md');
    fs.writeFileSync(notes, '---\ntitle: A title\nas_of: 2024-01-01\n---\n\n## Bottom line\n\nA sentence without citations.\n\n## Key pointz\n');
    const io = capture();
    const code = await main(['render', notes, '--deck', `${out}/slides.md`, '--handout', `${out}/summary.pdf`], io);
    expect(code).toBe(2);
    expect(io.err.join('\n')).toMatch(/notes\.md:\d+: error: /);
    expect(filesUnder(out)).toEqual([]);
  });
});

describe('a bad file among good ones: named, the rest briefed (exit 0)', () => {
  it('binary, invalid UTF-8, unreadable, too large, looping and bomb files', async () => {
    const { src, out } = scratch('mixed', true);
    fs.writeFileSync(path.join(src, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
    // Mostly text with bytes that are not UTF-8: read (as a legacy encoding), not dropped.
    fs.writeFileSync(path.join(src, 'latin.txt'), Buffer.concat([Buffer.from('The council of Exampleton met on Monday. Its chair said the '), Buffer.from([0xe9, 0xc3, 0x28]), Buffer.from(' budget was agreed.\n')]));
    fs.symlinkSync('nowhere.txt', path.join(src, 'dangling.txt'));
    const huge = path.join(src, 'huge.txt');
    fs.closeSync(fs.openSync(huge, 'w'));
    fs.truncateSync(huge, 100 * 1024 * 1024);
    fs.writeFileSync(path.join(src, 'bomb.docx'), zip({ 'word/document.xml': Buffer.alloc(100 * 1024 * 1024, 0x20) }));
    const r = await build([src], out);
    expect(r.code, r.err).toBe(0);
    for (const name of ['binary.txt', 'dangling.txt', 'huge.txt', 'bomb.docx']) expect(r.err).toContain(name);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'notes/briefing.json'), 'utf8'));
    expect(json.sources.map((s: { file: string }) => path.basename(s.file))).toContain('latin.txt');
    expect(json.sources).toHaveLength(4);
  });

  it('a file it may not read (skipped when running as root, who may read anything)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    const { src, out } = scratch('unreadable', true);
    const file = path.join(src, 'secret.txt');
    fs.writeFileSync(file, 'Officials said on Monday that the bridge would reopen.\n');
    fs.chmodSync(file, 0o000);
    const r = await build([src], out);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/secret\.txt: error: cannot be read \(EACCES\)/);
  });

  it('10,000 small files: read, and their one kind of problem said in one line', async () => {
    const { src, out } = scratch('many', true);
    for (let k = 0; k < 10_000; k++) fs.writeFileSync(path.join(src, `empty-${k}.txt`), '');
    const r = await build([src], out);
    expect(r.code, r.err).toBe(0);
    const lines = r.err.split('\n').filter((l) => l.includes('empty-'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/10000 files like this.*--verbose lists them/);
    const verbose = await build([src], out, ['--verbose']);
    expect(verbose.err.split('\n').filter((l) => l.includes('empty-'))).toHaveLength(10_000);
  });
});

describe('a build that fails at the last step', () => {
  it('writes none of its outputs: the notes stay the previous ones', async () => {
    const { src, out } = scratch('fails-late', true);
    const first = await build([src], out);
    expect(first.code).toBe(0);
    const notes = fs.readFileSync(path.join(out, 'notes/briefing.md'));
    // A deck path whose folder is a file: only writing the deck can fail.
    fs.writeFileSync(path.join(out, 'blocker'), 'a file, not a folder');
    const io = capture();
    const code = await main(['build', src, '--redraft', '--title', 'Another title', '--notes', `${out}/notes/briefing.md`, '--deck', `${out}/blocker/slides.md`, '--handout', `${out}/out/summary.pdf`], io);
    expect(code).toBe(1);
    expect(fs.readFileSync(path.join(out, 'notes/briefing.md')).equals(notes)).toBe(true);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a build stopped half-way', () => {
  it('leaves the previous outputs whole and no temporary files', async () => {
    const { src, out } = scratch('interrupted', true);
    const first = await build([src], out);
    expect(first.code).toBe(0);
    const before = Object.fromEntries(filesUnder(out).map((f) => [f, fs.readFileSync(path.join(out, f))]));
    // Stopped as soon as it says anything: while it reads, extracts or renders.
    const child = spawn(process.execPath, [path.join(root, 'bin/briefing.mjs'), 'build', src, '--title', 'Another title', '--redraft',
      '--notes', `${out}/notes/briefing.md`, '--deck', `${out}/slides/slides.md`, '--handout', `${out}/out/summary.pdf`], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.once('data', () => child.kill('SIGINT'));
    await new Promise((resolve) => child.on('close', resolve));
    const after = filesUnder(out);
    expect(after.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Each output is the old one or a whole new one: never missing, never cut short.
    for (const [f, bytes] of Object.entries(before)) {
      const now = fs.readFileSync(path.join(out, f));
      if (!now.equals(bytes)) expect(now.length, f).toBeGreaterThan(0);
    }
    expect(fs.readFileSync(path.join(out, 'out/summary.pdf')).subarray(-6).toString('latin1')).toMatch(/%%EOF/);
  });
});
