#!/usr/bin/env node
// Vendored copy of ../shared/tools/check-notes-format.mjs (the project's official notes checker), used when
// the shared folder is not beside the checkout (e.g. a CI clone). test/notes-checker.test.ts keeps it identical.
// Checks that a structured-notes file follows the notes contract (the format, not the content):
// YAML frontmatter with title/as_of/sources, the `##` sections in order, a citation at the end of
// every item, ISO-dated and sorted timeline items, quotes with an attribution line, and citations
// that resolve to entries under Sources. Usage: node check-notes-format.mjs notes/briefing.md
import fs from 'node:fs';

const file = process.argv[2];
if (!file) { console.error('usage: check-notes-format.mjs NOTES.md'); process.exit(2); }
const text = fs.readFileSync(file, 'utf8');
const lines = text.split(/\r?\n/);
const problems = [];
const problem = (line, msg) => problems.push(`${file}:${line}: ${msg}`);

// frontmatter
if (lines[0] !== '---') problem(1, 'no YAML frontmatter (first line must be ---)');
const fmEnd = lines.indexOf('---', 1);
const fm = fmEnd > 0 ? lines.slice(1, fmEnd).join('\n') : '';
for (const key of ['title', 'as_of']) if (!new RegExp(`^${key}:`, 'm').test(fm)) problem(1, `frontmatter lacks ${key}`);

const ORDER = ['Bottom line', 'Key points', 'Actors', 'Timeline', 'Quotes', 'Figures', 'Discrepancies', 'Sources'];
const sections = [];
lines.forEach((l, i) => { const m = /^## (.+?)\s*$/.exec(l); if (m) sections.push({ name: m[1], line: i + 1 }); });
const names = sections.map((s) => s.name);
for (const want of ORDER) if (!names.includes(want)) problem(1, `missing section "## ${want}" (write it even when empty)`);
const known = names.filter((n) => ORDER.includes(n));
if (known.join('|') !== ORDER.filter((n) => known.includes(n)).join('|')) problem(1, `sections out of order: ${known.join(', ')}`);

const body = (name) => {
  const s = sections.find((x) => x.name === name); if (!s) return [];
  const next = sections.find((x) => x.line > s.line);
  return lines.slice(s.line, next ? next.line - 1 : lines.length).map((t, k) => ({ t, n: s.line + 1 + k }));
};
const CITE = /\[(s\d+(?:\s*,\s*s\d+)*)\]\s*$/;
const cited = new Set();
const noteCites = (t) => { const m = CITE.exec(t); if (m) m[1].split(/\s*,\s*/).forEach((c) => cited.add(c)); return !!m; };

// items: a list item with its continuation lines, or a paragraph; n = the item's first line
const items = (name) => {
  const out = [];
  for (const { t, n } of body(name)) {
    if (!t.trim()) { out.push(null); continue; }
    const last = out.at(-1);
    if (/^\s*[-*]\s+/.test(t) || !last) out.push({ t, n });
    else last.t += ' ' + t.trim();
  }
  return out.filter(Boolean);
};
for (const name of ['Bottom line', 'Key points', 'Actors', 'Figures', 'Discrepancies']) {
  for (const { t, n } of items(name)) if (!noteCites(t)) problem(n, `${name}: item does not end with a citation like [s1] or [s1, s3]`);
}
for (const { t, n } of items('Actors')) if (/^\s*[-*]\s+/.test(t) && !/^\s*[-*]\s+\*\*[^*]+\*\*\s+—\s+/.test(t)) problem(n, 'Actors: item is not "- **Name** — role…"');

let prev = '';
for (const { t, n } of items('Timeline')) {
  const m = /^\s*[-*]\s+\*\*(\d{4}(?:-\d{2}(?:-\d{2})?)?|undated|[^*]+)\*\*\s+—\s+/.exec(t);
  if (!m) { problem(n, 'Timeline: item is not "- **YYYY[-MM[-DD]]** — event"'); continue; }
  if (/^\d{4}/.test(m[1])) { if (m[1] < prev) problem(n, `Timeline: ${m[1]} comes after ${prev}`); prev = m[1]; }
  if (!noteCites(t)) problem(n, 'Timeline: item does not end with a citation');
}

// quotes: groups of > lines; the last line of a group is the attribution "> — Speaker…"
let group = [];
const flush = () => {
  if (!group.length) return;
  const last = group.at(-1);
  if (!/^>\s*—\s*\S/.test(last.t)) problem(last.n, 'Quotes: blockquote does not end with "> — Speaker, role [sN]"');
  else if (!noteCites(last.t)) problem(last.n, 'Quotes: attribution line does not end with a citation');
  group = [];
};
for (const l of body('Quotes')) { if (/^>/.test(l.t)) group.push(l); else flush(); }
flush();

const sourceIds = new Set();
for (const { t, n } of body('Sources')) {
  if (!/^\s*[-*]\s+/.test(t)) continue;
  const m = /^\s*[-*]\s+\[(s\d+)\]\s+\S/.exec(t);
  if (!m) problem(n, 'Sources: item is not "- [sN] file — title — outlet — date — flags"');
  else sourceIds.add(m[1]);
}
for (const c of cited) if (!sourceIds.has(c)) problem(1, `citation [${c}] has no entry under Sources`);

for (const p of problems) console.log(p);
console.log(`${problems.length} problem(s) in ${file}`);
process.exit(problems.length ? 1 : 0);
