import { importedGrid, importPlan, recogniseFile, safeSheetName } from '../../src/taskpane/consolidation';
import { grid, d, err } from '../helpers/grid';
import { runChain } from '../../src/domain/chain';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble } from '../doubles/excel-double';

const TODAY = '2026-03-15';

const registre = (name: string, extra: { header: string; value: string } | null = null) =>
  grid(name, [
    ['Tableau de suivi', null, null, null, ...(extra ? [null] : [])],
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', ...(extra ? [extra.header] : [])],
    ['M-1', '=1+1', 100, d('2025-01-10'), ...(extra ? [extra.value] : [])],
    [null, null, null, null, ...(extra ? [null] : [])],
    ['M-2', 'Papier', err('#N/A'), d('2025-02-10'), ...(extra ? [extra.value] : [])],
  ]);

const cibles = grid('Objectifs', [
  ['Indicateur', 'Année', 'Cible'],
  ['4.1.2-consideration-sociale', 2025, 30],
]);

describe('importPlan', () => {
  it('copies header and data rows as values, adds the Pôle column, names sheets after the Pôle', () => {
    const file = recogniseFile({ name: 'Pôle A.xlsx', sheets: [registre('Marchés 2025'), cibles] }, TODAY);
    expect(file.pole).toBe('Pôle A');
    const plan = importPlan([file], { 'Pôle A.xlsx': 'Ressources' });
    expect(plan.map((s) => [s.name, s.kind, s.source.sheet])).toEqual([
      ['Ressources', 'registre', 'Marchés 2025'],
      ['Ressources - Cibles', 'cibles', 'Objectifs'],
    ]);
    // Title row above the header dropped, empty row skipped, a formula-looking text kept as text, an error as its literal
    // (read back as the same error: test/domain/error-text.test.ts).
    expect(plan[0].rows).toEqual([
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle'],
      ['M-1', '=1+1', 100, d('2025-01-10'), 'Ressources'],
      ['M-2', 'Papier', '#N/A', d('2025-02-10'), 'Ressources'],
    ]);
    expect(plan[1].rows).toEqual([
      ['Indicateur', 'Année', 'Cible'],
      ['4.1.2-consideration-sociale', 2025, 30],
    ]);
  });

  it('copies a header on two rows whole, the Pôle header on its first row: the imported sheet reads it the same', () => {
    const twoRows = grid('Suivi', [
      ['N° marché', 'Objet', 'Montant', null, 'Date de notification'],
      [null, null, 'HT', 'TTC', null],
      ['M-1', 'Papier', 100, 120, d('2025-01-10')],
    ]);
    const file = recogniseFile({ name: 'Pôle A.xlsx', sheets: [twoRows] }, TODAY);
    expect(file.mappings[0]).toMatchObject({ firstHeaderRow: 1, headerRow: 2 });
    const [sheet] = importPlan([file], { 'Pôle A.xlsx': 'Ressources' });
    expect(sheet.rows).toEqual([
      ['N° marché', 'Objet', 'Montant', null, 'Date de notification', 'Pôle'],
      [null, null, 'HT', 'TTC', null, null],
      ['M-1', 'Papier', 100, 120, d('2025-01-10'), 'Ressources'],
    ]);
    const again = recogniseFile({ name: 'Roubaix.xlsx', sheets: [importedGrid(sheet)] }, TODAY);
    expect(again.mappings[0]).toMatchObject({ firstHeaderRow: 1, headerRow: 2 });
    expect(again.mappings[0].columns.map((c) => [c.header, c.field])).toEqual([
      ['N° marché', 'numero'],
      ['Objet', 'objet'],
      ['Montant HT', 'montant'],
      ['Date de notification', 'dateNotification'],
      ['Pôle', 'pole'],
    ]);
  });

  it('copies a bare serial of a 1904 Pôle in a date column as the day it is there, for a 1900 consolidation', () => {
    // 44 259 is 05/03/2025 in the 1904 calendar, 04/03/2021 in the 1900 one (format cleared in the Pôle's file).
    const mac = {
      ...grid('Marchés', [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Durée (mois)'],
        ['M-1', 'Papier', 44259, 44259, 12],
        ['M-2', 'Encre', 100, d('2025-02-10'), 'T2 2025'],
      ]),
      date1904: true,
    };
    const actions = { ...grid('Actions', [['Date', 'Type', 'Intitulé', 'Participants'], [44259, 'Formation', 'Achats', 44259]]), date1904: true };
    const file = recogniseFile({ name: 'Pôle Mac.xlsx', sheets: [mac, actions] }, TODAY);
    const plan = importPlan([file], { 'Pôle Mac.xlsx': 'Solidarités' });
    expect(plan[0].rows.slice(1)).toEqual([
      ['M-1', 'Papier', 44259, d('2025-03-05'), 12, 'Solidarités'],
      ['M-2', 'Encre', 100, d('2025-02-10'), 'T2 2025', 'Solidarités'],
    ]);
    expect(plan[1].rows[1]).toEqual([d('2025-03-05'), 'Formation', 'Achats', 44259]);
    // Read back in the open (1900) workbook: still 2025.
    const again = runChain([{ file: 'Roubaix.xlsx', sheets: plan.map(importedGrid), state: null }], { today: TODAY });
    expect(again.result.exercice).toBe(2025);
    expect(again.result.indicateurs.find((i) => i.id === '1.2.1-formations')?.valeur).toBe(1);
    // The same sheet from a 1900 workbook is copied as it is.
    const [old] = importPlan([recogniseFile({ name: 'Pôle PC.xlsx', sheets: [{ ...mac, date1904: undefined }] }, TODAY)], { 'Pôle PC.xlsx': 'Sport' });
    expect(old.rows[1]).toEqual(['M-1', 'Papier', 44259, 44259, 12, 'Sport']);
  });

  it("keeps a file's own Pôle column and adds none", () => {
    const file = recogniseFile({ name: 'b.xlsx', sheets: [registre('S', { header: 'Pôle', value: 'Pôle Vie' })] }, TODAY);
    expect(file.pole).toBe('Pôle Vie');
    expect(file.poleColumn).toBe('Pôle');
    const [sheet] = importPlan([file], { 'b.xlsx': 'Vie' });
    expect(sheet.rows[0]).toEqual(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle']);
    expect(sheet.rows[1][4]).toBe('Pôle Vie');
  });

  it('gives unique, valid names that avoid existing sheets and the SPASER prefix', () => {
    const a = recogniseFile({ name: 'a.xlsx', sheets: [registre('S1'), registre('S2')] }, TODAY);
    const b = recogniseFile({ name: 'b.xlsx', sheets: [registre('S')] }, TODAY);
    const plan = importPlan([a, b], { 'a.xlsx': 'Ville', 'b.xlsx': 'ville' }, ['Ville']);
    expect(plan.map((s) => s.name)).toEqual(['Ville (2)', 'Ville (3)', 'ville (4)']);
    expect(safeSheetName('SPASER Registre')).toBe('Import SPASER Registre');
    expect(safeSheetName("'Pôle: A/B [2025]?'")).toBe('Pôle A B 2025');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });

  // Session 37: Excel keeps « History » for itself (support.microsoft.com, « Rename a worksheet »), and
  // refuses a name ending with an apostrophe: the double refuses both, as Excel would the import's last batch.
  it('never names a sheet « History », nor ends a cut name with an apostrophe, and Excel takes the names', async () => {
    expect(safeSheetName('History')).toBe('Import History');
    expect(safeSheetName(' history ')).toBe('Import history');
    expect(safeSheetName('History 2025')).toBe('History 2025');
    expect(safeSheetName(`${'a'.repeat(30)}'b`)).toBe('a'.repeat(30));
    const file = recogniseFile({ name: 'h.xlsx', sheets: [registre('S')] }, TODAY);
    const plan = importPlan([file], { 'h.xlsx': 'History' });
    const excel = createExcelDouble({ sheets: [{ name: 'Feuil1' }] });
    await createOfficeWorkbook(excel.run as unknown as ExcelRunner).importSheets(plan);
    expect(excel.sheetNames()).toEqual(['Feuil1', 'Import History']);
  });

  it('is read back by the chain as a register sheet', () => {
    const file = recogniseFile({ name: 'a.xlsx', sheets: [registre('S')] }, TODAY);
    const [sheet] = importPlan([file], { 'a.xlsx': 'Ressources' });
    const again = recogniseFile({ name: 'c.xlsx', sheets: [importedGrid(sheet)] }, TODAY);
    expect(again.mappings.map((m) => [m.kind, m.headerRow])).toEqual([['registre', 1]]);
    expect(again.pole).toBe('Ressources');
  });
});
