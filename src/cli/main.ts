// The `briefing` command line: parses argv, runs one command, prints errors, returns the exit code
// (0 ok, 1 failed, 2 bad usage or input). The only module that knows about argv and exit codes.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BriefingError, formatDiagnostic, type ErrorCode } from '../errors.ts';
import { analyzeCommand } from './commands/analyze.ts';
import { buildCommand } from './commands/build.ts';
import { cleanCommand } from './commands/clean.ts';
import { EXPORT_FORMATS, exportCommand, presentCommand, type ExportFormat } from './commands/deck.ts';
import { renderCommand } from './commands/render.ts';
import { summarizeCommand } from './commands/summarize.ts';
import { consoleOutput, type Output } from './output.ts';

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
  -h, --help         this help`,
  render: `Usage: briefing render NOTES.md [options]

Renders the deck and the one-page PDF from a notes file, e.g. after editing it by hand.

Options:
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --handout FILE     one-page PDF (default ${DEFAULTS.handout})
  --paper SIZE       letter (default) or a4
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

Prints an extractive summary of the sources (files or folders): whole source sentences, most important
first, one a line, at most N words together (the first sentence is printed even if longer), no citations.

Options:
  --words N          length in words (default 100)
  --date YYYY-MM-DD  document date for sources that state none
  -h, --help         this help`,
  present: `Usage: briefing present [--deck FILE] [--port N]

Starts the Slidev dev server on the deck (open the address it prints; Ctrl-C to stop).

Options:
  --deck FILE        deck file (default ${DEFAULTS.deck})
  --port N           port (default Slidev's, 3030)
  -h, --help         this help`,
};

const OPTIONS: Record<string, ParseArgsConfig['options']> = {
  build: {
    notes: { type: 'string' }, deck: { type: 'string' }, handout: { type: 'string' }, paper: { type: 'string' },
    title: { type: 'string' }, date: { type: 'string' }, redraft: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  },
  render: { deck: { type: 'string' }, handout: { type: 'string' }, paper: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  analyze: { json: { type: 'boolean' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  clean: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  export: { format: { type: 'string' }, output: { type: 'string' }, deck: { type: 'string' }, notes: { type: 'string' }, paper: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  present: { deck: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  summarize: { words: { type: 'string' }, date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
};

const usage = (message: string, command = 'main') => new BriefingError('USAGE', message, { hint: `see 'briefing ${command === 'main' ? '' : `${command} `}--help'` });

/** Run the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  try {
    return await run(argv, out);
  } catch (err) {
    return report(err, out);
  }
}

async function run(argv: string[], out: Output): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.data(HELP.main!);
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
  if (v.help) { out.data(HELP[command]!); return 0; }
  const str = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const date = str('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw usage(`--date must be YYYY-MM-DD, not '${date}'`, command);
  const paper = paperOf(str('paper'), command);
  const deck = str('deck') ?? DEFAULTS.deck;
  const handout = str('handout') ?? DEFAULTS.handout;

  switch (command) {
    case 'build':
      return buildCommand({
        inputs: positionals.length ? positionals : [DEFAULTS.sources],
        notes: str('notes') ?? DEFAULTS.notes, deck, handout, paper,
        redraft: v.redraft === true, title: str('title'), date,
      }, out);
    case 'render':
      if (positionals.length !== 1) throw usage('render takes exactly one notes file', command);
      return renderCommand(positionals[0]!, { deck, handout, paper }, out);
    case 'analyze':
      if (!positionals.length) throw usage('analyze needs at least one file', command);
      return analyzeCommand(positionals, { json: v.json === true, date }, out);
    case 'clean':
      if (positionals.length !== 1) throw usage('clean takes exactly one source file', command);
      return cleanCommand(positionals[0]!, { json: v.json === true }, out);
    case 'export': {
      if (positionals.length) throw usage(`unexpected argument '${positionals[0]}'`, command);
      const format = str('format') ?? 'pdf';
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw usage(`--format must be pdf, pptx, pptx-images, png or notes, not '${format}'`, command);
      return exportCommand(deck, { format: format as ExportFormat, output: str('output'), notes: str('notes') ?? DEFAULTS.notes, paper }, out);
    }
    case 'summarize': {
      if (!positionals.length) throw usage('summarize needs at least one file or folder', command);
      const words = str('words') ?? '100';
      if (!/^[1-9]\d{0,5}$/.test(words)) throw usage(`--words must be a positive number, not '${words}'`, command);
      return summarizeCommand(positionals, { words: Number(words), date }, out);
    }
    case 'present': {
      const port = str('port');
      if (port !== undefined && !/^\d{2,5}$/.test(port)) throw usage(`--port must be a number, not '${port}'`, command);
      return presentCommand(deck, port === undefined ? undefined : Number(port));
    }
    default:
      throw usage(`unknown command '${command}'`);
  }
}

function paperOf(value: string | undefined, command: string): 'us-letter' | 'a4' {
  if (value === undefined || value === 'letter' || value === 'us-letter') return 'us-letter';
  if (value === 'a4') return 'a4';
  throw usage(`--paper must be letter or a4, not '${value}'`, command);
}

/** Bad usage and bad input exit 2; everything else that fails exits 1. */
const INPUT_ERRORS: ReadonlySet<ErrorCode> = new Set(['USAGE', 'INPUT_MISSING', 'NO_SOURCES', 'NOTES_INVALID']);

function report(err: unknown, out: Output): number {
  if (err instanceof BriefingError) {
    out.info(`briefing: ${err.message}`);
    for (const d of err.diagnostics) out.info(`  ${formatDiagnostic(d)}`);
    if (err.hint) out.info(`  hint: ${err.hint}`);
    return INPUT_ERRORS.has(err.code) ? 2 : 1;
  }
  out.info(`briefing: unexpected error: ${(err as Error)?.stack ?? String(err)}`);
  return 1;
}
