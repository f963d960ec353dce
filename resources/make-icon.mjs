// Renders icon.png (512x512 RGBA) from the shapes of icon.svg, with no image tools needed:
// signed distances per shape, 4x4 supersampling, and a PNG written with zlib.
// Run: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SUBSAMPLES = 4;

const hex = (value) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));
const mix = (a, b, t) => a.map((channel, i) => channel + (b[i] - channel) * t);

const roundedRect = (x, y, w, h, r) => (px, py) => {
  const qx = Math.abs(px - (x + w / 2)) - (w / 2 - r);
  const qy = Math.abs(py - (y + h / 2)) - (h / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (px, py) => Math.hypot(px - cx, py - cy) - r;
const segment = (x1, y1, x2, y2, width) => (px, py) => {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy)) - width / 2;
};

const WHITE = hex('#ffffff');
const TOP = hex('#1565c0');
const BOTTOM = hex('#0b2e6b');
const background = roundedRect(32, 32, 448, 448, 96);
const node = (cx, cy, color) => [
  { shape: circle(cx, cy, 50), color: () => WHITE },
  { shape: circle(cx, cy, 38), color: () => hex(color) },
];
// Painted in order, last on top, as in the SVG.
const layers = [
  { shape: background, color: (_x, y) => mix(TOP, BOTTOM, (y - 32) / 448) },
  { shape: segment(152, 150, 152, 256, 20), color: () => WHITE },
  { shape: segment(360, 150, 360, 256, 20), color: () => WHITE },
  { shape: segment(256, 256, 256, 362, 20), color: () => WHITE },
  { shape: roundedRect(112, 234, 288, 44, 22), color: () => WHITE },
  ...node(152, 140, '#ffb300'),
  ...node(360, 140, '#26c6da'),
  ...node(256, 372, '#66bb6a'),
];

function samplePixel(px, py) {
  let rgba = [0, 0, 0, 0];
  for (const layer of layers) {
    if (layer.shape(px, py) > 0) continue;
    rgba = [...layer.color(px, py), 255];
  }
  return rgba;
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const rowStart = y * (SIZE * 4 + 1);
  rows[rowStart] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SUBSAMPLES; sy++) {
      for (let sx = 0; sx < SUBSAMPLES; sx++) {
        const [sr, sg, sb, sa] = samplePixel(x + (sx + 0.5) / SUBSAMPLES, y + (sy + 0.5) / SUBSAMPLES);
        r += sr * sa; g += sg * sa; b += sb * sa; a += sa;
      }
    }
    const offset = rowStart + 1 + x * 4;
    const count = SUBSAMPLES * SUBSAMPLES;
    // Colours are averaged weighted by coverage, so edges do not darken towards black.
    rows[offset] = a ? Math.round(r / a) : 0;
    rows[offset + 1] = a ? Math.round(g / a) : 0;
    rows[offset + 2] = a ? Math.round(b / a) : 0;
    rows[offset + 3] = Math.round(a / count);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bits per channel
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
