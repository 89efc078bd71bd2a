/** The icon script writes real PNGs: header sizes and pixels survive a decode. */
import { inflateSync } from 'node:zlib';
import { drawIcon, encodePng } from '../../scripts/draw-icons';

function decode(png: Buffer): { width: number; height: number; rgba: Buffer } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([data[8], data[9]]).toEqual([8, 6]); // 8-bit RGBA
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0); // filter none
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

test('encodePng round-trips a 2×1 image', () => {
  const pixels = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]);
  const { width, height, rgba } = decode(encodePng(2, 1, pixels));
  expect({ width, height }).toEqual({ width: 2, height: 1 });
  expect([...rgba]).toEqual([...pixels]);
});

test('encodePng refuses a pixel buffer of the wrong length', () => {
  expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow('expected 16 bytes');
});

test('the icon has transparent rounded corners, a blue field and a white bar', () => {
  const size = 32;
  const rgba = drawIcon(size);
  const at = (x: number, y: number) => [...rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
  expect(at(0, 0)[3]).toBe(0); // corner cut by the rounding
  expect(at(2, 16)).toEqual([0x1d, 0x5c, 0xa8, 255]); // background, left of the bars
  expect(at(7, 24)).toEqual([255, 255, 255, 255]); // first bar (x 0.16–0.30, y 0.62–0.84)
});
