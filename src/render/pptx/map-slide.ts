// The map slide: the briefing's map as a picture (PNG, drawn from renderMap's SVG) with a key beside
// it that names the shading, the marked places and the places that could not be located.
import type { BriefingMap } from '../map/index.ts';
import { MAP_SIZE, mapKey } from '../map/index.ts';
import type { BriefingNotes } from '../../notes/model.ts';
import { paginate, type Para } from './fit.ts';
import type { Block, SlideSpec } from './spec.ts';
import { titleSize } from './text.ts';
import { COLOURS, CONTENT_BOX, type Box } from './theme.ts';

const IMAGE_W = 9.1;
const KEY_BOX: Box = { x: CONTENT_BOX.x + IMAGE_W + 0.25, y: CONTENT_BOX.y, w: CONTENT_BOX.w - IMAGE_W - 0.25, h: CONTENT_BOX.h };

export function mapSlides(notes: BriefingNotes, map: BriefingMap, png: Uint8Array): SlideSpec[] {
  if (map.located.length === 0 && map.unlocated.length === 0) return [];
  const key = mapKey(notes, map);
  const paras: Para[] = key.map((text, i) => ({ runs: [{ text, colour: i === key.length - 1 && map.unlocated.length ? COLOURS.warn : COLOURS.ink }] }));
  const pages = paginate(paras, KEY_BOX, [16, 15, 14, 13, 12, 11, 10]);
  const title = 'Where it happens';
  const h = (IMAGE_W * MAP_SIZE.height) / MAP_SIZE.width;
  return pages.map((page, n) => {
    const blocks: Block[] = [];
    if (n === 0) blocks.push({ kind: 'image', box: { x: CONTENT_BOX.x, y: CONTENT_BOX.y, w: IMAGE_W, h }, png, alt: `World map. ${key.join(' ')}` });
    blocks.push({ kind: 'text', box: KEY_BOX, pt: page.pt, paras: page.paras, name: 'Map key' });
    const t = n === 0 ? title : `${title} (cont.)`;
    return { master: 'CONTENT' as const, title: t, titlePt: titleSize(t), blocks, notes: [t, '', ...key, '', 'Countries from Natural Earth (world-atlas); cities from GeoNames.'].join('\n') };
  });
}
