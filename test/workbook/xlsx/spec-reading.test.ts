/**
 * Spec audit (reading), `regles.md` §1–§2 through the xlsx adapter: a buyer's
 * workbook written with ExcelJS, read back by `openXlsx`, then made into a
 * register. Expected values are computed by hand from what was written.
 */
import ExcelJS from 'exceljs';
import { buildRegister } from '../../../src/domain/register';
import { openXlsx } from '../../../src/workbook/xlsx';
import { toBytes } from './fixtures';

const TODAY = '2025-06-15';

async function registerOf(wb: ExcelJS.Workbook) {
  const book = await openXlsx(await toBytes(wb), 'pole-sport.xlsx');
  const sheets = await book.readSheets();
  return { sheets, reg: buildRegister([{ file: 'pole-sport.xlsx', sheets, state: null }], { today: TODAY }) };
}

describe('§1 an Excel table under title rows, with a totals row and a note column beside it', () => {
  let result: Awaited<ReturnType<typeof registerOf>>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Marchés 2025');
    ws.getCell('A1').value = 'Pôle Sport — marchés notifiés';
    ws.mergeCells('A1:E1');
    ws.getCell('A2').value = 'Montants en euros HT';
    ws.addTable({
      name: 'Marches2025',
      ref: 'A4',
      totalsRow: true,
      columns: [
        { name: 'N° marché', totalsRowLabel: 'Total' },
        { name: 'Objet' },
        { name: 'Montant HT', totalsRowFunction: 'sum' },
        { name: 'Date notif.' },
        { name: 'Clause sociale' },
      ],
      rows: [
        ['2025-001', 'Ballons', 1500, new Date(Date.UTC(2025, 1, 3)), 'oui'],
        ['2025-002', 'Tapis de sol', 2500, new Date(Date.UTC(2025, 3, 22)), 'non'],
      ],
    });
    // Beside the table, outside it: a note column whose header would map (Titulaire).
    ws.getCell('G4').value = 'Titulaire';
    ws.getCell('G5').value = 'hors tableau';
    result = await registerOf(wb);
  });

  it('the adapter gives the table without its totals row', () => {
    expect(result.sheets[0].tables).toEqual([{ name: 'Marches2025', headerRow: 4, firstCol: 1, lastCol: 5, lastRow: 6 }]);
  });

  it('the table header is the header: only its columns are mapped, rows end before the totals row', () => {
    const [m] = result.reg.mappings;
    expect(m).toMatchObject({ sheet: 'Marchés 2025', kind: 'registre', headerRow: 4 });
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'clauseSociale']);
    expect(result.reg.rows.map((r) => r.values)).toEqual([
      { numero: '2025-001', objet: 'Ballons', montant: 1500, dateNotification: '2025-02-03', clauseSociale: true },
      { numero: '2025-002', objet: 'Tapis de sol', montant: 2500, dateNotification: '2025-04-22', clauseSociale: false },
    ]);
    expect(result.reg.rows.flatMap((r) => r.findings)).toEqual([]);
  });
});

describe('§2 cells as buyers type them, read through the adapter', () => {
  let result: Awaited<ReturnType<typeof registerOf>>;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Suivi');
    ws.addRow(['N° de marché', 'Objet', 'Montant notifié (€ HT)', 'Date de notification', 'Dépenses mandatées', "Nombre d'avenants", 'Marché innovant', 'SIRET', 'Code postal', 'Titulaire']);
    // Text amounts with non-breaking and narrow non-breaking spaces, € and HT; a text date; a number SIRET and CP.
    ws.addRow(['M-1', 'Papier', '12\u00a0500\u00a0€ HT', '05/03/2025', '1\u202f234,56', '2', '✓', 2345678901234, 2100]);
    // A serial formatted as a date, then an unformatted serial in the date column (45721 = 05/03/2025; Date cells: see above).
    ws.addRow(['M-2', 'Repas', 1234.5, 45721, '1.234,56', 3, 'x', '73282932000074', '59100']);
    ws.getCell('D3').numFmt = 'dd/mm/yyyy';
    ws.addRow(['M-3', 'Nettoyage', '1 000', 45721, 0, 0, 'non', null, null]);
    ws.addRow(['M-4', 'Jardins', 100, '05/03/25', { error: '#DIV/0!' }, { formula: '1/0', result: { error: '#REF!' } }, { formula: 'NA()', result: { error: '#N/A' } }, null, null, { error: '#NAME?' }]);
    result = await registerOf(wb);
  });

  it('numbers, dates, yes/no and padded digits are read as the spec says', () => {
    expect(result.reg.rows.slice(0, 3).map((r) => r.values)).toEqual([
      {
        numero: 'M-1',
        objet: 'Papier',
        montant: 12500,
        dateNotification: '2025-03-05',
        montantMandate: 1234.56,
        nbAvenants: 2,
        marcheInnovant: true,
        siret: '02345678901234',
        codePostalTitulaire: '02100',
      },
      {
        numero: 'M-2',
        objet: 'Repas',
        montant: 1234.5,
        dateNotification: '2025-03-05',
        montantMandate: 1234.56,
        nbAvenants: 3,
        marcheInnovant: true,
        siret: '73282932000074',
        codePostalTitulaire: '59100',
      },
      { numero: 'M-3', objet: 'Nettoyage', montant: 1000, dateNotification: '2025-03-05', montantMandate: 0, nbAvenants: 0, marcheInnovant: false },
    ]);
  });

  it('formula errors, as values or as formula results, are never data', () => {
    const row = result.reg.rows[3];
    expect(row.values).toEqual({ numero: 'M-4', objet: 'Jardins', montant: 100, dateNotification: '2025-03-05' });
    expect(row.findings.map((f) => [f.code, f.colonne, f.valeurLue])).toEqual([
      ['valeur-illisible', 'Dépenses mandatées', '#DIV/0!'],
      ['valeur-illisible', "Nombre d'avenants", '#REF!'],
      ['valeur-illisible', 'Marché innovant', '#N/A'],
      ['valeur-illisible', 'Titulaire', '#NAME?'],
    ]);
    // The adapter hands the domain error cells, not their text.
    expect(result.sheets[0].rows[4].slice(4)).toEqual([{ error: '#DIV/0!' }, { error: '#REF!' }, { error: '#N/A' }, null, null, { error: '#NAME?' }]);
  });
});
