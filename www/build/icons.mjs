// Draws the web app icons and writes them to www/icons/ as PNG (zlib from Node, no
// download, no image library), and the page's own icon as SVG (the same shapes in
// vector form: a quarter of the bytes of the PNG every page would otherwise load).
// Run by hand after changing the design:
//   node www/build/icons.mjs
// The icons are committed; the e2e tests check the manifest against them.
//
// The motif: a spine of five vertebrae between two strokes of a massaging hand, in
// the widget's colours. Maskable icons fill the square and keep the motif inside
// the central safe circle (radius 40 %); the others are a rounded square.
import { writeFile, mkdir } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../icons');
const TEAL = [29, 107, 95];
const CREAM = [251, 250, 247];
const MINT = [111, 207, 189];

/** The colour (RGBA, 0–255) at (x, y) in unit coordinates, or null for transparent. */
function paint(x, y, maskable) {
  if (!maskable && !insideRoundedSquare(x, y, 0.5, 0.5, 0.5, 0.5, 0.22)) return null;
  // Five vertebrae on a gentle S-curve, widest in the middle.
  for (let i = 0; i < 5; i += 1) {
    const cy = 0.3 + i * 0.1;
    const cx = 0.5 + 0.025 * Math.sin((i - 2) * 1.1);
    const halfWidth = 0.1 + 0.025 * (2 - Math.abs(i - 2)) / 2;
    if (insideRoundedSquare(x, y, cx, cy, halfWidth, 0.037, 0.03)) return CREAM;
  }
  // Two strokes of a hand, either side: arcs of a ring around the centre.
  const dx = x - 0.5;
  const dy = y - 0.5;
  const r = Math.hypot(dx, dy);
  const fromHorizontal = Math.abs(Math.atan2(dy, Math.abs(dx)));
  if (r > 0.31 && r < 0.355 && fromHorizontal < 0.62) return MINT;
  return TEAL;
}

function insideRoundedSquare(x, y, cx, cy, hw, hh, radius) {
  const qx = Math.abs(x - cx) - (hw - radius);
  const qy = Math.abs(y - cy) - (hh - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) <= radius;
}

/** RGBA pixels of a size × size icon, 2 × 2 samples a pixel for smooth edges (4 × 4 looks the same at these sizes, and makes the icon 40% larger). */
function render(size, maskable) {
  const n = 2;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const colour = paint((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, maskable);
          if (colour) {
            for (let c = 0; c < 3; c += 1) sum[c] += colour[c];
            sum[3] += 1;
          }
        }
      }
      const at = (py * size + px) * 4;
      // Colour averaged over the covered samples; alpha is the coverage.
      for (let c = 0; c < 3; c += 1) pixels[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[at + 3] = Math.round((sum[3] / (n * n)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file of RGBA pixels, lossless: indexed colour (a palette, with its
 * transparency) when the icon has at most 256 distinct colours, as these do (three
 * colours and their anti-aliased edges), since that is a third of the bytes of
 * RGBA; 8-bit RGBA otherwise. The 192 px icon loads with every page. */
export function png(size, pixels) {
  const palette = new Map();
  for (let i = 0; i < pixels.length && palette.size <= 256; i += 4) {
    const key = pixels.readUInt32BE(i);
    if (!palette.has(key)) palette.set(key, palette.size);
  }
  const indexed = palette.size <= 256;
  const bytesPerPixel = indexed ? 1 : 4;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = indexed ? 3 : 6; // colour type: palette, or RGBA
  const stride = size * bytesPerPixel + 1;
  const rows = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y += 1) {
    rows[y * stride] = 0; // filter: none
    for (let x = 0; x < size; x += 1) {
      const at = (y * size + x) * 4;
      if (indexed) rows[y * stride + 1 + x] = palette.get(pixels.readUInt32BE(at));
      else pixels.copy(rows, y * stride + 1 + x * 4, at, at + 4);
    }
  }
  const chunks = [chunk('IHDR', header)];
  if (indexed) {
    const colours = [...palette.keys()];
    chunks.push(chunk('PLTE', Buffer.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))));
    chunks.push(chunk('tRNS', Buffer.from(colours.map((c) => c & 255))));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...chunks,
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const hex = (rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
const f = (x) => Number((x * 100).toFixed(2));

/** The non-maskable icon as SVG, in a 100 × 100 box: the shapes `paint` fills. */
export function svg() {
  const vertebrae = [0, 1, 2, 3, 4].map((i) => {
    const cy = 0.3 + i * 0.1;
    const cx = 0.5 + 0.025 * Math.sin((i - 2) * 1.1);
    const hw = 0.1 + 0.025 * (2 - Math.abs(i - 2)) / 2;
    return `<rect x="${f(cx - hw)}" y="${f(cy - 0.037)}" width="${f(2 * hw)}" height="${f(0.074)}" rx="3"/>`;
  }).join('');
  // The two strokes: arcs of the ring between radius 0.31 and 0.355, within 0.62
  // radians of the horizontal, either side.
  const r = (0.31 + 0.355) / 2;
  const at = (angle) => `${f(0.5 + r * Math.cos(angle))} ${f(0.5 + r * Math.sin(angle))}`;
  const arc = (from, to) => `M${at(from)}A${f(r)} ${f(r)} 0 0 1 ${at(to)}`;
  const strokes = `${arc(-0.62, 0.62)}${arc(Math.PI - 0.62, Math.PI + 0.62)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" rx="22" fill="${hex(TEAL)}"/>`
    + `<g fill="${hex(CREAM)}">${vertebrae}</g><path d="${strokes}" fill="none" stroke="${hex(MINT)}" stroke-width="${f(0.045)}"/></svg>\n`;
}

export const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-192.png', size: 192, maskable: true },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

if (import.meta.url === `file://${process.argv[1]}`) {
  await mkdir(OUT, { recursive: true });
  for (const { file, size, maskable } of ICONS) {
    await writeFile(resolve(OUT, file), png(size, render(size, maskable)));
    console.log(`wrote www/icons/${file}`);
  }
  await writeFile(resolve(OUT, 'icon.svg'), svg());
  console.log('wrote www/icons/icon.svg');
}
