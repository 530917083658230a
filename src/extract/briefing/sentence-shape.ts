// Whether a span cut from degraded (unpunctuated) text reads as a sentence: a subject and a finite verb in
// its main clause. The word model that restores boundaries cuts some pieces that are not sentences ("Mr
// Morsi in a military coup in 2013", "the 46 year old former businessman who was named minister in 2016").

/** Auxiliaries, modals and common verbs of news whose past or present form is not regular ("took", "says"). */
const FINITE = new Set(`is are was were am be been has have had do does did will would can could may might must shall should
  said says told tells took takes made makes went goes came comes gave gives got gets led leads left met meets put ran runs saw sees
  sent sends set won wins lost loses began begins became becomes brought brings fought fights held holds kept keeps knew knows paid
  pays sold sells stood stands thought thinks wrote writes hit hits cut cuts fled flees seized struck strikes spoke speaks rose rises
  fell falls grew grows drove drives chose chooses broke breaks wants controls remains seems calls plans needs faces leads`.split(/\s+/));
/** Words that open a clause inside the sentence: a verb after them belongs to that clause, not the main one. */
const SUBCLAUSE = /^(?:who|whom|whose|which|that|because|although|while|when|where|after|before|since|until|if|unless)$/;
/** Participles used as adjectives before a noun are common ("self proclaimed", "texas based"); only a past
 * form of some length counts, and not the first word (a subject comes before the verb). */
const PAST = /^\p{L}{3,}ed$/u;

/** Whether the words have a subject and a finite verb before any subordinate clause opens. */
export function hasMainVerb(text: string): boolean {
  const words = text.toLowerCase().replace(/[’']/g, "'").split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (SUBCLAUSE.test(w)) return false;
    if (k > 0 && (FINITE.has(w) || PAST.test(w))) return true;
    // "he's", "they've": a pronoun with its verb.
    if (/^(?:he|she|it|they|we|i|you|there)'(?:s|re|ve|ll|d|m)$/.test(w)) return true;
  }
  return false;
}
