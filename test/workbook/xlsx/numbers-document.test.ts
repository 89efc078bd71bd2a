/**
 * An Apple Numbers document given instead of its Excel export (recette `tableurs`): a zip of
 * `Index/*.iwa` streams, which Numbers cannot « save as » a workbook — it exports one
 * (Fichier › Exporter vers › Excel). The reason says so, whatever the file is named; the
 * generic « enregistrez-le au format Classeur Excel » sent a Mac user to a menu Numbers lacks.
 */
import JSZip from 'jszip';
import { reasonOf } from './fixtures';

async function numbersPackage(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('Index/Document.iwa', new Uint8Array([0x00, 0x1b, 0x00, 0x00, 0x31, 0x08, 0x01]));
  zip.file('Index/Metadata.iwa', new Uint8Array([0x00, 0x0c, 0x00, 0x00, 0x08, 0x01]));
  zip.file('Metadata/Properties.plist', '<plist version="1.0"><dict/></plist>');
  zip.file('preview.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9]));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const WANT =
  'document Apple Numbers (.numbers) : dans Numbers, choisissez Fichier › Exporter vers › Excel… et donnez le classeur .xlsx exporté, puis réessayez';

describe('an Apple Numbers document', () => {
  it('renamed .xlsx: told to export it from Numbers', async () => {
    expect(await reasonOf(await numbersPackage(), 'Pôle Sports.xlsx')).toBe(WANT);
  });

  it('under its own name (.numbers): the same', async () => {
    expect(await reasonOf(await numbersPackage(), 'Pôle Sports.numbers')).toBe(WANT);
  });

  it('an older single-file package (Index.zip inside) too', async () => {
    const zip = new JSZip();
    zip.file('Index.zip', new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    zip.file('Metadata/Properties.plist', '<plist version="1.0"><dict/></plist>');
    expect(await reasonOf(await zip.generateAsync({ type: 'uint8array' }), 'suivi.xlsx')).toBe(WANT);
  });
});
