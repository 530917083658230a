// The deck's text measure keeps each text's word widths (slides/geometry.ts): the kept widths are
// those of the face asked for, so a text measured in regular and then in bold is measured as bold.
import { describe, expect, it } from 'vitest';
import { lineCount, textEm } from '../src/render/slides/geometry.ts';

describe('deck text measure: kept word widths', () => {
  it('keeps regular, bold and monospace widths apart', () => {
    const text = 'Harbour talks';
    const px = 20;
    const regular = textEm('Harbour') + 0.32 + textEm('talks');
    const bold = textEm('Harbour', true) + 0.32 + textEm('talks', true);
    // A box that holds the two words in regular type but not in bold.
    const width = (((regular + bold) / 2) * px) / 0.95;
    const box = { px, line: 24, width };
    expect(lineCount(text, box)).toBe(1);
    expect(lineCount(text, { ...box, bold: true })).toBe(2);
    expect(lineCount(text, box)).toBe(1);
    // Monospace: 0.602 em a character and between words, wider than this regular text.
    expect(lineCount(text, { ...box, mono: true })).toBe(2);
  });

  it('breaks a run of wide characters between any two of them, as if spaced', () => {
    const box = { px: 20, line: 24, width: 100 };
    const han = '\u4e2d';
    expect(lineCount(han.repeat(12), box)).toBe(lineCount(Array(12).fill(han).join(' '), box));
    expect(lineCount(`Port ${han.repeat(12)}`, box)).toBe(lineCount(`Port ${Array(12).fill(han).join(' ')}`, box));
  });
});
