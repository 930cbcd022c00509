// Writes the add-in's icons (assets/icon-16.png … icon-80.png): a blue tile with three white bars,
// drawn pixel by pixel and encoded as PNG with zlib, so the repository needs no image downloads.
// Run: node scripts/make-icons.js
import { writeFileSync, mkdirSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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

/** The colour of pixel (x, y) of an icon of the given size, as RGBA. */
function pixel(x, y, size) {
  const blue = [0x10, 0x6e, 0xbe, 0xff];
  const white = [0xff, 0xff, 0xff, 0xff];
  const clear = [0, 0, 0, 0];
  const radius = Math.max(2, Math.round(size / 8));
  const inCorner = (cx, cy) => (x - cx) ** 2 + (y - cy) ** 2 > radius ** 2;
  const last = size - 1;
  if (x < radius && y < radius && inCorner(radius, radius)) return clear;
  if (x > last - radius && y < radius && inCorner(last - radius, radius)) return clear;
  if (x < radius && y > last - radius && inCorner(radius, last - radius)) return clear;
  if (x > last - radius && y > last - radius && inCorner(last - radius, last - radius)) return clear;
  // Three bars of rising height: the frames used over the agreement years.
  const unit = size / 16;
  const bars = [
    [3, 6, 9],
    [7, 10, 6],
    [11, 14, 3],
  ];
  for (const [from, to, top] of bars) {
    if (x >= from * unit && x < to * unit - unit * 0.5 && y >= top * unit && y < 13 * unit) return white;
  }
  return blue;
}

function png(size) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(raw, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(new URL('../assets/', import.meta.url), { recursive: true });
for (const size of [16, 32, 64, 80]) {
  writeFileSync(new URL(`../assets/icon-${size}.png`, import.meta.url), png(size));
}
