// How the CLI talks: progress and diagnostics on stderr, data on stdout (so `--json | jq` works).

import { formatDiagnostic, type Diagnostic } from '../errors.ts';

export interface Output {
  /** Data for the user's pipe. */
  data(text: string): void;
  /** Progress, warnings, what was written. */
  info(text: string): void;
  diagnostics(list: readonly Diagnostic[]): void;
}

export const consoleOutput: Output = {
  data: (text) => { process.stdout.write(text.endsWith('\n') ? text : `${text}\n`); },
  info: (text) => { process.stderr.write(`${text}\n`); },
  diagnostics: (list) => { for (const d of list) process.stderr.write(`${formatDiagnostic(d)}\n`); },
};
