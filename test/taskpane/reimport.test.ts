/**
 * What a re-import of a Pôle may replace: only sheets recorded as an import of
 * that Pôle whose content, read now, still has the recorded fingerprint. The
 * workbook the chain computes on before writing, and the records an import leaves.
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { sheetFingerprint } from '../../src/domain/fingerprint';
import type { ImportRecord } from '../../src/domain/state';
import { earlierImport, importPlan, importRecords, importsOfFileAsOtherPole, otherImportsOfPole, recogniseFile, sheetsAfterImport } from '../../src/taskpane/consolidation';
import { keptSentence } from '../../src/taskpane/components/ConsolidationStep';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-02-15';
const FILE = 'Pôle Sport.xlsx';

const file = recogniseFile(
  {
    name: FILE,
    sheets: [
      grid('Marchés', [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['S-1', 'Gymnase', 1500, d('2025-03-04')],
      ]),
      grid('Objectifs', [
        ['Indicateur', 'Année', 'Cible'],
        ['4.1.2-consideration-sociale', 2025, 30],
      ]),
    ],
  },
  TODAY,
);

/** The workbook after last month's import (as read back), with its records. */
function lastMonth(): { sheets: SheetGrid[]; records: ImportRecord[] } {
  const plan = importPlan([file], { [FILE]: 'Sport' });
  const imported = plan.map((s) => grid(s.name, s.rows.map((r) => [...r]) as CellValue[][]));
  const sheets = [grid('Synthèse', [['Notes du chef de projet']]), ...imported];
  return { sheets, records: importRecords(plan, { [FILE]: 'Sport' }, sheets, '2026-01-15') };
}

const edited = (g: SheetGrid): SheetGrid => ({ ...g, rows: g.rows.map((r, i) => (i === 1 ? ['S-1', 'Gymnase', 1600, r[3]] : r)) });

describe('earlierImport', () => {
  it('nothing to replace on a first import', () => {
    const check = earlierImport(file, 'Sport', [grid('Synthèse', [['x']])], []);
    expect(check).toEqual({ sheets: [], replaceable: false, date: null, kept: [] });
  });

  it('offers to replace an unchanged import of the same Pôle, with the day of that import', () => {
    const { sheets, records } = lastMonth();
    expect(earlierImport(file, 'Sport', sheets, records)).toEqual({
      sheets: ['Sport', 'Sport - Cibles'],
      replaceable: true,
      date: '2026-01-15',
      kept: [],
    });
    // The Pôle typed with other case or spaces is the same Pôle.
    expect(earlierImport(file, ' sport ', sheets, records).replaceable).toBe(true);
  });

  it('keeps a sheet edited since its import (one cell), and then replaces none of the import', () => {
    const { sheets, records } = lastMonth();
    const now = sheets.map((g) => (g.name === 'Sport' ? edited(g) : g));
    expect(earlierImport(file, 'Sport', now, records)).toEqual({
      sheets: ['Sport', 'Sport - Cibles'],
      replaceable: false,
      date: null,
      kept: [{ sheet: 'Sport', reason: 'modifiée', pole: 'Sport', date: '2026-01-15' }],
    });
  });

  it('keeps a sheet with a row added at the end or a column inserted', () => {
    const { sheets, records } = lastMonth();
    const withRow = sheets.map((g) => (g.name === 'Sport - Cibles' ? { ...g, rows: [...g.rows, ['4.2.2-heures', 2025, 100]] } : g));
    expect(earlierImport(file, 'Sport', withRow, records).kept.map((k) => [k.sheet, k.reason])).toEqual([['Sport - Cibles', 'modifiée']]);
    const withCol = sheets.map((g) => (g.name === 'Sport' ? { ...g, rows: g.rows.map((r) => [null, ...r]) } : g));
    expect(earlierImport(file, 'Sport', withCol, records).replaceable).toBe(false);
  });

  it('keeps a sheet no import recorded (made by the user, or imported before imports were recorded)', () => {
    const { sheets, records } = lastMonth();
    const check = earlierImport(file, 'Sport', sheets, records.filter((r) => r.sheet !== 'Sport - Cibles'));
    expect(check.replaceable).toBe(false);
    expect(check.kept).toEqual([{ sheet: 'Sport - Cibles', reason: 'non importée' }]);
  });

  it('keeps a sheet recorded as the import of another Pôle', () => {
    const { sheets, records } = lastMonth();
    const other = records.map((r) => (r.sheet === 'Sport' ? { ...r, pole: 'Culture' } : r));
    expect(earlierImport(file, 'Sport', sheets, other).kept).toEqual([{ sheet: 'Sport', reason: 'autre Pôle', pole: 'Culture', date: '2026-01-15' }]);
  });

  it('takes a Pôle typed with other spaces or case for the same Pôle (the sheet name is the same)', () => {
    const { sheets, records } = lastMonth();
    const spaced = records.map((r) => ({ ...r, pole: '  sport ' }));
    expect(earlierImport(file, 'Sport', sheets, spaced).replaceable).toBe(true);
    const twice = records.map((r) => ({ ...r, pole: 'Pôle  Sport' }));
    expect(earlierImport(file, 'Pôle Sport', sheets.map((g) => ({ ...g, name: g.name.replace('Sport', 'Pôle Sport') })), twice.map((r) => ({ ...r, sheet: r.sheet.replace('Sport', 'Pôle Sport') }))).replaceable).toBe(true);
  });

  it('finds the sheets whatever their case in the workbook, and names them as the workbook does', () => {
    const { sheets, records } = lastMonth();
    const lower = sheets.map((g) => (g.name === 'Sport' ? { ...g, name: 'sport' } : g));
    const check = earlierImport(file, 'Sport', lower, records);
    expect(check.sheets).toEqual(['sport', 'Sport - Cibles']);
    expect(check.replaceable).toBe(true);
  });
});

describe('otherImportsOfPole', () => {
  it('names the recorded imports of the Pôle that the files imported now do not take', () => {
    const { sheets, records } = lastMonth();
    // This month the Pôle's file has no targets sheet any more: its import takes « Sport » only.
    expect(otherImportsOfPole('Sport', sheets, records, ['Sport']).map((r) => [r.sheet, r.file, r.date])).toEqual([['Sport - Cibles', FILE, '2026-01-15']]);
    expect(otherImportsOfPole('Sport', sheets, records, ['Sport', 'Sport - Cibles'])).toEqual([]);
  });

  it('compares sheet names as Excel does and the Pôle as typed, case and spaces aside; gives the name the workbook shows', () => {
    const { sheets, records } = lastMonth();
    expect(otherImportsOfPole(' SPORT ', sheets, records, ['sport'])).toHaveLength(1);
    expect(otherImportsOfPole('Sport', sheets, records, ['SPORT - CIBLES', 'sport'])).toEqual([]);
    const renamedCase = sheets.map((g) => (g.name === 'Sport - Cibles' ? { ...g, name: 'SPORT - Cibles' } : g));
    expect(otherImportsOfPole('Sport', renamedCase, records, ['Sport']).map((r) => r.sheet)).toEqual(['SPORT - Cibles']);
  });

  it('leaves out the imports of another Pôle and the sheets deleted since', () => {
    const { sheets, records } = lastMonth();
    expect(otherImportsOfPole('Culture', sheets, records, [])).toEqual([]);
    expect(otherImportsOfPole('Sport', sheets.filter((g) => g.name !== 'Sport - Cibles'), records, ['Sport'])).toEqual([]);
  });
});

describe('importsOfFileAsOtherPole', () => {
  it('names the imports of this file recorded under another Pôle, the Pôle compared as typed', () => {
    const { sheets, records } = lastMonth();
    expect(importsOfFileAsOtherPole(FILE, 'Sports', sheets, records, []).map((r) => [r.sheet, r.pole])).toEqual([
      ['Sport', 'Sport'],
      ['Sport - Cibles', 'Sport'],
    ]);
    expect(importsOfFileAsOtherPole(FILE, ' SPORT ', sheets, records, [])).toEqual([]);
  });

  it('only for the same file (its name as Excel compares it), and not the sheets a file being imported takes', () => {
    const { sheets, records } = lastMonth();
    expect(importsOfFileAsOtherPole('Pôle Culture.xlsx', 'Culture', sheets, records, [])).toEqual([]);
    expect(importsOfFileAsOtherPole('PÔLE SPORT.XLSX', 'Sports', sheets, records, [])).toHaveLength(2);
    expect(importsOfFileAsOtherPole(FILE, 'Sports', sheets, records, ['sport']).map((r) => r.sheet)).toEqual(['Sport - Cibles']);
  });
});

describe('sheetsAfterImport', () => {
  it('puts a replacing sheet where the one it replaces was, and adds the others at the end', () => {
    const { sheets } = lastMonth();
    const plan = importPlan([file], { [FILE]: 'Sport' }, ['Synthèse']);
    const after = sheetsAfterImport(sheets, [...plan, { ...plan[0], name: 'Culture' }], ['Sport', 'Sport - Cibles']);
    expect(after.map((g) => g.name)).toEqual(['Synthèse', 'Sport', 'Sport - Cibles', 'Culture']);
    expect(after[1].rows).toEqual(plan[0].rows);
    expect(after[0]).toBe(sheets[0]);
  });

  it('replaces nothing that is not in `replacing`', () => {
    const { sheets } = lastMonth();
    const plan = importPlan([file], { [FILE]: 'Sport' }, sheets.map((g) => g.name));
    expect(sheetsAfterImport(sheets, plan, []).map((g) => g.name)).toEqual(['Synthèse', 'Sport', 'Sport - Cibles', 'Sport (2)', 'Sport - Cibles (2)']);
  });
});

describe('importRecords', () => {
  it('records each imported sheet with its file, Pôle, kind, day and the fingerprint of what was read back', () => {
    const plan = importPlan([file], { [FILE]: 'Sport' });
    const readBack = [grid('SPORT', [['other content']]), grid('Sport - Cibles', [['x']])];
    expect(importRecords(plan, { [FILE]: ' Sport ' }, readBack, TODAY)).toEqual([
      { sheet: 'SPORT', file: FILE, pole: 'Sport', kind: 'registre', date: TODAY, fingerprint: sheetFingerprint(readBack[0]) },
      { sheet: 'Sport - Cibles', file: FILE, pole: 'Sport', kind: 'cibles', date: TODAY, fingerprint: sheetFingerprint(readBack[1]) },
    ]);
  });
});

describe('keptSentence', () => {
  it('does not tell a lead that a sheet imported before imports were recorded was never imported', () => {
    const text = keptSentence({ sheet: 'Sport', reason: 'non importée' });
    expect(text).toContain("n'a pas été créée par un import du complément enregistré dans ce classeur");
    expect(text).toContain('importée avant');
  });
});
