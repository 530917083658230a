// Reader for Sources: `- [sN] file — title — outlet — date — flags`.
import type { SourceEntry, SourceFlag } from '../model.ts';
import type { Block } from './blocks.ts';
import type { Located, ReadContext } from './context.ts';
import { splitUnescaped, structureView } from './inline.ts';
import { listItems } from './items.ts';

const SHAPE = '- [sN] file — title — outlet — date — flags';
const DATE = /^(\d{4}(?:-\d{2}){0,2})(\s*\(inferred\))?$/;

export function readSources(section: readonly Block[], ctx: ReadContext): Located<SourceEntry>[] {
  return listItems(section, ctx, 'Sources').flatMap((item) => {
    const { raw, line } = item.head;
    if (item.evidence.length) ctx.error(item.evidenceLines[0]!, 'Sources: an entry has no evidence lines');
    const id = /^\[\s*(s\d+)\s*\]\s*/.exec(structureView(raw));
    const fields = id ? splitUnescaped(raw.slice(id[0].length), /\s—\s/) : [];
    if (!id || fields.length !== 5) {
      if (id) ctx.unreadSources.add(id[1]!);
      ctx.error(line, `Sources: entry is not "${SHAPE}"`, fields.length > 5 ? 'write an em dash inside a field as &mdash;' : undefined);
      return [];
    }
    const [file, title, outlet, dateRaw, flagsRaw] = fields.map((f) => ctx.plain(f, line)) as [string, string, string, string, string];
    const date = DATE.exec(dateRaw);
    if (!date && dateRaw !== 'undated') {
      ctx.unreadSources.add(id[1]!);
      ctx.error(line, `Sources: date "${dateRaw}" is not YYYY-MM-DD, "YYYY-MM-DD (inferred)" or "undated"`);
      return [];
    }
    const entry: SourceEntry = {
      id: id[1]!,
      file,
      title,
      outlet,
      date: date ? date[1]! : null,
      dateSource: !date ? 'unknown' : date[2] ? 'inferred' : 'explicit',
      flags: flagsRaw === 'no flags' ? [] : ([...new Set(flagsRaw.split(/\s*,\s*/))].sort() as SourceFlag[]),
    };
    return [{ value: entry, line, evidenceLines: [] }];
  });
}
