/**
 * Property: the name a package gives its parts, and how its relationships target them, do not
 * change what is read. Part names are free and case-insensitive, a target may be relative or
 * absolute (Open Packaging Conventions); ExcelJS looks for its own names (`reading-copy.ts`).
 * Any renaming of the table, notes, shared texts and styles of a register, with targets written
 * either way, reads as the plain file: same rows, same Excel table.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { toBytes } from './fixtures';

function register(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Suivi');
  ws.getCell('A1').value = 'Suivi des marchés 2025';
  ws.addTable({
    name: 'Marches',
    ref: 'A3',
    headerRow: true,
    columns: [{ name: 'N° marché' }, { name: 'Objet' }, { name: 'Montant HT' }],
    rows: [
      ['2025-001', 'Entretien des espaces verts', 12500],
      ['2025-002', 'Fournitures de bureau', 830.5],
    ],
  });
  ws.getCell('B4').note = 'à relancer';
  return wb;
}

/** A part ExcelJS writes, the folder it lives in (from `xl/`), and how its owner targets it. */
const MOVABLE = [
  { part: 'xl/tables/table1.xml', owner: 'xl/worksheets/_rels/sheet1.xml.rels', relative: '../tables/table1.xml' },
  { part: 'xl/comments1.xml', owner: 'xl/worksheets/_rels/sheet1.xml.rels', relative: '../comments1.xml' },
  { part: 'xl/drawings/vmlDrawing1.vml', owner: 'xl/worksheets/_rels/sheet1.xml.rels', relative: '../drawings/vmlDrawing1.vml' },
  { part: 'xl/sharedStrings.xml', owner: 'xl/_rels/workbook.xml.rels', relative: 'sharedStrings.xml' },
  { part: 'xl/styles.xml', owner: 'xl/_rels/workbook.xml.rels', relative: 'styles.xml' },
] as const;

type Move = { name: 'same' | 'upper' | 'other'; absolute: boolean };

async function moved(plain: Uint8Array, moves: readonly Move[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(plain);
  let types = await zip.file('[Content_Types].xml')!.async('string');
  for (const [i, { part, owner, relative }] of MOVABLE.entries()) {
    const { name, absolute } = moves[i];
    const slash = part.lastIndexOf('/');
    const file = part.slice(slash + 1);
    const to =
      name === 'same' ? part : name === 'upper' ? part.slice(0, slash + 1) + file[0].toUpperCase() + file.slice(1) : `${part.slice(0, slash + 1)}autre/Partie${i}${file.slice(file.indexOf('.'))}`;
    if (to !== part) {
      const content = await zip.file(part)!.async('uint8array');
      zip.remove(part);
      zip.file(to, content);
      types = types.split(`PartName="/${part}"`).join(`PartName="/${to}"`);
    }
    const ownerDir = owner.slice(0, owner.indexOf('_rels/'));
    const target = absolute ? `/${to}` : relativeFrom(ownerDir, to);
    const rels = await zip.file(owner)!.async('string');
    expect(rels).toContain(`Target="${relative}"`);
    zip.file(owner, rels.replace(`Target="${relative}"`, `Target="${target}"`));
  }
  zip.file('[Content_Types].xml', types);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** `to` relative to the folder `from` (both under the package root, `from` ending in `/`). */
function relativeFrom(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/');
  let common = 0;
  while (common < a.length && common < b.length - 1 && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

describe('part names and targets do not change what is read', () => {
  it('any renaming, relative or absolute targets: same rows, same table', async () => {
    const plainBytes = await toBytes(register());
    const [plain] = await (await openXlsx(plainBytes, 'suivi.xlsx')).readSheets();
    // Guards the property: the plain file reads its texts and its table.
    expect(plain.rows[0][0]).toBe('Suivi des marchés 2025');
    expect(plain.tables.map((t) => t.name)).toEqual(['Marches']);
    const move = fc.record({ name: fc.constantFrom<Move['name']>('same', 'upper', 'other'), absolute: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.tuple(...MOVABLE.map(() => move)), async (moves) => {
        const [grid] = await (await openXlsx(await moved(plainBytes, moves), 'suivi.xlsx')).readSheets();
        expect(grid.rows).toEqual(plain.rows);
        expect(grid.tables).toEqual(plain.tables);
      }),
      { numRuns: 40 },
    );
  });
});
