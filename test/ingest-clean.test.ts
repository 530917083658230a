// Cleaning rules, each by name, on made-up clippings: what is blanked, what is kept, what becomes metadata.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLEAN_RULES, cleanText, ruleNamed, runCleaning } from '../src/ingest/index.ts';
import { markdownReader } from '../src/ingest/formats/markdown.ts';
import type { ParsedSource } from '../src/ingest/formats/types.ts';
import { wordCount, wordsUpTo } from '../src/ingest/clean/lines.ts';

/** Run one rule alone on a text. */
function rule(name: string, text: string) {
  const r = ruleNamed(name);
  if (!r) throw new Error(`no rule ${name}`);
  return runCleaning({ raw: text, format: 'text' }, [r]);
}

/** Run the whole chain. */
const clean = (text: string) => runCleaning({ raw: text, format: 'text' });

const blankedLines = (before: string, after: string) =>
  before.split('\n').filter((line, k) => line.trim() !== '' && after.split('\n')[k]!.trim() === '').map((l) => l.trim());

const body = 'The council approved the new budget on Tuesday after a long debate.\n\nThe mayor said the vote was a relief.';

describe('rule chain', () => {
  it('lists its rules by name, in order, each once', () => {
    const names = CLEAN_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.indexOf('skip-links')).toBeLessThan(names.indexOf('title'));
    expect(names.indexOf('dateline')).toBeLessThan(names.indexOf('title'));
    expect(names.indexOf('caption')).toBeLessThan(names.indexOf('repeated-line'));
  });

  it('never changes the length and keeps every line break where it was, whatever the text', () => {
    const piece = fc.constantFrom('Skip to content', 'Advertisement', '3 min read', 'By Ann Lee', '12 May 2021', 'We use cookies on this site.',
      'A photo [Getty]', 'Home', 'The vote passed.', 'the vote passed', '© 2020 The Post', '# Head', '\r\n', '\n', '\n\n', ' ', 'x', 'é');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
      const raw = parts.join(' ');
      const out = clean(raw);
      expect(out.text.length).toBe(raw.length);
      for (let k = 0; k < raw.length; k++) {
        if (raw[k] === '\n' || raw[k] === '\r') expect(out.text[k]).toBe(raw[k]);
        else expect(out.text[k] === raw[k] || out.text[k] === ' ').toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('handles CRLF files exactly as LF files', () => {
    const lf = `Skip to content\n\nCouncil passes budget\n\n2 min read\n12 May 2021\n\n${body}\n\nThis site uses cookies. Accept?`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = clean(lf);
    const b = clean(crlf);
    expect(b.meta).toEqual(a.meta);
    expect(cleanText({ text: b.text })).toBe(cleanText({ text: a.text }));
    expect(b.steps.map((s) => s.rule)).toEqual(a.steps.map((s) => s.rule));
  });

  it('marks chrome removal but not metadata lines as boilerplate', () => {
    expect(clean(`Council passes budget\n${body}`).boilerplate).toBe(false);
    expect(clean(`${body}\n3 min read`).boilerplate).toBe(true);
  });
});

describe('skip-links', () => {
  it('blanks skip and jump links, keeps sentences that start with "skip"', () => {
    const text = `Skip links\nSkip to main content\nJump to navigation\n${body}\nSkip the queue by booking online, the mayor said.`;
    const out = rule('skip-links', text);
    expect(blankedLines(text, out.text)).toEqual(['Skip links', 'Skip to main content', 'Jump to navigation']);
    expect(out.steps.every((s) => s.rule === 'skip-links')).toBe(true);
  });
});

describe('navigation', () => {
  it('blanks labels, share bars and breadcrumbs; edge-only words only at the edges', () => {
    const text = `Home > News > Local\nMenu\n${body}\n${body}\n${body}\nAdvertisement\nHome\nThe mayor went home early.\n${body}\nShare this article\nFacebook Twitter WhatsApp\nComments`;
    const out = rule('navigation', text);
    expect(blankedLines(text, out.text)).toEqual(['Home > News > Local', 'Menu', 'Advertisement', 'Share this article', 'Facebook Twitter WhatsApp', 'Comments']);
    expect(out.text).toContain('\nHome\n');
  });

  it('blanks a line linking to another story, keeps a sentence with a colon', () => {
    const text = `${body}\nRead more: Council delays vote on parking fees\nRELATED | Mayor under pressure\nThe reason was simple: money.`;
    expect(blankedLines(text, rule('navigation', text).text)).toEqual(['Read more: Council delays vote on parking fees', 'RELATED | Mayor under pressure']);
  });
});

describe('read-time', () => {
  it.each(['2 min read', 'Read 2 minutes', '4-minute read', 'Reading time: 5 mins', 'Estimated reading time: 3 minutes', 'Three minute read'])('blanks "%s"', (label) => {
    const text = `Budget passed\n${label}\n${body}`;
    expect(blankedLines(text, rule('read-time', text).text)).toEqual([label]);
  });

  it('keeps a sentence about minutes', () => {
    const text = `${body}\nThe meeting lasted 40 minutes.\nRead the report online.`;
    expect(rule('read-time', text).text).toBe(text);
  });
});

describe('cookie-notice', () => {
  it('blanks a consent notice anywhere and the buttons under it', () => {
    const text = `${body}\nWe and our partners use cookies to personalise ads.\nAccept all\nManage preferences\n${body}`;
    expect(blankedLines(text, rule('cookie-notice', text).text)).toEqual(['We and our partners use cookies to personalise ads.', 'Accept all', 'Manage preferences']);
  });

  it('blanks a softer notice at the end but not an article about cookie law', () => {
    const tail = 'Your privacy matters to us: see our privacy policy for how we handle your data.';
    const story = 'Regulators said websites must ask for consent before setting tracking cookies, and fines would follow.';
    const text = `${story}\n${body}\n${body}\n${body}\n${tail}`;
    expect(blankedLines(text, rule('cookie-notice', text).text)).toEqual([tail]);
  });
});

describe('caption', () => {
  it('blanks lines closing with a photo credit, in any of its forms', () => {
    const captions = [
      'The mayor leaves the town hall [Getty]',
      'Flooded streets in the old town. Image courtesy: City Council',
      'Workers clear the square (Photo: AFP via Getty Images)',
      'Firefighters at the scene. Photograph: Kim Lee/Reuters',
      'The new bridge, pictured in May (Courtesy of the Port Authority)',
    ];
    const text = `${captions.join('\n')}\n${body}\nThe Government of National Accord [GNA] met on Monday.`;
    expect(blankedLines(text, rule('caption', text).text)).toEqual(captions);
  });

  it('blanks a line printed twice whose words are in the body, and keeps the body', () => {
    const cap = 'The mayor signs the budget in front of the council';
    const text = `Budget passed\n${cap}\n${cap}\n\nOn Tuesday ${cap} while protesters waited outside.\n`;
    const out = rule('caption', text);
    expect(blankedLines(text, out.text)).toEqual([cap, cap]);
    expect(out.text).toContain(`On Tuesday ${cap}`);
  });
});

describe("editor's note", () => {
  it('blanks a note from the editors, however it is written, and keeps a story about one', () => {
    const notes = [
      "Editor’s note: The candidate regularly incites political violence and is a serial liar.",
      "EDITOR'S NOTE: This story has been updated to correct the date of the vote.",
      '*Editors Note — An earlier version misspelled the minister’s name.',
    ];
    const story = 'The editor noted that the paper had been warned: note the date, she said.';
    const text = `${notes[0]}\n${body}\n${story}\n${notes[1]}\n${notes[2]}`;
    expect(blankedLines(text, rule('editors-note', text).text)).toEqual(notes);
  });
});

describe('dateline', () => {
  it.each([
    ['08 June, 2019', '2019-06-08'],
    ['June 8, 2019', '2019-06-08'],
    ['2019-06-08', '2019-06-08'],
    ['Published: Sat 8 Jun 2019 10:32 GMT', '2019-06-08'],
    ['Posted on 3rd March 2022 | 9:15 am', '2022-03-03'],
  ])('reads "%s" on its own line near the top', (line, iso) => {
    const text = `Budget passed\n${line}\n${body}`;
    const out = rule('dateline', text);
    expect(out.meta).toMatchObject({ date: iso, dateSource: 'explicit', dateEvidence: line });
    expect(blankedLines(text, out.text)).toEqual([line]);
  });

  it('reads a labelled date header that opens a line running on into the body', () => {
    const text = ` date 2021-05-12 The council approved the new budget on Tuesday.\n${body}`;
    const out = rule('dateline', text);
    expect(out.meta).toMatchObject({ date: '2021-05-12', dateEvidence: 'date 2021-05-12' });
    expect(out.text.trimStart().startsWith('The council approved')).toBe(true);
    expect(out.steps).toEqual([{ rule: 'dateline', start: 1, end: 16, note: expect.any(String) }]);
  });

  it('prefers the publication date to an "updated" one, and ignores dates inside sentences and far down', () => {
    const text = `Updated: 14 May 2021\nPublished: 12 May 2021\n${body}`;
    expect(rule('dateline', text).meta.date).toBe('2021-05-12');
    const inSentence = `Budget passed\nOn 12 May 2021 the council met.\n${body}`;
    expect(rule('dateline', inSentence).meta.date).toBeNull();
    const far = `${Array.from({ length: 10 }, (_, k) => `Paragraph ${k} of the story goes on.`).join('\n')}\n12 May 2021\n`;
    expect(rule('dateline', far).meta.date).toBeNull();
  });

  it('rejects impossible dates', () => {
    expect(rule('dateline', `Budget passed\n31 February 2021\n${body}`).meta.date).toBeNull();
  });
});

describe('byline', () => {
  it('reads "By …" as the author and blanks it', () => {
    const text = `Budget passed\nBy Maria de la Cruz | Local reporter\n${body}`;
    const out = rule('byline', text);
    expect(out.meta.author).toBe('Maria de la Cruz');
    expect(blankedLines(text, out.text)).toEqual(['By Maria de la Cruz | Local reporter']);
  });

  it('does not take a sentence starting with "By" for a byline', () => {
    const text = `By Monday, the council had approved the budget.\n${body}`;
    expect(rule('byline', text).meta.author).toBeNull();
  });
});

describe('title', () => {
  it('takes a short first line without a full stop as the headline and blanks it with its repeat', () => {
    const text = `Council passes budget after long debate\n\nCouncil passes budget after long debate\nA standfirst that sums the story up.\n${body}`;
    const out = rule('title', text);
    expect(out.meta.title).toBe('Council passes budget after long debate');
    expect(blankedLines(text, out.text)).toEqual(['Council passes budget after long debate', 'Council passes budget after long debate']);
    expect(out.text).toContain('A standfirst that sums the story up.');
  });

  it('leaves a first sentence, a lower-case start and a lone line alone', () => {
    expect(rule('title', `${body}\nMore.`).meta.title).toBeNull();
    expect(rule('title', `council passes budget\n${body}`).meta.title).toBeNull();
    expect(rule('title', 'Council passes budget').meta.title).toBeNull();
  });

  it('leaves the first line of a hard-wrapped paragraph alone: the next line goes on in lower case', () => {
    const wrapped = 'BAGHDAD (AP) _ An American leader of a U.N. weapons inspection\nteam resumed work in Iraq on Friday, officials said.\n';
    expect(rule('title', wrapped).meta.title).toBeNull();
    expect(rule('title', wrapped).text).toBe(wrapped);
    // A headline over a blank line keeps its place, whatever the story's first word.
    expect(rule('title', `Council passes budget after long debate\n\niPhone sales rose again.\n${body}`).meta.title).toBe('Council passes budget after long debate');
  });

  it('blanks a heading that repeats the title the metadata gave', () => {
    const text = `Council Passes Budget\n${body}`;
    const out = runCleaning({ raw: text, format: 'markdown', meta: { title: 'Council passes budget', date: null, dateSource: 'unknown', dateEvidence: null, outlet: null, author: null, url: null } }, [ruleNamed('title')!]);
    expect(out.meta.title).toBe('Council passes budget');
    expect(blankedLines(text, out.text)).toEqual(['Council Passes Budget']);
  });
});

describe('repeated-line', () => {
  it('keeps the first copy of a repeated line and blanks the others; short lines may repeat', () => {
    const quote = '"We will not raise taxes this year," the mayor said.';
    const text = `${quote}\n${body}\nHe said no.\n${quote}\nHe said no.`;
    const out = rule('repeated-line', text);
    expect(blankedLines(text, out.text)).toEqual([quote]);
    expect(out.text.indexOf(quote)).toBe(0);
  });
});

describe('copyright', () => {
  it('takes the publisher from a closing copyright line and blanks it', () => {
    for (const line of ['© 2019 The Valley Post. All rights reserved.', 'Copyright 2018-2020 The Valley Post', '(c) The Valley Post']) {
      const out = rule('copyright', `${body}\n${line}`);
      expect(out.meta.outlet).toBe('The Valley Post');
      expect(out.text.trimEnd().endsWith('relief.')).toBe(true);
    }
  });

  it('blanks a nameless copyright line without inventing an outlet', () => {
    const out = rule('copyright', `${body}\n© 2019. All rights reserved.`);
    expect(out.meta.outlet).toBeNull();
    expect(out.steps).toHaveLength(1);
  });
});

describe('outlet', () => {
  it('names the paper an exclusive interview was given to, in its fullest form in the text', () => {
    const text = 'The mayor told The Valley Post on Monday that taxes would not rise.\n\n"No," the mayor told The Post in an exclusive interview.';
    expect(rule('outlet', text).meta.outlet).toBe('The Valley Post');
  });

  it('takes a wire credit from a dateline', () => {
    expect(rule('outlet', 'OSLO, Norway (AP) — The council met on Monday.').meta.outlet).toBe('AP');
    expect(rule('outlet', 'NAIROBI (Reuters) - Rains flooded the city.').meta.outlet).toBe('Reuters');
  });

  it('does not guess from an ordinary mention of another paper', () => {
    const text = 'The mayor told The Daily Star last week that taxes would not rise, according to The Mercury.';
    expect(rule('outlet', text).meta.outlet).toBeNull();
  });
});

describe('markdown reader', () => {
  const read = (md: string) => markdownReader.read(new TextEncoder().encode(md)) as ParsedSource;

  it('reads frontmatter as metadata and blanks it and the markup in place', () => {
    const md = '---\ntitle: Budget passed\ndate: 2021-05-12\nsource: https://example.org/budget\nauthors: [Ann Lee, Bo Chan]\n---\n# Budget passed\n\nThe **council** approved the [budget](https://example.org/b) on *Tuesday*.\n![chart](c.png)\n';
    const r = read(md);
    expect(r.text.length).toBe(md.length);
    expect(r.meta).toMatchObject({ title: 'Budget passed', date: '2021-05-12', dateSource: 'explicit', url: 'https://example.org/budget', author: 'Ann Lee, Bo Chan' });
    expect(r.meta.outlet).toBeUndefined();
    expect(cleanText(r)).toBe('Budget passed\n\nThe council approved the budget on Tuesday.');
    expect(r.steps[0]).toMatchObject({ rule: 'frontmatter', start: 0 });
  });

  it('survives invalid YAML with a warning', () => {
    const r = read('---\ntitle: [unclosed\n---\nText of the story.\n');
    expect(r.warnings.join(' ')).toMatch(/not valid YAML/);
    expect(cleanText(r)).toBe('Text of the story.');
  });
});

describe('capped word count', () => {
  it('is the word count when it is below the cap, else the cap (what the rules compare against)', () => {
    // Pieces that make or break words: letters, digits, joiners (' ’ . -), letters outside the BMP, a lone surrogate.
    const piece = fc.constantFrom('dam', "don't", 'U.S.', 'co-op', '2024', 'élan', 'ß', '٣', '𝒜', '\ud800', '—', '’', "'", '.', '-', ',', 'x', ' ', '\n');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom('', ' ', '\n'), fc.integer({ min: 0, max: 40 }), (pieces, gap, cap) => {
      const line = pieces.join(gap);
      expect(wordsUpTo(line, cap)).toBe(Math.min(wordCount(line), cap));
    }));
  });
});
