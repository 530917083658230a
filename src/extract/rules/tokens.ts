// Word tokens with offsets, shared by the entity, quote and alignment rules.

import { hashStep } from './vocabulary.ts';

export interface Token {
  /** The token as written, without a possessive ending. */
  readonly text: string;
  /** Lower-cased `text`. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Followed by a possessive 's / ’s (not part of `text`). */
  readonly possessive: boolean;
  /** Starts with a capital letter (or a lower-case name particle joined by a hyphen: "al-Nouri"). */
  readonly capitalised: boolean;
  /** Made of letters. */
  readonly word: boolean;
}

// Hyphenated parts join only when the part after the hyphen is capitalised ("al-Nouri") — "Nations-backed" is two words.
const TOKEN = /(?:\p{L}\.){2,}(?:\p{L}\b)?|\p{L}[\p{L}\p{M}\p{N}]*(?:['’]\p{L}[\p{L}\p{M}\p{N}]*|-\p{Lu}[\p{L}\p{M}\p{N}]*)*|\p{N}[\p{N},.]*\p{N}|\p{N}|\S/uy;
const ABBREVIATED = /^(mr|mrs|ms|dr|gen|col|lt|capt|sgt|adm|rev|prof|sen|rep|gov|pres|st|jr|sr|maj|brig|mt|ft|inc|corp|ltd|co|gens)$/i;
const PARTICLE_NAME = /^(al|el|ad|as|ash|bin|ibn|abu|van|von|de|da|di|du|le|la|mac|mc|o)[-’']\p{Lu}/u;

/** Split text into tokens; possessives split off, abbreviations keep their full stop ("Gen."). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const cursor = new TokenCursor(text, from, to);
  while (cursor.next()) {
    const { start, end } = cursor;
    const word = isWordAt(text, start);
    out.push(new TextToken(text, start, end, packFlags(cursor.possessive, word, word && isCapitalised(text, start, end))));
  }
  return out;
}

/**
 * A token that slices its text (and lower-cases it) only when asked: most tokens are read only for their
 * offsets and flags, by rules that look for capitalised words.
 */
class TextToken implements Token {
  private textCache: string | undefined = undefined;
  private lowerCache: string | undefined = undefined;

  /** `flags` and `form` as in PackedTokens; `spellings` has the form's strings. */
  constructor(private source: string, public start: number, public end: number, private flags: number, private form = -1, private spellings: Spellings | null = null) {}

  /** Make this token another one (see `PackedTokens.segment`). */
  reset(source: string, start: number, end: number, flags: number, form: number, spellings: Spellings | null): void {
    this.source = source;
    this.start = start;
    this.end = end;
    this.flags = flags;
    this.form = form;
    this.spellings = spellings;
    this.textCache = undefined;
    this.lowerCache = undefined;
  }

  get text(): string {
    return (this.textCache ??= this.form >= 0 ? this.spellings!.written(this.form) : this.source.slice(this.start, this.end));
  }

  get lower(): string {
    return (this.lowerCache ??= this.form >= 0 ? this.spellings!.lowered(this.form) : lowerCase(this.text));
  }

  get possessive(): boolean {
    return (this.flags & PackedTokens.POSSESSIVE) !== 0;
  }

  get capitalised(): boolean {
    return (this.flags & PackedTokens.CAPITALISED) !== 0;
  }

  get word(): boolean {
    return (this.flags & PackedTokens.WORD) !== 0;
  }

  withCapital(): TextToken {
    return new TextToken(this.source, this.start, this.end, this.flags | PackedTokens.CAPITALISED, this.form, this.spellings);
  }
}

/** A text's tokens, read by offset and flag without building them, and built for a range when needed. */
export interface TokenSource {
  readonly length: number;
  start(k: number): number;
  end(k: number): number;
  capitalised(k: number): boolean;
  /** Token k's text (as `tokens(k, k + 1)[0].text`). */
  text(k: number): string;
  /** Tokens from..to (exclusive), built. */
  tokens(from: number, to: number): Token[];
  /**
   * `tokens(from, to)`, but the array and the token objects may be reused by the next call: for a reader
   * that is done with one segment before it asks for the next and keeps no token.
   */
  segment(from: number, to: number): readonly Token[];
}

/** A TokenSource over tokens already built. */
export class TokenList implements TokenSource {
  constructor(private readonly list: readonly Token[]) {}
  get length(): number { return this.list.length; }
  start(k: number): number { return this.list[k]!.start; }
  end(k: number): number { return this.list[k]!.end; }
  capitalised(k: number): boolean { return this.list[k]!.capitalised; }
  text(k: number): string { return this.list[k]!.text; }
  tokens(from: number, to: number): Token[] { return this.list.slice(from, to); }
  segment(from: number, to: number): readonly Token[] { return this.list.slice(from, to); }
}

/** The strings of numbered written forms, made once for all their tokens (see PackedTokens). */
export interface Spellings {
  /** Form `form` as written. */
  written(form: number): string;
  /** Form `form` lower-cased. */
  lowered(form: number): string;
}

/**
 * A text's tokens packed as numbers, four per token (start, end, flags, form): what `tokenize` finds, kept
 * compactly by a pass that walks the text (the casing pass) for a later pass that needs the tokens. A word's
 * form numbers its spelling in `spellings`, so that its text and lower-cased text are strings already made
 * (-1: none, the text is sliced).
 */
export class PackedTokens implements TokenSource {
  constructor(private readonly data: Int32Array, private readonly source: string, private readonly spellings: Spellings | null = null) {}

  get length(): number {
    return this.data.length / 4;
  }

  start(k: number): number {
    return this.data[4 * k]!;
  }

  end(k: number): number {
    return this.data[4 * k + 1]!;
  }

  capitalised(k: number): boolean {
    return (this.data[4 * k + 2]! & PackedTokens.CAPITALISED) !== 0;
  }

  text(k: number): string {
    const form = this.formAt(4 * k);
    return form >= 0 ? this.spellings!.written(form) : this.source.slice(this.data[4 * k]!, this.data[4 * k + 1]!);
  }

  tokens(from: number, to: number): Token[] {
    const out: Token[] = [];
    const d = this.data;
    for (let k = 4 * from; k < 4 * to; k += 4) out.push(new TextToken(this.source, d[k]!, d[k + 1]!, d[k + 2]!, this.formAt(k), this.spellings));
    return out;
  }

  segment(from: number, to: number): readonly Token[] {
    const d = this.data;
    const out = SEGMENT;
    out.length = to - from;
    for (let i = 0; i < out.length; i++) {
      const k = 4 * (from + i);
      const pooled = POOL[i];
      if (pooled) pooled.reset(this.source, d[k]!, d[k + 1]!, d[k + 2]!, this.formAt(k), this.spellings);
      else POOL[i] = new TextToken(this.source, d[k]!, d[k + 1]!, d[k + 2]!, this.formAt(k), this.spellings);
      out[i] = POOL[i]!;
    }
    return out;
  }

  /** The form of the token whose numbers start at data[k], or -1 when there are no spellings to read it in. */
  private formAt(k: number): number {
    return this.spellings ? this.data[k + 3]! : -1;
  }

  static readonly POSSESSIVE = 1;
  static readonly WORD = 2;
  static readonly CAPITALISED = 4;
}

/** A token's flags as one number (see PackedTokens). */
const packFlags = (possessive: boolean, word: boolean, capitalised: boolean): number =>
  (possessive ? PackedTokens.POSSESSIVE : 0) | (word ? PackedTokens.WORD : 0) | (capitalised ? PackedTokens.CAPITALISED : 0);

/** The array and token objects `PackedTokens.segment` reuses (one segment is read at a time). */
const SEGMENT: TextToken[] = [];
const POOL: TextToken[] = [];

/** Builds `PackedTokens` in one scratch buffer shared by all writers (one text is packed at a time). */
export class PackedTokenWriter {
  private static scratch = new Int32Array(4 * 4096);
  private length = 0;

  /** `form`: the number of the token's spelling in the Spellings given to `finish`, or -1. */
  push(start: number, end: number, possessive: boolean, word: boolean, capitalised: boolean, form = -1): void {
    let buf = PackedTokenWriter.scratch;
    if (this.length + 4 > buf.length) {
      const grown = new Int32Array(buf.length * 2);
      grown.set(buf);
      buf = PackedTokenWriter.scratch = grown;
    }
    buf[this.length] = start;
    buf[this.length + 1] = end;
    buf[this.length + 2] = packFlags(possessive, word, capitalised);
    buf[this.length + 3] = form;
    this.length += 4;
  }

  /** The tokens pushed (found in `text`), in a buffer of their own (the scratch buffer is reused by the next writer). */
  finish(text: string, spellings: Spellings | null = null): PackedTokens {
    return new PackedTokens(PackedTokenWriter.scratch.slice(0, this.length), text, spellings);
  }
}

/** The same token, flagged as capitalised (a capital a degraded text lost). */
export function withCapital(t: Token): Token {
  return t instanceof TextToken ? t.withCapital() : { ...t, capitalised: true };
}

/**
 * The tokens of `text` one at a time, without building them (`tokenize` builds them): `next()` moves to
 * the next token and sets `start`, `end` and `possessive` as `tokenize` would; false at the end.
 */
export class TokenCursor {
  start = 0;
  end = 0;
  possessive = false;
  /** Whether `hash` is the token's `charsHash` (vocabulary.ts), which the scan computes on the way for a plain ASCII word. */
  hashed = false;
  hash = 0;
  private at: number;

  constructor(private readonly text: string, from = 0, private readonly to = text.length) {
    this.at = from;
  }

  next(): boolean {
    // This runs over every word of every document. Every non-space character starts a token (TOKEN ends
    // with \S), so the sticky regex is tried only there, and `test` spares the match array of `exec`.
    const { text, to } = this;
    let at = this.at;
    while (at < text.length && isSpace(text.charCodeAt(at))) at++;
    if (at >= to) { this.at = at; return false; }
    const start = at;
    const letter = isAsciiLetter(text.charCodeAt(start));
    at = letter ? this.asciiWordEnd(start) : asciiTokenEnd(text, start);
    // A word the end bound cuts is not the word hashed.
    const hashed = letter && at >= 0 && at <= to;
    if (at < 0) {
      TOKEN.lastIndex = start;
      TOKEN.test(text);
      at = TOKEN.lastIndex;
    }
    let end = Math.min(at, to);
    let possessive = false;
    if (end - start > 2 && text.charCodeAt(end - 1) === 115 /* s */ && isApostrophe(text.charCodeAt(end - 2)) && isLetter(text[start]!)) {
      end -= 2;
      possessive = true;
    }
    if (end < to && text.charCodeAt(end) === 46 /* . */ && ((end - start === 1 && isUpper(text[start]!) && !endsLongerToken(text, start)) || (end - start <= 5 && ABBREVIATED.test(text.slice(start, end))))) {
      end += 1;
      at = end;
      if (hashed) this.hash = hashStep(this.hash, 46);
    }
    this.start = start;
    this.end = end;
    this.possessive = possessive;
    this.hashed = hashed;
    this.at = at;
    return true;
  }
  /**
   * Where TOKEN's match at `start`, an ASCII letter, ends (as `asciiTokenEnd` does for other tokens), with the
   * characters read hashed into `hash`; -1 when only the regex can tell: a dotted acronym ("U.S."), or an
   * apostrophe, a hyphen or a non-ASCII character (a letter, a mark, ’) after the letters and digits.
   */
  private asciiWordEnd(start: number): number {
    const text = this.text;
    if (text.charCodeAt(start + 1) === 46 /* . */) return -1;
    let hash = text.charCodeAt(start);
    let k = start + 1;
    for (; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (!isAsciiAlnum(d)) break;
      hash = hashStep(hash, d);
    }
    this.hash = hash;
    if (k === text.length) return k;
    const next = text.charCodeAt(k);
    return next >= 128 || next === 39 /* ' */ || next === 45 /* - */ ? -1 : k;
  }
}

/**
 * Whether the one-letter token at `start` ends a longer token ("AT&T.", "S&P."): glued to what comes before
 * it, it is no initial, and the full stop after it is punctuation (sentences.ts reads it the same way). An
 * initial follows a space, a line start, an opening bracket or quote, or a slash or dash that joins two names
 * ("Merrill Lynch/B. Riley", "banks—J. P. Morgan").
 */
export function endsLongerToken(text: string, start: number): boolean {
  return start > 0 && !/[\s(\[{"“‘'`/–—]/u.test(text[start - 1]!);
}

/** Whether text[start, end), a word, is capitalised: a capital first, or a name particle joined by a hyphen ("al-Nouri"). */
export function isCapitalised(text: string, start: number, end: number): boolean {
  return isUpper(text[start]!) || (mayBeParticleName(text, start, end) && PARTICLE_NAME.test(text.slice(start, end)));
}

/** Whether the token at `start` is a word (starts with a letter). */
export function isWordAt(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  return c < 128 ? isAsciiLetter(c) : isLetter(text[start]!);
}

/** `s.toLowerCase()`, without the call for the usual token that has no capital and is ASCII. */
export function lowerCase(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c >= 128) return s.toLowerCase();
  }
  return s;
}

/**
 * Where TOKEN's match at `start` ends, found without the regex when the token and the character after it
 * are ASCII (most tokens of English text); -1 when only the regex can tell. For a token that does not start
 * with an ASCII letter (those: `TokenCursor.asciiWordEnd`).
 */
function asciiTokenEnd(text: string, start: number): number {
  const c = text.charCodeAt(start);
  if (isAsciiDigit(c)) {
    // \p{N}[\p{N},.]*\p{N} | \p{N}: the run of digits, commas and full stops, up to its last digit.
    let k = start + 1;
    let lastDigit = start;
    for (; k < text.length; k++) {
      const d = text.charCodeAt(k);
      if (isAsciiDigit(d)) lastDigit = k;
      else if (d !== 44 /* , */ && d !== 46 /* . */) break;
    }
    if (k < text.length && text.charCodeAt(k) >= 128) return -1;
    return lastDigit + 1;
  }
  // \S: one character, but a surrogate pair is one character to a /u regex.
  return c < 128 ? start + 1 : -1;
}

const isApostrophe = (c: number) => c === 39 /* ' */ || c === 0x2019 /* ’ */;
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
export const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number) => isAsciiLetter(c) || isAsciiDigit(c);

/** JavaScript's \s, by code unit. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Cheap pre-test for PARTICLE_NAME on text[start, end): a hyphen or apostrophe within its first four characters. */
function mayBeParticleName(text: string, start: number, end: number): boolean {
  for (let k = start + 1; k < start + 5 && k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019 /* ’ */) return true;
  }
  return false;
}

// Case tests with an ASCII fast path: this runs once per token of every document. Beyond ASCII, a
// letter is what has two cases; letters of scripts without case do not matter, names are found by capitals.
function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return c.toLowerCase() !== c.toUpperCase();
}
function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return c !== c.toLowerCase();
}
