// The rules run over one text after another, and several of them ask the same question of a text (where
// its sentences end, where figures may start): `forLastText` computes the answer once per text.

/** `compute`, remembered for the last text it was asked about (a one-entry cache, compared by value). */
export function forLastText<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | null = null;
  let value: T;
  return (text) => {
    if (text !== last) {
      value = compute(text);
      last = text;
    }
    return value;
  };
}
