/**
 * Mutation audit of session 40 (lot C of `test/mutants-session40-b.md`): the controls of a row whose
 * cells hold formulas saved without their result (`withUncalculatedCells`).
 */
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const FORMULA = 'la cellule contient une formule enregistrée sans son résultat';

function controls(rows: CellValue[][], cells: string[], opts: { firstRow?: number; firstCol?: number } = {}) {
  const sheet: SheetGrid = { ...grid('Export', rows, opts), uncalculated: cells.length, uncalculatedCells: cells };
  const out = runChain([{ file: 'Export.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15', writesCharts: false });
  return out.result.controles.map((f) => ({ ligne: f.ligne, code: f.code, message: plain(f.message) }));
}

describe('withUncalculatedCells', () => {
  it('two such cells on one row: both findings say so', () => {
    const said = controls(
      [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        [null, 'Papier', null, d('2025-02-01')],
      ],
      ['A2', 'C2'],
    );
    expect(said.map((f) => f.code).sort()).toEqual(['montant-manquant', 'numero-manquant']);
    for (const f of said) expect(f.message).toContain(FORMULA);
  });

  it('a date of a register without a « Hors marché » column is the date of notification', () => {
    const said = controls(
      [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['M-1', 'Papier', 100, null],
      ],
      ['D2'],
    );
    expect(said.find((f) => f.code === 'date-manquante')!.message).toContain('la date de notification ne peut pas être lue');
  });

  it('a warning keeps its own sentence before the formula is said; « Marché d\'insertion » is such a column too', () => {
    const said = controls(
      [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification', "Heures d'insertion réalisées", 'Clause sociale', "Marché d'insertion"],
        ['M-1', 'Papier', 100, d('2025-02-01'), 35, 'Non', null],
      ],
      ['G2'],
    );
    const warning = said.find((f) => f.code === 'heures-sans-clause')!.message;
    expect(warning).toMatch(/^Ligne 2, colonne « Heures d'insertion réalisées » : des heures d'insertion sont réalisées sans clause sociale/);
    expect(warning).toContain("La cellule de la colonne « Marché d'insertion » contient une formule enregistrée sans son résultat : elle se lit vide.");
    expect(warning).not.toContain('« Clause sociale » contient');
  });

  it('a sheet that starts below row 1 and right of column A: the cell is named by its sheet address', () => {
    const said = controls(
      [
        ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
        ['M-1', 'Papier', null, d('2025-02-01')],
        ['M-2', 'Encre', null, d('2025-02-01')],
      ],
      ['E5'],
      { firstRow: 4, firstCol: 3 },
    );
    expect(said.find((f) => f.ligne === 5)!.message).toContain(FORMULA);
    expect(said.find((f) => f.ligne === 6)!.message).toBe('Ligne 6, colonne « Montant HT » : le montant notifié HT est vide.');
  });
});
