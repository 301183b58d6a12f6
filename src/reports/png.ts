/**
 * SVG → PNG on the server, with no browser: resvg with DejaVu Sans (from the
 * `dejavu-fonts-ttf` package), which has every Vietnamese glyph. System fonts are never
 * loaded, so a server without fonts renders exactly what a developer's machine does.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';

const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** The family name SVGs rendered here must use. */
export const chartFontFamily = 'DejaVu Sans';

/** The font files loaded into every rendering, regular then bold. */
export const chartFontFiles = [path.join(fontDir, 'DejaVuSans.ttf'), path.join(fontDir, 'DejaVuSans-Bold.ttf')];

/**
 * Renders an SVG document to PNG bytes at its own size, on a white background. resvg renders
 * on libuv's thread pool, not the event loop: a chart costs about 50 ms of CPU, and a reporting
 * day's summaries draw a thousand of them while officials' reports wait to be recorded.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: chartFontFiles, defaultFontFamily: chartFontFamily, sansSerifFamily: chartFontFamily },
    background: 'white',
    fitTo: { mode: 'original' },
  });
  return image.asPng();
}
