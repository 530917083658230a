// The handout's fit search (fit.ts) on made-up pages: it finds what an exhaustive search would, with
// few layouts when the measured fill is a fair guide, and still finds it when the fill misleads.
import { describe, expect, it } from 'vitest';
import { fewestCuts, largestSize, type Probe } from '../src/render/handout/fit.ts';

/** A made-up page: fits while `fill` ≤ 1; counts the layouts asked for. */
function page(fill: (step: number, size: number) => number, fits = (step: number, size: number) => fill(step, size) <= 1) {
  const asked: string[] = [];
  const probe = (step: number, size: number): Probe => {
    asked.push(`${step}@${size}`);
    return { step, size, fits: fits(step, size), fill: fill(step, size) };
  };
  return { probe, asked };
}

describe('fit search: type size', () => {
  // Full at 12.8 pt, growing with the size as type does.
  const fill = (_step: number, size: number) => (size / 12.8) ** 1.7;

  it('finds the largest size that fits in a few layouts, guided by the fill', () => {
    const { probe, asked } = page(fill);
    const top = probe(0, 10.5);
    asked.length = 0;
    const found = largestSize(probe, 0, 10.5, 16, [top]);
    expect(found?.size).toBe(12.75);
    // A blind bisection of the 22 sizes takes 5.
    expect(asked.length).toBeLessThanOrEqual(3);
  });

  it('finds the same size when the fill says nothing useful, by bisection', () => {
    const { probe } = page(() => 0.5, (_step, size) => size <= 12.75);
    expect(largestSize(probe, 0, 10.5, 16, [probe(0, 10.5)])?.size).toBe(12.75);
    const { probe: lying } = page(() => 3, (_step, size) => size <= 12.75);
    expect(largestSize(lying, 0, 8, 16)?.size).toBe(12.75);
  });

  it('says so when even the smallest size does not fit, and stops at the largest', () => {
    expect(largestSize(page(() => 2).probe, 0, 8, 10.5)).toBeNull();
    expect(largestSize(page(() => 0.2).probe, 0, 10.5, 16)?.size).toBe(16);
  });
});

describe('fit search: cuts', () => {
  // 60 cuts; the page holds up to weight 700 at 9 pt, each cut showing 10 less.
  const weights = Array.from({ length: 61 }, (_, k) => 1000 - 10 * k);
  const fill = (step: number, size: number) => (weights[step]! / 700) * (size / 9) ** 2;

  it('finds the fewest cuts that fit in a few layouts, guided by the fill', () => {
    const { probe, asked } = page(fill);
    const top = probe(0, 10.5);
    asked.length = 0;
    const found = fewestCuts(probe, 9, 0, 60, weights, [top]);
    expect(found?.step).toBe(30);
    // The least content first, then the guess and its neighbour; a blind bisection takes 7.
    expect(asked.length).toBeLessThanOrEqual(4);
  });

  it('finds the same cut when the fill misleads, and null when not even the last fits', () => {
    const { probe } = page(() => 0.1, (step) => step >= 30);
    expect(fewestCuts(probe, 9, 0, 60, weights)?.step).toBe(30);
    expect(fewestCuts(page(() => 5).probe, 9, 0, 60, weights)).toBeNull();
  });
});
