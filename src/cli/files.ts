// Output files, written so that nothing the user wrote is lost: atomic writes (temp file + rename),
// numbered backups, and a record of what the tool last wrote so hand edits are noticed.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { trackTemp } from '../temp-files.ts';

/** Write `data` to `file` atomically: readers see the old file or the new one, never half of one. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  // With a signal handler in place, Ctrl-C or kill waits for this synchronous write and rename to end
  // (and would remove the temporary file) instead of killing the process between the two.
  const untrack = trackTemp(tmp);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    untrack();
  }
}

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
    this.hashes[path.basename(file)] = sha256(data);
    writeFileAtomic(this.file, `${JSON.stringify(this.hashes, Object.keys(this.hashes).sort(), 2)}\n`);
  }
}
