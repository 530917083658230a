// Output files, written so that nothing the user wrote is lost: atomic writes (temp file + rename),
// numbered backups, and a record of what the tool last wrote so hand edits are noticed.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { trackTemp } from '../temp-files.ts';

/** Write `data` to `file` atomically: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  writeFilesAtomic([{ file, data }]);
}

/**
 * Write several files as one step, as far as a file system allows: every file goes to a temporary
 * name first, and only when all are written are they renamed into place. A failure on the way (a
 * full disk, a folder that cannot be made) leaves every previous file as it was and no temporary file.
 */
export function writeFilesAtomic(files: ReadonlyArray<{ file: string; data: string | Uint8Array }>): void {
  const staged: Array<{ tmp: string; file: string }> = [];
  // With a signal handler in place, Ctrl-C or kill waits for these synchronous writes and renames to
  // end (or removes the temporary files) instead of killing the process between two of them.
  const untrack = files.map(({ file }) => trackTemp(tempName(file)));
  try {
    for (const { file, data } of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = tempName(file);
      staged.push({ tmp, file });
      fs.writeFileSync(tmp, data);
    }
    for (const { tmp, file } of staged) fs.renameSync(tmp, file);
  } catch (err) {
    for (const { tmp } of staged) fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    for (const u of untrack) u();
  }
}

const tempName = (file: string) => path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);

/** Copy `file` to the first free `file.N.bak` and return that path. */
export function backup(file: string): string {
  for (let n = 1; ; n++) {
    const target = `${file}.${n}.bak`;
    if (!fs.existsSync(target)) {
      fs.copyFileSync(file, target);
      return target;
    }
  }
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * What the tool last wrote to each generated file (a hash per path), kept beside the outputs in
 * `.briefing-state.json`, so a file whose content no longer matches was edited by hand.
 */
export class WrittenRecord {
  private readonly file: string;
  private readonly hashes: Record<string, string>;

  constructor(dir: string) {
    this.file = path.join(dir, '.briefing-state.json');
    let hashes: Record<string, string> = {};
    try {
      hashes = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, string>;
    } catch {
      hashes = {};
    }
    this.hashes = hashes;
  }

  /** True when `file` exists and is not what the tool last wrote there. */
  editedByHand(file: string): boolean {
    if (!fs.existsSync(file)) return false;
    const recorded = this.hashes[path.basename(file)];
    return recorded === undefined || recorded !== sha256(fs.readFileSync(file));
  }

  /** Write `file` atomically and remember its hash. */
  write(file: string, data: string | Uint8Array): void {
    writeFileAtomic(file, data);
    this.remember(file, data);
  }

  /** Remember that `data` is what the tool wrote to `file` (written by the caller). */
  remember(file: string, data: string | Uint8Array): void {
    this.hashes[path.basename(file)] = sha256(data);
    writeFileAtomic(this.file, `${JSON.stringify(this.hashes, Object.keys(this.hashes).sort(), 2)}\n`);
  }
}
