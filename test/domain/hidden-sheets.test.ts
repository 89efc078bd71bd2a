/**
 * A hidden sheet whose header maps the required fields is a register source like any other
 * (`regles.md` §1), but the user cannot see it: each one that counts is named in the notices,
 * by both adapters (README « Feuilles masquées »).
 */
import ExcelJS from 'exceljs';
import { runChain } from '../../src/domain/chain';
import type { SheetGrid } from '../../src/domain/cell';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { openXlsx } from '../../src/workbook/xlsx/open';
import { createExcelDouble } from '../doubles/excel-double';
import { serial } from '../workbook/office/spec-office-fixture';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];

const register2025 = grid('Marchés 2025', [HEADER, ['M-1', 'Papier', 100, d('2025-02-01')], ['M-2', 'Encre', 200, d('2025-03-01')]]);
const archive: SheetGrid = { ...grid('Archive 2024', [HEADER, ['A-1', 'Toner', 50, d('2024-02-01')], ['A-2', 'Stylos', 30, d('2024-03-01')], ['A-3', 'Agrafes', 10, d('2024-04-01')]]), hidden: true };
const targets: SheetGrid = { ...grid('Objectifs', [['Indicateur', 'Année', 'Cible'], ['4.1.2-consideration-sociale', 2025, 30]]), hidden: true };
const lookup: SheetGrid = { ...grid('Listes', [['Oui'], ['Non']]), hidden: true };

const noticesOf = (inputs: Parameters<typeof runChain>[0]) => runChain(inputs, { today: TODAY, writesCharts: false }).notices;

describe('hidden sheets read as sources are named', () => {
  it('a hidden register, with its rows, and a hidden companion sheet; a hidden sheet that is no source says nothing', () => {
    const out = runChain([{ file: 'Suivi.xlsx', sheets: [register2025, archive, targets, lookup], state: null }], { today: TODAY, writesCharts: false });
    // Read as any other: its rows are in the register.
    expect(out.result.lignes.lues).toBe(5);
    expect(out.notices).toEqual([
      'La feuille masquée « Archive 2024 » est lue comme registre des marchés (3 lignes) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.',
      'La feuille masquée « Objectifs » est lue comme feuille « Cibles » : elle compte dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.',
    ]);
  });

  it('nothing when every source is visible', () => {
    expect(noticesOf([{ file: 'Suivi.xlsx', sheets: [register2025, { ...targets, hidden: false }, lookup], state: null }])).toEqual([]);
  });

  it('in a consolidation, the workbook is named; one row is « 1 ligne »', () => {
    const one: SheetGrid = { ...grid('Brouillon', [HEADER, ['B-1', 'Café', 5, d('2025-05-01')]]), hidden: true };
    expect(noticesOf([{ file: 'Pôle A.xlsx', sheets: [register2025], state: null }, { file: 'Pôle B.xlsx', sheets: [one], state: null }])).toEqual([
      'La feuille masquée « Brouillon » du classeur « Pôle B.xlsx » est lue comme registre des marchés (1 ligne) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.',
    ]);
  });
});

describe('both adapters say which sheets are hidden', () => {
  it('xlsx: hidden and very hidden sheets, a visible one as before (no property)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Visible').getCell('A1').value = 'x';
    wb.addWorksheet('Cachée', { state: 'hidden' }).getCell('A1').value = 'x';
    wb.addWorksheet('Très cachée', { state: 'veryHidden' }).getCell('A1').value = 'x';
    wb.addWorksheet('Vide cachée', { state: 'hidden' });
    const sheets = await (await openXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'Suivi.xlsx')).readSheets();
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', undefined],
      ['Cachée', true],
      ['Très cachée', true],
      ['Vide cachée', true],
    ]);
    expect('hidden' in sheets[0]).toBe(false);
  });

  it('Office.js: Hidden and VeryHidden sheets, a visible one as before (no property)', async () => {
    const excel = createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        { name: 'Visible', cells: [['x']] },
        { name: 'Cachée', cells: [['x']], visibility: 'Hidden' },
        { name: 'Très cachée', cells: [['x']], visibility: 'VeryHidden' },
      ],
    });
    const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['Visible', undefined],
      ['Cachée', true],
      ['Très cachée', true],
    ]);
    expect('hidden' in sheets[0]).toBe(false);
  });

  it('Office.js: a hidden register in the open workbook is named in the notices', async () => {
    const date = (iso: string) => ({ v: serial(iso), nf: 'dd/mm/yyyy' });
    const excel = createExcelDouble({
      name: 'Suivi.xlsx',
      sheets: [
        { name: 'Marchés', cells: [HEADER, ['M-1', 'Papier', 100, date('2025-02-01')]] },
        { name: 'Ancien', cells: [HEADER, ['O-1', 'Encre', 200, date('2025-03-01')], ['O-2', 'Toner', 20, date('2025-04-01')]], visibility: 'Hidden' },
      ],
    });
    const sheets = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readSheets();
    expect(noticesOf([{ file: 'Suivi.xlsx', sheets, state: null }])).toEqual([
      'La feuille masquée « Ancien » est lue comme registre des marchés (2 lignes) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.',
    ]);
  });
});
