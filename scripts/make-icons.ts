/**
 * Renders the toolbar and store icons (16/32/48/128 px PNG) from the one source SVG, icons/icon.svg.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const dir = new URL('../icons/', import.meta.url);
const svg = readFileSync(new URL('icon.svg', dir), 'utf8');
for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(new URL(`icon-${size}.png`, dir), png);
  console.log(`icons/icon-${size}.png ${png.length} bytes`);
}
