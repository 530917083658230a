// The PPTX deck's look: the Slidev theme's colours and fonts (slides/theme/styles/tokens.css, light)
// and the slide's geometry in inches (PowerPoint's 13.33 × 7.5 in widescreen).

/** Colours of tokens.css (light scheme), as PowerPoint hex without '#'. */
export const COLOURS = {
  bg: 'FBFAF7', card: 'FFFFFF', ink: '1B2230', muted: '545D6D', faint: '8A92A0', rule: 'D9DDE3',
  accent: '1F4F82', accentSoft: 'E8EFF7', warn: '8A5200', warnSoft: 'FBF1E1', alert: 'A3271B', backs: '2F6B3A',
} as const;

/**
 * The first faces of the theme's sans and serif stacks. Text is measured against DejaVu Sans, the
 * widest face a viewer may fall back to, so it fits whichever of them is installed.
 */
export const FONTS = { sans: 'Source Sans 3', serif: 'Source Serif 4' } as const;

/** Slide size in inches. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;

/** A rectangle on the slide, in inches. */
export interface Box { x: number; y: number; w: number; h: number }

/** The title placeholder of content slides. */
export const TITLE_BOX: Box = { x: 0.6, y: 0.3, w: 12.13, h: 0.85 };
/** The title placeholder of the title slide. */
export const TITLE_SLIDE_BOX: Box = { x: 0.9, y: 2.0, w: 11.53, h: 2.2 };
/** Under the title rule, above the footer. */
export const CONTENT_BOX: Box = { x: 0.6, y: 1.4, w: 12.13, h: 5.45 };
/** The footer line of content slides. */
export const FOOTER_BOX: Box = { x: 0.6, y: 6.95, w: 10.6, h: 0.35 };

/** Title sizes (pt) tried in order until the title fits its box. */
export const TITLE_SIZES = [30, 28, 26, 24, 22, 20] as const;
/** Body text sizes (pt) tried in order before moving the rest to a continuation slide. */
export const BODY_SIZES = [20, 19, 18, 17, 16, 15, 14] as const;
