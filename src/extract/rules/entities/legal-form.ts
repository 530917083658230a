// A firm's name with and without its legal form: "Bolt Industries Inc." and "Bolt Industries" are one name.

/**
 * Legal forms a firm's name may end in, lower-case without dots: "Acme Widgets Ltd." is "Acme Widgets", "Zeta
 * Corp." is "Zeta". Generic words a name needs ("Company", "Group", "Holdings") are not here: "Ford Motor Company"
 * keeps its "Company", as "Ford" alone would be a person's name as well.
 */
const LEGAL_FORMS = new Set(['inc', 'incorporated', 'corp', 'corporation', 'co', 'ltd', 'limited', 'llc', 'llp', 'plc', 'lp', 'ag', 'gmbh', 'nv', 'bv', 'sa', 'spa', 'sas', 'ab', 'asa', 'oyj', 'pty', 'pte', 'kk']);
const isLegalForm = (w: string) => LEGAL_FORMS.has(w.replace(/\./g, ''));
/** A name's words without its closing legal form; `words` itself when it has none or is nothing else. Read only. */
export function withoutLegalForm<W extends readonly string[]>(words: W): W | string[] {
  let n = words.length;
  while (n > 1 && isLegalForm(words[n - 1]!)) n--;
  // "Goldman Sachs & Co.": the "&" or "and" before a legal form goes with it.
  if (n < words.length) while (n > 1 && (words[n - 1] === '&' || words[n - 1] === 'and')) n--;
  return n === words.length ? words : words.slice(0, n);
}
