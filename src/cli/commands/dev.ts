// `briefing dev [SOURCES…]`: the live loop. Builds once, serves the deck with Slidev's dev server (the
// browser follows the deck file), and watches: a source change rebuilds as `build` does (hand-edited
// notes kept), a notes edit renders deck and handout again in this warm process. Problems are printed
// and the watch goes on; Ctrl-C stops the watchers and the server. Also `present`'s server.

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError, formatDiagnostic } from '../../errors.ts';
import { sha256 } from '../files.ts';
import { Reporter } from '../report.ts';
import { buildCommand, type BuildOptions } from './build.ts';
import { commitOutputs, prepareDeck, prepareHandout, readNotesFile } from './render.ts';

export interface DevOptions extends BuildOptions {
  port?: number;
  /** Listen on this address instead of localhost. */
  host?: string;
  /** Run the Slidev dev server (off: watch and rebuild only). */
  serve: boolean;
}

/** Wait this long after the last change before rebuilding: an editor's save is several events. */
export const DEBOUNCE_MS = 40;

/** Serve `deck` with Slidev's dev server until it stops (or `signal` aborts); resolves with its exit code. */
export async function serveDeck(deck: string, options: { port?: number; host?: string; signal?: AbortSignal } = {}): Promise<number> {
  if (!fs.existsSync(deck)) throw new BriefingError('INPUT_MISSING', `deck not found: ${deck}`, { hint: 'run `briefing build` (or `briefing render NOTES.md`) first' });
  const { presentDeck } = await import('../../render/slides/slidev.ts');
  const { refreshTheme } = await import('../../render/slides/theme-files.ts');
  refreshTheme(deck);
  return presentDeck(deck, options);
}

type Change = 'sources' | 'notes';

/** Watch `target`'s folder for changes to it (editors save by renaming, which a watch on the file itself loses). */
function watchFile(target: string, onChange: () => void): fs.FSWatcher {
  const name = path.basename(target);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  return fs.watch(path.dirname(path.resolve(target)), (_event, file) => {
    if (file === null || file === name) onChange();
  });
}

/** Watch a folder of sources, all the way down; hidden files (temporary files, our state) are not sources. */
function watchFolder(dir: string, ignore: (abs: string) => boolean, onChange: () => void): fs.FSWatcher {
  return fs.watch(dir, { recursive: true }, (_event, file) => {
    if (file === null) return onChange();
    const abs = path.resolve(dir, file);
    if (file.split(/[\\/]/).some((part) => part.startsWith('.')) || ignore(abs)) return;
    onChange();
  });
}

export async function devCommand(opts: DevOptions, rep: Reporter): Promise<number> {
  const outputs = new Set([opts.notes, opts.notes.replace(/\.md$/, '') + '.json', opts.deck, opts.deck.replace(/\.md$/, '') + '.generated.md', opts.handout].map((f) => path.resolve(f)));
  // Sources folders may hold the outputs (`briefing dev .`): what we write, the theme copied beside the
  // deck included, must not count as a change, or every build would start the next.
  const themeDir = path.resolve(path.dirname(opts.deck), 'theme') + path.sep;
  const ours = (abs: string) => outputs.has(abs) || abs.startsWith(themeDir);
  // The notes as last written or rendered: an event for a file that still holds them is our own write.
  let lastNotes = '';
  const notesNow = () => (fs.existsSync(opts.notes) ? sha256(fs.readFileSync(opts.notes)) : '');

  /** One pass of the loop, with its own report (and JSON line); a failure is said and the loop goes on. */
  const cycle = async (what: Change, first = false): Promise<boolean> => {
    const cycleRep = rep.child();
    const started = performance.now();
    try {
      if (what === 'sources') await buildCommand(opts, cycleRep);
      else {
        cycleRep.stage('read notes');
        const notes = readNotesFile(opts.notes);
        // The deck first: the browser shows the edit while the handout is typeset.
        commitOutputs([prepareDeck(notes, opts, cycleRep)], cycleRep);
        commitOutputs([await prepareHandout(notes, opts, cycleRep)], cycleRep);
      }
      lastNotes = notesNow();
      cycleRep.finish(`dev:${what}`, 0, undefined, true);
      rep.info(`${what === 'sources' ? 'built' : 'rendered'} in ${Math.round(performance.now() - started)} ms`);
      return true;
    } catch (err) {
      if (!(err instanceof BriefingError)) throw err;
      for (const d of err.diagnostics) cycleRep.warn(formatDiagnostic(d));
      cycleRep.warn(`briefing: ${err.message}${first ? '' : ' (still watching)'}`);
      if (err.hint) cycleRep.warn(`  hint: ${err.hint}`);
      cycleRep.allDiagnostics.push(...err.diagnostics);
      cycleRep.finish(`dev:${what}`, 2, { code: err.code, message: err.message }, true);
      lastNotes = notesNow();
      return false;
    }
  };

  if (!(await cycle('sources', true)) && !fs.existsSync(opts.deck)) return 2;

  // Changes wait out the debounce, then run one at a time; a source change includes a notes render.
  let pending: Change | null = null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const schedule = (what: Change) => {
    pending = pending === 'sources' || what === 'sources' ? 'sources' : 'notes';
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        const next = pending;
        pending = null;
        if (next === 'notes' && notesNow() === lastNotes) return;
        if (next) await cycle(next);
      });
    }, DEBOUNCE_MS);
  };

  const watchers: fs.FSWatcher[] = [watchFile(opts.notes, () => schedule('notes'))];
  for (const input of opts.inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) watchers.push(watchFolder(input, ours, () => schedule('sources')));
    else watchers.push(watchFile(input, () => schedule('sources')));
  }
  // A script reading --json learns here that changes from now on are seen.
  if (rep.json) rep.data(JSON.stringify({ watching: [...opts.inputs, opts.notes] }));
  else rep.info(`watching ${opts.inputs.join(', ')} and ${opts.notes} (Ctrl-C to stop)`);

  const stop = new AbortController();
  const server = opts.serve ? serveDeck(opts.deck, { port: opts.port, host: opts.host, signal: stop.signal }) : null;
  const stopped = new Promise<string>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => resolve(signal));
    // The server ending by itself (its port taken, say) ends the loop too.
    void server?.then(() => resolve('server'), () => resolve('server'));
  });
  const why = await stopped;
  clearTimeout(timer);
  for (const w of watchers) w.close();
  stop.abort();
  await running;
  const serverCode = server ? await server.catch(() => 1) : 0;
  rep.info('stopped');
  return why === 'server' ? serverCode || 1 : 0;
}
