// Reads a written calendar date ("2019-06-08", "08 June, 2019", "June 8, 2019", "Sat 8 Jun 2019") into
// ISO form. Hand-written rather than chrono-node: rules need "this line is nothing but a date", and a
// strict grammar says that more plainly than trimming around a permissive parser's match.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const WEEKDAY = '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\\.?,?\\s+)?';

/** The date forms, each anchored so a caller can ask for a match at a given place. */
const FORMS: Array<{ re: RegExp; iso: (m: RegExpExecArray) => string | null }> = [
  { re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/y, iso: (m) => ymd(m[1], m[2], m[3]) },
  { re: new RegExp(`${WEEKDAY}${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'iy'), iso: (m) => ymd(m[3], monthOf(m[2]), m[1]) },
  { re: new RegExp(`${WEEKDAY}${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'iy'), iso: (m) => ymd(m[3], monthOf(m[1]), m[2]) },
];

const monthOf = (name: string | undefined): string | undefined => {
  const n = name === undefined ? undefined : MONTHS[name.toLowerCase().replace(/\.$/, '')];
  return n === undefined ? undefined : String(n);
};

function ymd(y?: string, m?: string, d?: string): string | null {
  if (y === undefined || m === undefined || d === undefined) return null;
  const year = Number(y), month = Number(m), day = Number(d);
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A date starting exactly at `pos`: its ISO form and where its words end. */
export function dateAt(s: string, pos: number): { iso: string; end: number } | null {
  for (const form of FORMS) {
    form.re.lastIndex = pos;
    const m = form.re.exec(s);
    if (!m) continue;
    const end = pos + m[0].length;
    // A date glued to more letters or digits ("2019-06-081", "June 8, 20190") is something else.
    if (/[\p{L}\p{N}]/u.test(s[end] ?? '')) continue;
    const iso = form.iso(m);
    if (iso) return { iso, end };
  }
  return null;
}

/** Words that may sit around a date on a dateline: labels, times, zones, separators. */
const TIME_TAIL = /^(?:\s*(?:[|·•,–—-]|at|on))*\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)?(?:\s*\(?(?:gmt|utc|bst|cet|cest|est|edt|pst|pdt|et|pt|ist|[+-]\d{2}:?\d{2}|local time)\)?)*\s*[|·•,.]?\s*$/i;

/** The label in front of a date that says it is this document's own date. */
export const DATE_LABEL = /^(?:date[d:]?|published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?|last\s+modified|released?)\s*[:=\-–—]?\s*/i;

/**
 * A line that is nothing but a date (optionally labelled and followed by a time): its ISO date, whether
 * the label says "updated" (a weaker claim than the publication date), and where the date words end.
 */
export function dateLine(line: string): { iso: string; updated: boolean; end: number } | null {
  const lead = line.length - line.trimStart().length;
  const label = DATE_LABEL.exec(line.slice(lead));
  const at = lead + (label ? label[0].length : 0);
  const d = dateAt(line, at);
  if (!d || !TIME_TAIL.test(line.slice(d.end))) return null;
  return { iso: d.iso, updated: /updated|modified/i.test(label?.[0] ?? ''), end: d.end };
}

/** Normalise a date given in metadata (frontmatter): ISO forms, partial ISO, or written dates. */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'number' && value >= 1900 && value <= 2100) return String(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  const partial = /^((?:19|20)\d{2})(?:-(\d{2}))?$/.exec(s);
  if (partial) return partial[2] === undefined ? partial[1]! : Number(partial[2]) >= 1 && Number(partial[2]) <= 12 ? s : null;
  const d = dateAt(s, 0);
  return d ? d.iso : null;
}
