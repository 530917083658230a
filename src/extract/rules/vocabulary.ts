// Strings numbered in the order added and found again by the characters of a span of some text, without
// slicing a new string: for passes that meet every word of every document and look each one up.

/** `a` copied into an array twice as long. */
export function grow<T extends Int32Array | Uint8Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Strings numbered in the order added, found by the characters of a span of some text: an open-addressing
 * table of their hashes, so that a frequent word ("the", "said") is found without slicing a new string.
 */
export class Vocabulary {
  private slots = new Int32Array(4096);
  private hashes = new Int32Array(1024);
  private readonly strings: string[] = [];

  /** The number of text[start, end), or -1. `chars`: its `charsHash`, when the caller has it already. */
  find(text: string, start: number, end: number, chars = charsHash(text, start, end)): number {
    const h = mixed(chars);
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]! - 1;
      if (id < 0) return -1;
      if (this.hashes[id] === h && sameChars(this.strings[id]!, text, start, end)) return id;
    }
  }

  /** Add text[start, end) (not yet in) and return its number. `chars` as for `find`. */
  add(text: string, start: number, end: number, chars = charsHash(text, start, end)): number {
    const id = this.strings.length;
    if (id >= this.hashes.length) this.hashes = grow(this.hashes);
    this.strings.push(start === 0 && end === text.length ? text : text.slice(start, end));
    this.hashes[id] = mixed(chars);
    if (2 * (id + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** How many strings there are (numbered 0 to size - 1). */
  get size(): number {
    return this.strings.length;
  }

  /** The string numbered `id`. */
  text(id: number): string {
    return this.strings[id]!;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let i = this.hashes[id]! & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let id = 0; id < this.strings.length; id++) this.place(id);
  }
}

/** A hash of text[start, end)'s characters: `hashStep` over them from 0 (a scan that reads them anyway may compute it on the way). */
export function charsHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let k = start; k < end; k++) h = hashStep(h, text.charCodeAt(k));
  return h;
}

/** The hash of some characters followed by the character `c`. */
export const hashStep = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

/** `charsHash` mixed, so that its low bits index a table. */
function mixed(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/** Whether text[start, end) is `word`. */
function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
