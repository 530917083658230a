// How long V8 lets a function run before optimising it, for the `briefing` command (bin/briefing.mjs).
//
// V8 hands a function to TurboFan (compiled on background threads) once it has run about 66 KB of
// bytecode (`--interrupt-budget`, 67584 in Node 20). A build of a few hundred articles runs ~500
// functions past that: compiling them took 1.2–1.5 s of CPU on the background threads, more than the
// main thread's whole extraction, and on 2 cores those threads take turns with the main thread. Most
// of those functions run briefly once optimised; the hot loops pass eight times the budget within
// milliseconds. At eight times the budget the build of 327 real articles used ~30% less CPU and its
// main thread no more (bench/results/real.md, 2026-12-06 night). Same code, same results: only when
// V8 optimises changes.

/** Eight times Node 20's default budget. */
export const INTERRUPT_BUDGET = 8 * 67584;

/**
 * The V8 flag to set, or null when the user already chose a budget on node's command line: theirs stands.
 * (Node refuses to start with a V8 flag such as this one in NODE_OPTIONS, so it can come only from there.)
 */
export function jitBudgetFlag(execArgv = process.execArgv) {
  const chosen = execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a));
  return chosen ? null : `--interrupt-budget=${INTERRUPT_BUDGET}`;
}
