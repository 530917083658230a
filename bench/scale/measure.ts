// One child process measured under /usr/bin/time -v (wall clock, CPU, peak RSS) and its `--json` stage
// timings: what the scale benches (run.ts, real.ts) compare.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface Run { seconds: number; cpu: number; rssMB: number; stages: Map<string, number> }

/** One child process under /usr/bin/time -v: its wall-clock time, CPU time and peak resident memory. */
export function measure(cmd: string[], cwd: string): Run {
  const r = spawnSync('/usr/bin/time', ['-v', ...cmd], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  if (!wall || !rss || !user || !sys) throw new Error(`no /usr/bin/time report for ${cmd.join(' ')}`);
  return { seconds: Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]), cpu: Number(user[1]) + Number(sys[1]), rssMB: Number(rss[1]) / 1024, stages: stageTimes(r.stdout) };
}

/** The build's own stage timings (seconds) from its `--json` result; none for the compromise pass. */
function stageTimes(stdout: string): Map<string, number> {
  try {
    const timings = (JSON.parse(stdout) as { timings?: Array<{ stage: string; ms: number }> }).timings ?? [];
    return new Map(timings.map((t) => [t.stage, t.ms / 1000]));
  } catch {
    return new Map();
  }
}

export const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };

/** Puts `section` (lines) at the top of the results file under its `title` line, keeping the earlier sections below. */
export function prependSection(file: string, title: string, section: readonly string[]): void {
  const earlier = existsSync(file) ? readFileSync(file, 'utf8').replace(/^# .*\n+/, '') : '';
  writeFileSync(file, `${[title, '', ...section].join('\n')}\n\n${earlier}`);
}
