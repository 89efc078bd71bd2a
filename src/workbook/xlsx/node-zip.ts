/**
 * Node only. Outside the browser, ExcelJS 4.4 hands its XML parts to JSZip as
 * strings, and JSZip 3.10 encodes a string in slices of 16,384 UTF-16 units: a
 * character outside the BMP (an emoji) that straddles two slices is saved as
 * two U+FFFD, in the user's sheets as in ours. In the browser ExcelJS hands
 * bytes; this makes Node do the same. Applied when the Node file helpers load.
 */
import { Buffer } from 'node:buffer';

interface ZipWriterClass {
  prototype: { append(this: unknown, data: unknown, options: { name: string; base64?: boolean }): void };
}

let applied = false;

export function encodeZipPartsAsBytes(): void {
  if (applied) return;
  applied = true;
  // ExcelJS's own module (no `exports` map): the class its workbook writer instantiates.
  // Another layout (a future ExcelJS) leaves the writer as it is rather than stop the command
  // line; `test/workbook/xlsx/node-zip.test.ts` then fails.
  let ZipWriter: ZipWriterClass | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ ZipWriter } = require('exceljs/lib/utils/zip-stream') as { ZipWriter?: ZipWriterClass });
  } catch {
    return;
  }
  if (typeof ZipWriter?.prototype.append !== 'function') return;
  const append = ZipWriter.prototype.append;
  ZipWriter.prototype.append = function (data, options) {
    append.call(this, typeof data === 'string' && !options.base64 ? Buffer.from(data, 'utf8') : data, options);
  };
}
