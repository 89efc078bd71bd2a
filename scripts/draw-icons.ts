/**
 * Draws the Registre SPASER icons (rising white bars and a green leaf on a
 * blue rounded square) pixel by pixel and writes them as PNG into `assets/`.
 * No image library: shapes are sampled 8×8 times per pixel for anti-aliasing,
 * PNG is encoded with node's zlib. Run: `npx tsx scripts/draw-icons.ts`.
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Ribbon sizes (16/32/80) and their high-DPI steps, as the manifest declares them. */
export const RIBBON_ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80] as const;
/** HighResolutionIconUrl (64) and a larger copy for listings. */
export const LOGO_FILES = [
  { file: 'logo-filled.png', size: 64 },
  { file: 'logo-filled-128.png', size: 128 },
] as const;

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x1d, 0x5c, 0xa8];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GREEN: Rgb = [0x3c, 0xb3, 0x4a];
const DARK_GREEN: Rgb = [0x1f, 0x7a, 0x2e];

/** Shapes in unit coordinates (x right, y down, [0,1]). */
function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

const BARS = [
  { x0: 0.16, x1: 0.3, top: 0.62 },
  { x0: 0.36, x1: 0.5, top: 0.5 },
  { x0: 0.56, x1: 0.7, top: 0.4 },
];
const BAR_BOTTOM = 0.84;

function insideBar(x: number, y: number): boolean {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BAR_BOTTOM);
}

// Leaf: lens between two circles, tip to tip from (0.54, 0.44) to (0.88, 0.1).
const LEAF_A = { x: 0.54, y: 0.44 };
const LEAF_B = { x: 0.88, y: 0.1 };
const LEAF = (() => {
  const mx = (LEAF_A.x + LEAF_B.x) / 2;
  const my = (LEAF_A.y + LEAF_B.y) / 2;
  const dx = LEAF_B.x - LEAF_A.x;
  const dy = LEAF_B.y - LEAF_A.y;
  const half = Math.hypot(dx, dy) / 2;
  const bulge = 0.1; // half width of the leaf at its middle
  const radius = (half ** 2 + bulge ** 2) / (2 * bulge);
  const offset = radius - bulge;
  const nx = -dy / (2 * half);
  const ny = dx / (2 * half);
  return {
    radius,
    c1: { x: mx + nx * offset, y: my + ny * offset },
    c2: { x: mx - nx * offset, y: my - ny * offset },
  };
})();

function insideLeaf(x: number, y: number): boolean {
  const r2 = LEAF.radius ** 2;
  return (x - LEAF.c1.x) ** 2 + (y - LEAF.c1.y) ** 2 <= r2 && (x - LEAF.c2.x) ** 2 + (y - LEAF.c2.y) ** 2 <= r2;
}

function onLeafVein(x: number, y: number, width: number): boolean {
  const dx = LEAF_B.x - LEAF_A.x;
  const dy = LEAF_B.y - LEAF_A.y;
  const t = ((x - LEAF_A.x) * dx + (y - LEAF_A.y) * dy) / (dx * dx + dy * dy);
  if (t < 0.1 || t > 0.85) return false;
  const px = LEAF_A.x + t * dx;
  const py = LEAF_A.y + t * dy;
  return Math.hypot(x - px, y - py) <= width / 2;
}

/** Colour of one sample point, or null when outside the icon (transparent). */
function sample(x: number, y: number, size: number): Rgb | null {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  if (insideLeaf(x, y)) {
    // The vein only reads from 32 px up; below it is noise.
    return size >= 32 && onLeafVein(x, y, 1.2 / size) ? DARK_GREEN : GREEN;
  }
  if (insideBar(x, y)) return WHITE;
  return BLUE;
}

/** RGBA pixels of the icon at `size`×`size`, anti-aliased by supersampling. */
export function drawIcon(size: number, samples = 8): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = sample((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, size);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            covered++;
          }
        }
      }
      const i = (py * size + px) * 4;
      if (covered > 0) {
        rgba[i] = Math.round(r / covered);
        rgba[i + 1] = Math.round(g / covered);
        rgba[i + 2] = Math.round(b / covered);
        rgba[i + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA pixels (row-major) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(`encodePng: expected ${width * height * 4} bytes, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** Writes every icon into `dir`; returns the file names written. */
export function writeIcons(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const size of RIBBON_ICON_SIZES) {
    const file = `icon-${size}.png`;
    writeFileSync(join(dir, file), encodePng(size, size, drawIcon(size)));
    written.push(file);
  }
  for (const { file, size } of LOGO_FILES) {
    writeFileSync(join(dir, file), encodePng(size, size, drawIcon(size)));
    written.push(file);
  }
  return written;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  const files = writeIcons(dir);
  console.log(`${files.length} icônes écrites dans ${dir} : ${files.join(', ')}`);
}
