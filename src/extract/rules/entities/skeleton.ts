// A spelling-tolerant key for name words, so that transliteration variants (Cardozo/Cardoso,
// Tchaikovsky/Chaikovsky/Tschaikowsky) meet; shared by the typing and the alias rules.

const PARTICLES = /^(al|el|ad|as|ash|an|ar|at|az|bin|ibn|abu|van|von|de|da|di|du|le|la|der)[-’' ]/u;
// Skeletons are asked for the same few hundred words over and over; the cache is bounded.
const cache = new Map<string, string>();

/** A spelling-tolerant key: no diacritics, no particles, no vowels after the first letter, no doubled letters, no h. */
export function nameSkeleton(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const key = skeleton(word);
  if (cache.size > 20000) cache.clear();
  cache.set(word, key);
  return key;
}

/** A name word without diacritics, case or a leading particle ("al-Sarraj" → "sarraj"): where the skeleton and
 * the spelling check of aliases.ts both start. */
export const bareName = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(PARTICLES, '');

function skeleton(word: string): string {
  const w = bareName(word).replace(/[^a-z]/g, '');
  if (!w) return '';
  // Letters that transliterations swap (Cardozo/Cardoso, Qaddafi/Kaddafi) count as one.
  const folded = w.replace(/ph/g, 'f').replace(/[kq]/g, 'c').replace(/z/g, 's');
  const rest = folded.slice(1).replace(/[aeiouyh]/g, '');
  return (folded[0]! + rest).replace(/(.)\1+/g, '$1');
}
