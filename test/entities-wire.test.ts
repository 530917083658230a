// Actors from invented wire copy (hard-wrapped, ``backtick quotes'', a storm, demonyms, multi-word places).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeDocuments } from '../src/extract/analyze.ts';
import { buildNotes } from '../src/extract/briefing/build.ts';
import { docFrom } from './helpers/docs.ts';

const dir = join(import.meta.dirname, 'fixtures', 'wire-storm');
const docs = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f, k) => docFrom(`s${k + 1}`, readFileSync(join(dir, f), 'utf8')));
const analyses = analyzeDocuments(docs);
const notes = buildNotes(docs, analyses, { inputs: ['t'] });
const actor = (name: string) => notes.actors.find((a) => a.name === name);
const entities = analyses.flatMap((a) => a.entities);

describe('actors of hard-wrapped wire copy', () => {
  it('lists no storm, demonym or city as an actor, and keeps multi-word places whole', () => {
    const names = notes.actors.map((a) => a.name);
    for (const no of ['Orla', 'Hurricane Orla', 'Honduran', 'Salvadoran', 'Salvador', 'Tegucigalpa', 'TEGUCIGALPA']) expect(names).not.toContain(no);
    expect(entities.filter((e) => e.text === 'El Salvador').map((e) => e.type)).toEqual(['PLACE', 'PLACE']);
    expect(entities.some((e) => e.text === 'Salvador')).toBe(false);
    expect(entities.filter((e) => /^San Pedro Sula$/i.test(e.text)).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the quoted president, the major and the agency as actors, with describing phrases', () => {
    expect(actor('Ramiro Castel')?.description).toMatch(/President/);
    expect(actor('Tomas Quiroga')?.description).toMatch(/Major/);
    expect(actor('Global Relief Alliance')?.description).toMatch(/^a relief agency based in Geneva/);
  });

  it('types a name followed by "who" or written after "its director," as a person', () => {
    expect(entities.find((e) => e.text === 'Rosa Belmonte')?.type).toBe('PERSON');
    expect(entities.find((e) => e.text === 'Ines Marland')?.type).toBe('PERSON');
  });
});
