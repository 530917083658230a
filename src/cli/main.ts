// The `briefing` command line: parses argv, runs one command, prints errors, returns the exit code
// (0 ok, 1 failed, 2 bad usage or input). The only module that knows about argv and exit codes.

// Commands are imported when run, not up front: `render` then never loads the readers of Word, PDF
// and HTML that `build` needs, which is most of a cold start.
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { BriefingConfig } from '../config.ts';
import { BriefingError, formatDiagnostic, type ErrorCode } from '../errors.ts';
import type { ExportFormat } from './commands/deck.ts';
import type { RenderTuning } from './commands/render.ts';
import { consoleOutput, type Output } from './output.ts';
import { Reporter } from './report.ts';

const DEFAULTS = { notes: 'notes/briefing.md', deck: 'slides/slides.md', handout: 'out/summary.pdf', sources: 'seeds' };

const HELP: Record<string, string> = {
  main: `briefing — turn a folder of source documents into cited briefing notes, a Slidev deck and a one-page PDF

Usage: briefing <command> [options]

Commands:
  build [SOURCES…]   read sources (default: ${DEFAULTS.sources}/), write notes, deck and handout
  render NOTES.md    render the deck and the handout from a notes file (after editing it)
  analyze FILE…      show what extraction finds in each document (--json for scripts)
  clean FILE         show one source's text as cleaning left it (--json: metadata, flags, cleaning steps)
  summarize FILE…    an N-word extractive summary of the sources, one sentence a line (--words N)
  export             export the deck: an editable PPTX from the notes, PDF/PNG (Chromium), a notes handout PDF
  present            present the deck with the Slidev dev server
  dev [SOURCES…]     build, then rebuild on every change to the sources or the notes, with the deck live

Settings: briefing.config.json or briefing.config.mjs in the working folder (or a "briefing" key in
package.json) sets sources, notes, deck, handout, paper, title, date, slideBudget and sections; flags
override it. --config FILE names another file.

Run 'briefing <command> --help' for a command's options.`,
  build: `Usage: briefing build [SOURCES…] [options]

Reads the source files and folders (default: ${DEFAULTS.sources}/), extracts entities, dates, quotes and
figures, and writes the notes (${DEFAULTS.notes} and .json), the deck (${DEFAULTS.deck}) and the
one-page summary (${DEFAULTS.handout}). A notes file edited by hand since it was drafted is kept and
the deck and handout are rendered from it.

Options:
  --notes FILE       notes file (default ${DEFAULTS.notes})
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --handout FILE     one-page PDF (default ${DEFAULTS.handout})
  --paper SIZE       letter (default) or a4
  --title TEXT       the briefing's title (default: made from the most-cited names)
  --date YYYY-MM-DD  document date for sources that state none (relative dates resolve against it)
  --redraft          draft new notes even if the notes file was edited (the old one is backed up)
  --config FILE      settings file (default: briefing.config.json/.mjs here, or package.json "briefing")
  --json             one JSON result on stdout: files written, diagnostics, timings
  -v, --verbose      every diagnostic, and the time each stage took
  -q, --quiet        only warnings and errors
  -h, --help         this help`,
  render: `Usage: briefing render NOTES.md [options]

Renders the deck and the one-page PDF from a notes file, e.g. after editing it by hand.

Options:
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --handout FILE     one-page PDF (default ${DEFAULTS.handout})
  --paper SIZE       letter (default) or a4
  --config FILE      settings file (default: briefing.config.json/.mjs here, or package.json "briefing")
  --json             one JSON result on stdout: files written, diagnostics, timings
  -v, --verbose      every diagnostic, and the time each stage took
  -q, --quiet        only warnings and errors
  -h, --help         this help`,
  analyze: `Usage: briefing analyze FILE… [--json] [--date YYYY-MM-DD]

Prints, per document, the sentences, entities, dates, quotes, figures and alignments found, with
character spans (UTF-16 code units into the decoded text, end exclusive).

Options:
  --json             the documented JSON shape on stdout (see README)
  --date YYYY-MM-DD  document date for sources that state none
  -h, --help         this help`,
  clean: `Usage: briefing clean FILE [--json]

Prints the main text of one source as cleaning left it: page chrome (navigation, cookie notices,
captions, "N min read", repeated lines) and the header lines read as metadata are dropped, blank runs
folded. Metadata corrections from a sources.yaml beside the file are applied.

Options:
  --json             its metadata, flags and cleaning steps (rule, span, note) as JSON instead
  -h, --help         this help`,
  export: `Usage: briefing export [--format pdf|pptx|pptx-images|png|notes] [--output PATH] [--deck FILE] [--notes FILE] [--paper letter|a4]

--format pptx writes an editable PowerPoint made from the notes file: real text, native diagrams
and charts, a map, speaker notes with the citations (no browser needed). The others export the deck
with Slidev and the system Chromium (found at /usr/bin/chromium and the like, or named by
BRIEFING_CHROMIUM): a PDF with an outline, pptx-images a PPTX of slide pictures with the speaker
notes, or one PNG per slide. --format notes writes the speaker notes (each slide's title and notes)
as a PDF, with Typst: no browser needed. Default output: out/deck.pdf, out/deck.pptx,
out/deck-images.pptx, out/deck/ (PNG), out/deck-notes.pdf.

Options:
  --format FORMAT    pdf (default), pptx, pptx-images, png or notes
  --output PATH      where to write
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --notes FILE       notes file for --format pptx (default ${DEFAULTS.notes})
  --paper SIZE       paper for --format notes: letter (default) or a4
  -h, --help         this help`,
  summarize: `Usage: briefing summarize FILE… [--words N] [--date YYYY-MM-DD]
       briefing summarize FILE… --timeline [--dates N] [--sentences K] [--date YYYY-MM-DD]

Prints an extractive summary of the sources (files or folders): whole source sentences, most important
first, one a line, at most N words together (the first sentence is printed even if longer), no citations.
With --timeline, prints a timeline summary instead: 'YYYY-MM-DD<TAB>sentence' lines in date order, the
dates the sources refer to most (N of them; default grows with the number of dates) and K events for each.

Options:
  --words N          length in words (default 100)
  --timeline         a dated timeline instead of a summary
  --dates N          with --timeline: how many dates (default 2·√dates, within 10-40)
  --sentences K      with --timeline: sentences per date (default 1)
  --date YYYY-MM-DD  document date for sources that state none
  -h, --help         this help`,
  present: `Usage: briefing present [--deck FILE] [--port N] [--host ADDRESS]

Starts the Slidev dev server on the deck (open the address it prints; Ctrl-C to stop). It listens on
localhost only, unless --host names an address to listen on (0.0.0.0: every network).

Options:
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --port N           port (default Slidev's, 3030)
  --host ADDRESS     listen on this address instead of localhost
  -h, --help         this help`,
  dev: `Usage: briefing dev [SOURCES…] [options]

Builds like 'briefing build', serves the deck with the Slidev dev server (the browser follows every
change), and keeps watching: a change to a source rebuilds (a notes file edited by hand is kept, as
in build), an edit of the notes file renders the deck and the handout again. Problems in the notes
are printed with their line numbers and the watch goes on. Ctrl-C stops everything.

Options:
  --notes FILE       notes file (default ${DEFAULTS.notes})
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --handout FILE     one-page PDF (default ${DEFAULTS.handout})
  --paper SIZE       letter (default) or a4
  --title TEXT       the briefing's title
  --date YYYY-MM-DD  document date for sources that state none
  --port N           the deck server's port (default Slidev's, 3030)
  --host ADDRESS     serve the deck on this address instead of localhost
  --no-serve         watch and rebuild only; no deck server
  --config FILE      settings file (default: briefing.config.json/.mjs here, or package.json "briefing")
  --json             one JSON result on stdout: files written, diagnostics, timings
  -v, --verbose      every diagnostic, and the time each stage took
  -q, --quiet        only warnings and errors
  -h, --help         this help`,
};

/** How a command that writes files reports: --json, --verbose, --quiet, and where its settings are. */
const REPORTING: NonNullable<ParseArgsConfig['options']> = {
  config: { type: 'string' }, json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, quiet: { type: 'boolean', short: 'q' },
};

const REPORTING_COMMANDS: ReadonlySet<string> = new Set(['build', 'render', 'dev']);

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  build: {
    notes: { type: 'string' }, deck: { type: 'string' }, handout: { type: 'string' }, paper: { type: 'string' },
    title: { type: 'string' }, date: { type: 'string' }, redraft: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...REPORTING,
  },
  render: { deck: { type: 'string' }, handout: { type: 'string' }, paper: { type: 'string' }, help: { type: 'boolean', short: 'h' }, ...REPORTING },
  dev: {
    notes: { type: 'string' }, deck: { type: 'string' }, handout: { type: 'string' }, paper: { type: 'string' }, title: { type: 'string' },
    date: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, 'no-serve': { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, ...REPORTING,
  },
  analyze: { json: { type: 'boolean' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  clean: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  export: { format: { type: 'string' }, output: { type: 'string' }, deck: { type: 'string' }, notes: { type: 'string' }, paper: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  present: { deck: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  summarize: { words: { type: 'string' }, timeline: { type: 'boolean' }, dates: { type: 'string' }, sentences: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
};

const usage = (message: string, command = 'main') => new BriefingError('USAGE', message, { hint: `see 'briefing ${command === 'main' ? '' : `${command} `}--help'` });

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  const rep = new Reporter(out, { tty: out === consoleOutput && process.stderr.isTTY === true });
  let code: number;
  let error: { code: string; message: string; hint?: string } | undefined;
  try {
    code = await run(argv, rep);
  } catch (err) {
    code = report(err, rep);
    error = err instanceof BriefingError
      ? { code: err.code, message: err.message, ...(err.hint ? { hint: err.hint } : {}) }
      : { code: 'INTERNAL', message: String((err as Error)?.message ?? err) };
  }
  // The commands that write files end with their timings (--verbose) or their JSON result (--json).
  // dev prints a stream of results, one JSON object a line; its last says how it ended.
  if (argv[0] !== undefined && REPORTING_COMMANDS.has(argv[0])) rep.finish(argv[0], code, error, argv[0] === 'dev');
  return code;
}

const shown = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
};

async function run(argv: string[], rep: Reporter): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    rep.data(HELP.main!);
    return command ? 0 : 2;
  }
  const options = OPTIONS[command];
  if (!options) throw usage(`unknown command '${command}'`);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw usage((err as Error).message, command);
  }
  const { values: v, positionals } = parsed;
  if (v.help) { rep.data(HELP[command]!); return 0; }
  if ('quiet' in options) rep.configure({ json: v.json === true, verbose: v.verbose === true, quiet: v.quiet === true });
  const flag = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  // defaults < config file < flags. Only commands that take --config read one.
  const config: BriefingConfig = 'config' in options ? (await loadSettings(flag('config'))) : {};
  const str = (k: keyof BriefingConfig & string) => flag(k) ?? (typeof config[k] === 'string' ? shown(config[k] as string) : undefined);
  const date = str('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usage(`--date must be YYYY-MM-DD, not '${date}'`, command);
  const paper = paperOf(str('paper'), command);
  const deck = str('deck') ?? DEFAULTS.deck;
  const handout = str('handout') ?? DEFAULTS.handout;
  const tuning: RenderTuning = { ...(config.slideBudget !== undefined ? { slideBudget: config.slideBudget } : {}), ...(config.sections ? { sections: config.sections } : {}) };
  const inputs = positionals.length ? positionals : config.sources?.map(shown) ?? [DEFAULTS.sources];
  const port = portOf(flag('port'), command);

  switch (command) {
    case 'build': {
      const { buildCommand } = await import('./commands/build.ts');
      return buildCommand({ inputs, notes: str('notes') ?? DEFAULTS.notes, deck, handout, paper, tuning, redraft: v.redraft === true, title: str('title'), date }, rep);
    }
    case 'dev': {
      const { devCommand } = await import('./commands/dev.ts');
      return devCommand({
        inputs, notes: str('notes') ?? DEFAULTS.notes, deck, handout, paper, tuning, redraft: false, title: str('title'), date,
        port, host: flag('host'), serve: v['no-serve'] !== true,
      }, rep);
    }
    case 'render': {
      if (positionals.length !== 1) throw usage('render takes exactly one notes file', command);
      const { renderCommand } = await import('./commands/render.ts');
      return renderCommand(positionals[0]!, { deck, handout, paper, tuning }, rep);
    }
    case 'analyze': {
      if (!positionals.length) throw usage('analyze needs at least one file', command);
      const { analyzeCommand } = await import('./commands/analyze.ts');
      return analyzeCommand(positionals, { json: v.json === true, date }, rep);
    }
    case 'clean': {
      if (positionals.length !== 1) throw usage('clean takes exactly one source file', command);
      const { cleanCommand } = await import('./commands/clean.ts');
      return cleanCommand(positionals[0]!, { json: v.json === true }, rep);
    }
    case 'export': {
      if (positionals.length) throw usage(`unexpected argument '${positionals[0]}'`, command);
      const { EXPORT_FORMATS, exportCommand } = await import('./commands/deck.ts');
      const format = flag('format') ?? 'pdf';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usage(`--format must be pdf, pptx, pptx-images, png or notes, not '${format}'`, command);
      return exportCommand(deck, { format: format as ExportFormat, output: flag('output'), notes: str('notes') ?? DEFAULTS.notes, paper }, rep);
    }
    case 'summarize': {
      if (!positionals.length) throw usage('summarize needs at least one file or folder', command);
      const words = flag('words') ?? '100';
      if (!/^[1-9]\d{0,5}$/.test(words)) throw usage(`--words must be a positive number, not '${words}'`, command);
      const timeline = v.timeline === true;
      const dates = flag('dates');
      const sentences = flag('sentences');
      for (const [name, value] of [['dates', dates], ['sentences', sentences]] as const) {
        if (value === undefined) continue;
        if (!timeline) throw usage(`--${name} needs --timeline`, command);
        if (!/^[1-9]\d{0,4}$/.test(value)) throw usage(`--${name} must be a positive number, not '${value}'`, command);
      }
      const { summarizeCommand } = await import('./commands/summarize.ts');
      return summarizeCommand(positionals, { words: Number(words), date, ...(timeline ? { timeline: { dates: dates === undefined ? undefined : Number(dates), sentences: Number(sentences ?? '1') } } : {}) }, rep);
    }
    case 'present': {
      const { serveDeck } = await import('./commands/dev.ts');
      return serveDeck(deck, { port, host: flag('host') });
    }
    default:
      throw usage(`unknown command '${command}'`);
  }
}

async function loadSettings(explicit: string | undefined): Promise<BriefingConfig> {
  const { loadConfig } = await import('../config.ts');
  return (await loadConfig(process.cwd(), explicit)).config;
}

function portOf(value: string | undefined, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{2,5}$/.test(value) || Number(value) > 65535) throw usage(`--port must be a number, not '${value}'`, command);
  return Number(value);
}

function paperOf(value: string | undefined, command: string): 'us-letter' | 'a4' {
  if (value === undefined || value === 'letter' || value === 'us-letter') return 'us-letter';
  if (value === 'a4') return 'a4';
  throw usage(`--paper must be letter or a4, not '${value}'`, command);
}

/** Bad usage and bad input exit 2; everything else that fails exits 1. */
const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set(['USAGE', 'INPUT_MISSING', 'NO_SOURCES', 'NOTES_INVALID', 'CONFIG_INVALID']);

/** Say what stopped the run (errors are said even with --quiet; with --json they are in the result). */
function report(err: unknown, rep: Reporter): number {
  if (err instanceof BriefingError) {
    rep.allDiagnostics.push(...err.diagnostics);
    rep.warn(`briefing: ${err.message}`);
    for (const d of err.diagnostics) rep.warn(`  ${formatDiagnostic(d)}`);
    if (err.hint) rep.warn(`  hint: ${err.hint}`);
    return INPUT_ERRORS.has(err.code) ? 2 : 1;
  }
  rep.warn(`briefing: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
  return 1;
}
