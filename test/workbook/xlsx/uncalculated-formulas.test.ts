/**
 * A workbook written by a program (openpyxl, PhpSpreadsheet, an export) and never opened in Excel
 * stores its formulas without their result: the buyer sees values in Excel, the file reader reads
 * empty cells, and 285 rows were said to miss their Objet without a word why (session 24 review).
 * The reader counts such formulas; a source sheet holding some is named, with what to do.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runChain } from '../../../src/domain/chain';
import { openXlsx } from '../../../src/workbook/xlsx/open';

async function sheets(objetAsFormula: number, withResult = false) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Marchés');
  ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Libellé']);
  for (let i = 0; i < 3; i++) {
    const row = ws.addRow([`M-${i + 1}`, null, 100, new Date(Date.UTC(2025, 1, 1)), 'Papier']);
    row.getCell(2).value = i < objetAsFormula ? (withResult ? { formula: `E${i + 2}`, result: 'Papier' } : { formula: `E${i + 2}` }) : 'Papier';
  }
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = { formula: '1+1' };
  return (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Export.xlsx')).readSheets();
}

describe('formulas saved without their result', () => {
  it('are counted by the reader, read empty; a source sheet holding some is named, a sheet that is no source is not', async () => {
    const read = await sheets(2);
    expect(read.map((s) => s.uncalculated)).toEqual([2, 1]);
    // Where they are, for the controls of their rows (session 40).
    expect(read.map((s) => s.uncalculatedCells)).toEqual([['B2', 'B3'], ['A1']]);
    expect(read[0].rows[1][1]).toBeNull();
    const out = runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false });
    expect(out.notices).toEqual([
      "La feuille « Marchés » a 2 formules enregistrées sans leur résultat (classeur écrit par un logiciel et jamais ouvert dans Excel) : leurs cellules se lisent vides. Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.",
    ]);
  });

  it('one formula: said in the singular', async () => {
    const out = runChain([{ file: 'Export.xlsx', sheets: await sheets(1), state: null }], { today: '2026-01-15', writesCharts: false });
    expect(out.notices).toEqual([
      "La feuille « Marchés » a une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel) : sa cellule se lit vide. Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.",
    ]);
  });

  it('formulas saved with their result (Excel always saves it): read, nothing said', async () => {
    const read = await sheets(3, true);
    expect(read[0].uncalculated).toBeUndefined();
    expect('uncalculated' in read[0]).toBe(false);
    expect('uncalculatedCells' in read[0]).toBe(false);
    expect(read[0].rows[1][1]).toBe('Papier');
    expect(runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false }).notices).toEqual([]);
  });
});

/**
 * A formula whose result is the empty string (`=SI(H5>100000;H5/2;"")`, very common in buyers'
 * sheets) is saved by Excel as `<c t="str"><f>…</f><v/></c>` and by LibreOffice with `<v></v>`: its result IS
 * saved, and the buyer sees an empty cell. ExcelJS reads it like a formula saved without `<v>`
 * (result `undefined`), and the sheet was said to hold « une formule enregistrée sans son
 * résultat… Ouvrez le classeur dans Excel, enregistrez-le », which Excel cannot cure (found by the
 * blind acceptance « libreoffice », session 33).
 */
describe('formulas whose saved result is the empty string', () => {
  async function withEmptyResults(emptyV: string, alsoUncalculated: boolean) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés');
    ws.addRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Dépenses mandatées']);
    for (let i = 0; i < 3; i++) ws.addRow([`M-${i + 1}`, 'Papier', 100, new Date(Date.UTC(2025, 1, 1)), null]);
    // E2 and E3: `""` results; E4: a formula saved without any result, when asked for.
    ws.getCell('E2').value = { formula: 'IF(C2>1000,C2/2,"")', result: 'EMPTY-RESULT' };
    ws.getCell('E3').value = { formula: 'IF(C3>1000,C3/2,"")', result: 'EMPTY-RESULT' };
    if (alsoUncalculated) ws.getCell('E4').value = { formula: 'C4/2' };
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    expect(xml.match(/<v>EMPTY-RESULT<\/v>/g)).toHaveLength(2);
    zip.file(part, xml.replace(/<v>EMPTY-RESULT<\/v>/g, emptyV));
    return (await openXlsx(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), 'Export.xlsx')).readSheets();
  }

  it.each([
    ['<v></v>', 'as LibreOffice writes it'],
    ['<v/>', 'as Excel writes it'],
  ])('%s (%s): read empty, not counted, nothing said', async (emptyV) => {
    const read = await withEmptyResults(emptyV, false);
    expect(read[0].uncalculated).toBeUndefined();
    expect(read[0].rows[1][4] ?? null).toBeNull();
    expect(read[0].rows[2][4] ?? null).toBeNull();
    expect(runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false }).notices).toEqual([]);
  });

  it('beside them, a formula saved without its result is still counted, alone', async () => {
    const read = await withEmptyResults('<v></v>', true);
    expect(read[0].uncalculated).toBe(1);
    expect(runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false }).notices).toEqual([
      "La feuille « Marchés » a une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel) : sa cellule se lit vide. Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.",
    ]);
  });
});
