// How far V8 lets the JavaScript heap grow past what its last full collection kept, for `briefing build`.
//
// By default V8 lets the old generation grow up to 4× its live set before the next full collection when
// the program promotes objects fast and collection is cheap next to its work: at 10,000 articles the notes
// stage keeps ~560–750 MB, so its heap reached 2.2 GB of mostly garbage, and the build peaked at 2.4–2.8 GB
// RSS (bench/results/scale-memory.md). A fixed growth of half the live set keeps the heap near 1.5× what
// is live, for a few more full collections. This is a growth setting, not a limit: a bigger corpus still
// gets all the heap it needs.
import v8 from 'node:v8';
import vm from 'node:vm';

/** The old generation may grow this many percent past what the last full collection kept. */
const HEAP_GROWING_PERCENT = 50;

/**
 * Characters of source text from which the build limits its heap's growth (~2,800 generated articles). Below
 * it the build peaks well under the 1.5 GB aimed at (1,000 generated articles: ~0.5 GB), and the extra full
 * collections cost more than they save: at 1,000 articles, all extracted in this thread, the build took
 * ~5-9 % more CPU time with the setting (bench/results/scale-memory.md).
 */
export const LARGE_CORPUS_CHARS = 20_000_000;

/**
 * Set V8's heap growth for the whole process (its worker threads too). V8 reads it at each full collection,
 * so it must be set before the heap grows much: `build` sets it once the sources are read, before extraction,
 * and collects at once (else the limit the last collection set, while reading, holds until the next one).
 */
export function limitHeapGrowth(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * A full collection now. After the notes stage the sources, their analyses and the stage's caches (~750 MB at
 * 10,000 articles) are garbage, but the heap has not reached the limit set while they were live, so no
 * collection would come before the deck, the handout and the output texts are made on top of them. V8 gives
 * `gc` to contexts made after --expose-gc is set; the flag changes nothing else.
 */
export function collectGarbage(): void {
  gc ??= (v8.setFlagsFromString('--expose-gc'), vm.runInNewContext('gc') as () => void);
  gc();
}

/** V8's `gc`, got once. */
let gc: (() => void) | undefined;
