// Discrepancies: where sources disagree on a fact they both state — for now, a person's age (each
// source's date is shown, since an age can change between reports).

import type { Discrepancy } from '../../notes/model.ts';
import { sentenceEvidence, sentenceIndexAt, sortCites, sortEvidence, type NotesContext } from './context.ts';

export function discrepancies(ctx: NotesContext): Discrepancy[] {
  const ages = new Map<string, Array<{ value: number; doc: number; start: number }>>();
  ctx.analyses.forEach((a, d) => {
    for (const f of a.figures) {
      if (f.measure !== 'age' || !f.entityId) continue;
      const list = ages.get(f.entityId) ?? [];
      list.push({ value: f.value, doc: d, start: f.start });
      ages.set(f.entityId, list);
    }
  });
  const out: Discrepancy[] = [];
  for (const [id, list] of [...ages].sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }))) {
    const values = [...new Set(list.map((x) => x.value))].sort((a, b) => a - b);
    if (values.length < 2) continue;
    const name = ctx.entities.get(id)?.canonical ?? id;
    const parts = values.map((v) => {
      const docs = [...new Set(list.filter((x) => x.value === v).map((x) => x.doc))].sort((a, b) => a - b);
      return `${v} in ${docs.map((d) => `${ctx.docs[d]!.id} (${ctx.docs[d]!.meta.date ?? 'undated'})`).join(' and ')}`;
    });
    const evidence = list.map((x) => sentenceEvidence(ctx, x.doc, sentenceIndexAt(ctx, x.doc, x.start))).filter((e) => e.text);
    out.push({
      text: `Sources give different ages for ${name}: ${parts.join('; ')}.`,
      cites: sortCites(list.map((x) => ctx.docs[x.doc]!.id)),
      evidence: sortEvidence(evidence),
    });
  }
  return out;
}
