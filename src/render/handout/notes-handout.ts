// The speaker-notes handout: a deck's notes (speaker-notes.ts) → a PDF of each slide's title and
// notes, typeset with Typst. Slidev's own `export-notes` cannot be pointed at the system browser,
// so this needs no browser at all.
import { layout, toPdf, trimCache } from './compiler.ts';
import { cleanText } from './payload.ts';
import type { DeckNotes } from './speaker-notes.ts';

export interface NotesHandoutOptions {
  /** Paper size; US Letter unless given. */
  paper?: 'us-letter' | 'a4';
}

/** The notes template's input; field names are what notes-template.typ reads. */
interface NotesData {
  paper: 'us-letter' | 'a4';
  fontSize: number;
  docTitle: string;
  title: string;
  countLabel: string;
  slides: Array<{ number: number; title: string; lines: Array<{ depth: number; item: boolean; text: string }> }>;
}

/** Base size: notes are read from a lectern, at more than arm's length. */
const FONT_SIZE = 11;

/** Render the notes as a PDF: one block per slide, as many pages as they take. Same notes, same bytes. */
export function renderNotesHandout(notes: DeckNotes, options: NotesHandoutOptions = {}): { pdf: Uint8Array; pages: number } {
  const title = cleanText(notes.title) || 'Untitled deck';
  const withNotes = notes.slides.filter((s) => s.lines.length > 0).length;
  const data: NotesData = {
    paper: options.paper ?? 'us-letter',
    fontSize: FONT_SIZE,
    docTitle: `Speaker notes: ${title}`,
    title,
    countLabel: `${notes.slides.length} ${notes.slides.length === 1 ? 'slide' : 'slides'}, ${withNotes} with notes`,
    slides: notes.slides.map((s) => ({
      number: s.number,
      title: cleanText(s.title),
      lines: s.lines.map((l) => ({ depth: l.depth, item: l.item, text: cleanText(l.text) })).filter((l) => l.text !== ''),
    })),
  };
  try {
    const doc = layout(data, 'notes-template.typ');
    return { pdf: toPdf(doc), pages: doc.numOfPages };
  } finally {
    trimCache();
  }
}
