// `briefing render NOTES.md`: notes → deck + one-page PDF (the analyst's edit loop), and the same
// step for `build` and `dev`. A deck edited by hand is not overwritten: the new one goes beside it.
// Every output is made in memory first and only then written, so a run that fails (or is stopped)
// half-way leaves the previous outputs as they were.

import fs from 'node:fs';
import path from 'node:path';
import { BriefingError } from '../../errors.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { parseNotes } from '../../notes/markdown.ts';
import type { HandoutResult } from '../../render/handout/index.ts';
import type { OmittedItem } from '../../render/handout/payload.ts';
import { handoutThread, type HandoutThread } from '../../render/handout/thread.ts';
import { isMapRecordFile } from '../../render/map/record.ts';
import { MAP_FILE, renderDeck, type RenderSlidesOptions } from '../../render/slides/index.ts';
import { installTheme } from '../../render/slides/theme-files.ts';
import { WrittenRecord, writeFilesAtomic } from '../files.ts';
import type { Reporter } from '../report.ts';
import type { RenderTuning } from '../../render/tuning.ts';
import { fitCacheFile, handoutJob, type RenderPaths } from './handout-job.ts';

export type { RenderTuning } from '../../render/tuning.ts';

export { fitCacheFile, type RenderPaths } from './handout-job.ts';

/** One output made but not yet written. */
export interface PendingOutput {
  file: string;
  data: string | Uint8Array;
  /** Recorded in that folder's `.briefing-state.json`, so a later hand edit is noticed. */
  recorded: boolean;
  /** The deck: its theme is copied beside it. */
  deck?: boolean;
  /** Generated files written with this one (the deck's map picture): rewritten every time, not recorded. */
  companions?: { file: string; data: string | Uint8Array }[];
  /** A record written with the outputs, in the same atomic step, not reported (the deck map's): it only saves time. */
  kept?: { file: string; data: string };
  /** A cache written after the outputs, quietly and only if it can be (the handout's fit record): losing it costs only time. */
  cache?: { file: string; data: string };
}

/**
 * Make the deck and the handout for `notes`, in memory; say what the handout left out. The handout
 * is made on `thread` (or a thread started here) while the deck is made on this one.
 */
export async function prepareOutputs(notes: BriefingNotes, paths: RenderPaths, rep: Reporter, thread?: HandoutThread): Promise<PendingOutput[]> {
  const own = thread ?? handoutThread();
  try {
    const handout = own.render(...handoutJob(notes, paths));
    // Awaited below; should the deck fail first, the thread is closed and its answer not wanted.
    handout.catch(() => undefined);
    const deck = prepareDeck(notes, paths, rep);
    return [deck, await prepareHandout(notes, paths, rep, handout)];
  } finally {
    if (!thread) own.close();
  }
}

/** The deck for `notes`, beside a hand-edited one rather than over it. */
export function prepareDeck(notes: BriefingNotes, paths: RenderPaths, rep: Reporter): PendingOutput {
  rep.stage('deck');
  let deckPath = paths.deck;
  if (new WrittenRecord(path.dirname(paths.deck)).editedByHand(deckPath)) {
    deckPath = deckPath.replace(/\.md$/, '') + '.generated.md';
    rep.info(`${paths.deck} was edited by hand: left as it is; the new deck is ${deckPath}`);
  }
  const recordFile = mapRecordFile(deckPath);
  const found = readJson(recordFile);
  const deckOptions: RenderSlidesOptions & RenderTuning = { ...paths.tuning, mapRecord: found.value };
  const deck = renderDeck(notes, deckOptions);
  const record = `${JSON.stringify(deck.mapRecord)}\n`;
  // Rewritten only when it changes, and never over a file that is not a map record (the user's).
  const keep = found.text !== record && (found.text === undefined || isMapRecordFile(found.value));
  return {
    file: deckPath,
    data: deck.markdown,
    recorded: true,
    deck: true,
    companions: deck.files.map((f) => ({ file: deckFile(deckPath, f.path), data: f.data })),
    ...(keep ? { kept: { file: recordFile, data: record } } : {}),
  };
}

/**
 * Where the deck's map drawing is kept between renders: a hidden file beside the map picture
 * (`public/.map.svg.json`), so a re-render of unchanged places and actors skips the gazetteer and
 * the drawing (render/map/record.ts); never a different deck.
 */
export function mapRecordFile(deckPath: string): string {
  return deckFile(deckPath, path.join(path.dirname(MAP_FILE), `.${path.basename(MAP_FILE)}.json`));
}

/** A file's text and its JSON value, each undefined when the file is missing or not JSON. */
function readJson(file: string): { text?: string; value?: unknown } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    return { text };
  }
}

/** A file the deck refers to, inside the deck's folder (its path is the renderer's constant; checked all the same). */
function deckFile(deckPath: string, relative: string): string {
  const dir = path.resolve(path.dirname(deckPath));
  if (!path.resolve(dir, relative).startsWith(dir + path.sep)) throw new BriefingError('INTERNAL', `the deck asked for a file outside its folder: ${relative}`);
  return path.join(path.dirname(deckPath), relative);
}

/** The one-page handout for `notes` (`made` already, or made here in this thread); says what was left out to fit. */
export async function prepareHandout(notes: BriefingNotes, paths: RenderPaths, rep: Reporter, made?: Promise<HandoutResult>): Promise<PendingOutput> {
  rep.stage('handout');
  const handout = await (made ?? import('../../render/handout/index.ts').then((h) => h.renderHandout(...handoutJob(notes, paths))));
  if (handout.omitted.length) {
    for (const line of omittedLines(paths.handout, handout.fontSize, handout.omitted, rep.verbose)) rep.info(line);
  } else {
    rep.info(`${paths.handout}: one page at ${handout.fontSize} pt, nothing left out${handout.map ? ', with a map' : ''}`);
  }
  return { file: paths.handout, data: handout.pdf, recorded: true, cache: { file: fitCacheFile(paths.handout), data: `${JSON.stringify(handout.fit)}\n` } };
}

/** Left-out items listed one by one up to this many; past it, counted by section and the first few shown (--verbose lists all). */
export const OMITTED_LISTED = 12;

/**
 * What the handout left out, for a person: every item when there are few (or with --verbose); when a big
 * folder leaves out hundreds, a count by section and the first OMITTED_LISTED, so the lines that matter are not drowned.
 */
export function omittedLines(file: string, fontSize: number, omitted: readonly OmittedItem[], verbose = false): string[] {
  const item = (o: OmittedItem) => `  - ${o.section}: ${o.text.length > 90 ? `${o.text.slice(0, 89)}…` : o.text}`;
  const head = `${file}: to fit one page at ${fontSize} pt, left out ${omitted.length} item(s)`;
  if (verbose || omitted.length <= OMITTED_LISTED) return [`${head}:`, ...omitted.map(item)];
  const bySection = new Map<string, number>();
  for (const o of omitted) bySection.set(o.section, (bySection.get(o.section) ?? 0) + 1);
  const counts = [...bySection].map(([section, n]) => `${section} ${n}`).join(', ');
  return [`${head} (${counts}); the first ${OMITTED_LISTED}:`, ...omitted.slice(0, OMITTED_LISTED).map(item), `  … and ${omitted.length - OMITTED_LISTED} more (--verbose lists them)`];
}

/**
 * Write outputs made by prepareOutputs all together (see writeFilesAtomic: a failure leaves every
 * previous output as it was), then record them and put the deck's theme beside the deck.
 */
export function commitOutputs(outputs: readonly PendingOutput[], rep: Reporter): void {
  rep.stage('write');
  writeFilesAtomic(outputs.flatMap((o) => [o, ...(o.companions ?? []), ...(o.kept ? [o.kept] : [])]));
  for (const o of outputs) {
    if (o.recorded) new WrittenRecord(path.dirname(o.file)).remember(o.file, o.data);
    // The deck names its theme as `./theme`: a deck written outside slides/ gets a copy beside it.
    if (o.deck) installTheme(path.dirname(o.file));
    rep.wrote(o.file);
    for (const c of o.companions ?? []) rep.wrote(c.file);
  }
  for (const o of outputs) {
    if (!o.cache) continue;
    try {
      // Whole or not at all, like the outputs: a run stopped here leaves the last record or this one.
      writeFilesAtomic([o.cache]);
    } catch {
      // A cache that cannot be written (a read-only folder) only means a slower next render.
    }
  }
}

/** Render and write deck and handout for `notes`: what `build` does after the notes. */
export async function renderOutputs(notes: BriefingNotes, paths: RenderPaths, rep: Reporter): Promise<string[]> {
  const outputs = await prepareOutputs(notes, paths, rep);
  commitOutputs(outputs, rep);
  return outputs.map((o) => o.file);
}

/** Read and parse a notes file, with line-numbered errors when it is malformed. */
export function readNotesFile(file: string): BriefingNotes {
  if (!fs.existsSync(file)) throw new BriefingError('INPUT_MISSING', `notes file not found: ${file}`, { hint: 'run `briefing build` first, or name an existing notes file' });
  return parseNotes(fs.readFileSync(file, 'utf8'), file);
}

export async function renderCommand(notesFile: string, paths: RenderPaths, rep: Reporter): Promise<number> {
  // Started first: Typst's start-up runs while the notes are read and the deck is made.
  const thread = handoutThread();
  try {
    rep.stage('read notes');
    const notes = readNotesFile(notesFile);
    commitOutputs(await prepareOutputs(notes, paths, rep, thread), rep);
  } finally {
    thread.close();
  }
  return 0;
}
