// Rasterises the map's SVG for slides that cannot show SVG everywhere (a PPTX picture), with resvg:
// offline, no browser, the system fonts.
import { Resvg } from '@resvg/resvg-js';

/** PNG bytes of `svg` at `width` pixels wide. */
export function svgToPng(svg: string, width = 1920): Buffer {
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
  return resvg.render().asPng();
}
