// Renders evaluation sections as one Markdown table (plus notes and misses) and as JSON.

import type { EvalSection, Metric } from './types.ts';

/** A section that could not run, with the reason shown under the table. */
export interface SkippedSection {
  name: string;
  reason: string;
}

export interface EvalReport {
  /** ISO timestamp of the run. */
  generated: string;
  /** The command-line options that shaped the run (`--only`, `--limit`), so a partial run is not read as a full one. */
  options: { only: string[] | null; limit: number | null };
  sections: EvalSection[];
  skipped: SkippedSection[];
}

/** Scores print with 3 decimals; rates and counts (anything above 10) as whole numbers. */
export function formatValue(m: Pick<Metric, 'value' | 'name'>): string {
  if (!Number.isFinite(m.value)) return String(m.value);
  return Math.abs(m.value) >= 10 ? Math.round(m.value).toString() : m.value.toFixed(3);
}

export function verdict(m: Metric): string {
  if (m.target === undefined) return '';
  return m.value >= m.target ? 'pass' : 'FAIL';
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownTable(report: EvalReport): string {
  const lines = [
    '| section | metric | value | target | pass/fail | counts |',
    '|---|---|---:|---:|---|---|',
  ];
  for (const s of report.sections) {
    for (const m of s.metrics) {
      const target = m.target === undefined ? '' : `≥ ${formatValue({ value: m.target, name: m.name })}`;
      lines.push(`| ${cell(s.title)} | ${cell(m.name)} | ${formatValue(m)} | ${target} | ${verdict(m)} | ${cell(m.detail ?? '')} |`);
    }
  }
  return lines.join('\n');
}

export function markdownReport(report: EvalReport): string {
  const opts = [
    report.options.only ? `--only ${report.options.only.join(',')}` : 'all sections',
    report.options.limit === null ? 'all documents' : `--limit ${report.options.limit} per corpus folder`,
  ].join(', ');
  const out = [`# Extraction evaluation`, '', `Run ${report.generated} (${opts}).`, '', markdownTable(report), ''];
  if (report.skipped.length) {
    out.push('Skipped:', '', ...report.skipped.map((s) => `- ${s.name}: ${s.reason}`), '');
  }
  out.push('Corpora:', '', ...report.sections.map((s) => `- ${s.title}: ${s.corpus}`), '');
  return out.join('\n');
}

/** The misses, per section and category, at most `perCategory` examples each. */
export function missesReport(sections: readonly EvalSection[], perCategory = 10): string {
  const out: string[] = [];
  for (const s of sections) {
    const cats = Object.keys(s.misses);
    if (!cats.length) continue;
    out.push(`## Misses: ${s.title}`, '');
    for (const cat of cats) {
      const ex = s.misses[cat]!;
      out.push(`### ${cat}`, ...ex.slice(0, perCategory).map((e) => `- ${e}`));
      if (ex.length > perCategory) out.push(`- … ${ex.length - perCategory} more in bench/results/eval.json`);
      out.push('');
    }
  }
  return out.join('\n');
}
