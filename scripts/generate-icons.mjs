// Draws the toolbar icon (a white key on a ministry-blue rounded square) at each size the
// manifest names, so the PNGs in public/icons can be regenerated rather than hand-edited.
// Run: node scripts/generate-icons.mjs
import { PNG } from 'pngjs';
import { writeFileSync } from 'node:fs';

const BLUE = [29, 78, 216];
const WHITE = [255, 255, 255];

/**
 * @param {number} x
 * @param {number} y
 */
function pixelColour(x, y) {
  // Work in a 0..1 square; sample at the pixel centre.
  const corner = 0.18;
  const cx = Math.min(Math.max(x, corner), 1 - corner);
  const cy = Math.min(Math.max(y, corner), 1 - corner);
  if (Math.hypot(x - cx, y - cy) > corner) return null; // outside the rounded square
  const ringDistance = Math.hypot(x - 0.36, y - 0.5);
  const inRing = ringDistance < 0.2 && ringDistance > 0.09;
  const inShaft = x > 0.5 && x < 0.84 && Math.abs(y - 0.5) < 0.06;
  const inTooth = ((x > 0.66 && x < 0.73) || (x > 0.77 && x < 0.84)) && y > 0.5 && y < 0.68;
  return inRing || inShaft || inTooth ? WHITE : BLUE;
}

for (const size of [16, 32, 48, 128]) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = pixelColour((x + 0.5) / size, (y + 0.5) / size);
      const i = (y * size + x) * 4;
      png.data[i] = colour?.[0] ?? 0;
      png.data[i + 1] = colour?.[1] ?? 0;
      png.data[i + 2] = colour?.[2] ?? 0;
      png.data[i + 3] = colour ? 255 : 0;
    }
  }
  writeFileSync(new URL(`../public/icons/icon-${size}.png`, import.meta.url), PNG.sync.write(png));
}
console.log('icons written to public/icons');
