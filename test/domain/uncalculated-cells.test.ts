/**
 * A formula saved without its result (a workbook written by a script, never opened in Excel) reads
 * empty. The sheet is named in a remark, but the control of the row said « le montant notifié HT est
 * vide » of a cell where the buyer sees an amount in Excel (blind acceptance « outils », session 40):
 * the control now says the cell is such a formula and what to do; a coherence warning whose other
 * column is such a formula (« Clause sociale » =IF(…) read empty) says so too.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue, SheetGrid } from '../../src/domain/cell';
import { grid, d } from '../helpers/grid';

const HEADER: CellValue[] = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', "Heures d'insertion réalisées", 'Clause sociale'];

function chain(sheet: SheetGrid) {
  return runChain([{ file: 'Export.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15', writesCharts: false });
}

const rows: CellValue[][] = [
  HEADER,
  ['M-1', 'Papier', null, d('2025-02-01'), null, 'Non'],
  ['M-2', 'Encre', null, d('2025-02-01'), null, 'Non'],
  ['M-3', 'Toner', 300, d('2025-02-01'), 120, null],
  ['M-4', 'Stylos', 400, d('2025-02-01'), 80, null],
];
// C2 and F4 are formulas saved without their result; C3 and F5 are truly empty.
const sheet: SheetGrid = { ...grid('Export', rows), uncalculated: 2, uncalculatedCells: ['C2', 'F4'] };
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('controls on a cell holding a formula saved without its result', () => {
  const out = chain(sheet);
  const message = (row: number, code: string) => plain(out.result.controles.find((f) => f.ligne === row && f.code === code)!.message);

  it('a required field: same code, but the message says formula, not empty', () => {
    expect(message(2, 'montant-manquant')).toBe(
      'Ligne 2, colonne « Montant HT » : le montant notifié HT ne peut pas être lu : la cellule contient une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel). Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.',
    );
    expect(message(3, 'montant-manquant')).toBe('Ligne 3, colonne « Montant HT » : le montant notifié HT est vide.');
  });

  it('a warning whose other column is such a formula says so', () => {
    expect(message(4, 'heures-sans-clause')).toContain(
      'La cellule de la colonne « Clause sociale » contient une formule enregistrée sans son résultat : elle se lit vide. Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.',
    );
    expect(message(5, 'heures-sans-clause')).not.toContain('formule');
  });
});

describe('every empty required cell and every warning that asks to fill another column', () => {
  const header: CellValue[] = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Hors marché', 'Gain de négociation', 'Négociation menée'];
  const rows2: CellValue[][] = [
    header,
    [null, 'Papier', 100, d('2025-02-01'), 'Non', null, null],
    ['M-2', null, 100, d('2025-02-01'), 'Non', null, null],
    ['M-3', 'Encre', 100, null, 'Non', null, null],
    ['M-4', 'Toner', 100, null, 'Oui', null, null],
    ['M-5', 'Stylos', 100, d('2025-02-01'), 'Non', 500, null],
  ];
  const out2 = chain({ ...grid('Export', rows2), uncalculated: 5, uncalculatedCells: ['A2', 'B3', 'D4', 'D5', 'G6'] });
  const said = (row: number) => out2.result.controles.filter((f) => f.ligne === row).map((f) => `${f.code} ${plain(f.message)}`);
  const formula = ': la cellule contient une formule enregistrée sans son résultat (classeur écrit par un logiciel et jamais ouvert dans Excel). Ouvrez le classeur dans Excel, enregistrez-le, puis recommencez.';

  it('numero, objet, date (of a contract, of an order outside any contract): the code stays, the message says formula', () => {
    expect(said(2)).toEqual([`numero-manquant Ligne 2, colonne « N° marché » : le numéro de marché ne peut pas être lu ${formula}`]);
    expect(said(3)).toEqual([`objet-manquant Ligne 3, colonne « Objet » : l'objet du marché ne peut pas être lu ${formula}`]);
    expect(said(4)).toEqual([`date-manquante Ligne 4, colonne « Date de notification » : la date de notification ne peut pas être lue ${formula}`]);
    expect(said(5)).toEqual([`date-manquante Ligne 5, colonne « Date de notification » : la date de la commande hors marché ne peut pas être lue ${formula}`]);
  });

  it('a gain without negotiation whose « Négociation » is such a formula', () => {
    expect(said(6)).toHaveLength(1);
    expect(said(6)[0]).toMatch(/^gain-sans-negociation /);
    expect(said(6)[0]).toContain('La cellule de la colonne « Négociation menée » contient une formule enregistrée sans son résultat : elle se lit vide.');
  });
});
