/**
 * A workbook written by a program (openpyxl, PhpSpreadsheet, an export) and never opened in Excel
 * stores its formulas without their result: the buyer sees values in Excel, the file reader reads
 * empty cells, and 285 rows were said to miss their Objet without a word why (session 24 review).
 * The reader counts such formulas; a source sheet holding some is named, with what to do.
 */
import ExcelJS from 'exceljs';
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
    expect(read[0].rows[1][1]).toBe('Papier');
    expect(runChain([{ file: 'Export.xlsx', sheets: read, state: null }], { today: '2026-01-15', writesCharts: false }).notices).toEqual([]);
  });
});
