/**
 * Blind recipe `environnement`: a *Saisies manuelles* value or a *Cibles* target typed as text
 * with its percent sign (« 12 % ») is, for an indicator whose unit is %, that number (12: the
 * indicators' percentages are 0–100, `sortie.md`). Elsewhere (an indicator in €, a count) the
 * sign stays unreadable, as in every number column (README « Lecture des cellules »).
 */
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const REGISTRE: CellValue[][] = [
  ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Entretien', 1000, d('2025-03-01')],
];

function build(saisies: CellValue[][], cibles: CellValue[][]) {
  return buildRegister(
    [{ file: 'Pôle Test.xlsx', sheets: [grid('Registre', REGISTRE), grid('Saisies manuelles', saisies), grid('Cibles', cibles)], state: null }],
    { today: '2026-01-15' },
  );
}

describe('a percent sign typed after the value of a percentage indicator', () => {
  const reg = build(
    [
      ['Indicateur', 'Année', 'Valeur', 'Source'],
      ['3.2.1-fournitures-evitees', 2025, '12 %', 'Service achats'], // row 2: % indicator → 12
      ['3.2.1-mobilier-reemploye', 2025, '7,5\u00a0%', 'Inventaire'], // row 3: NBSP, decimal comma → 7.5
      [' 3.2.1-mobilier-reemploye ', 2024, '20%', 'Inventaire'], // row 4: id with spaces, no space before % → 20
      ['2.2.2-hors-bpu', 2025, '15 %', 'Finances'], // row 5: an indicator in € → unreadable
      ['3.2.1-fournitures-evitees', 2023, '12 % env.', 'Bilan'], // row 6: more than a number and its sign → unreadable
    ],
    [
      ['Indicateur', 'Année', 'Cible', 'Sens'],
      ['3.1.1-clauses-env', 2025, '40 %', '≥'], // row 2: % indicator → 40
      ['2.1.3-sourcage', 2025, '5 %', '≥'], // row 3: a count → unreadable
    ],
  );

  it('reads the number of a percentage indicator', () => {
    expect(reg.saisies.map((s) => [s.source.row, s.values.valeur])).toEqual([
      [2, 12],
      [3, 7.5],
      [4, 20],
    ]);
    expect(reg.cibles.map((c) => [c.source.row, c.values.cible])).toEqual([[2, 40]]);
  });

  it('leaves the sign unreadable for other indicators', () => {
    expect(reg.otherFindings.map((f) => [f.code, f.source.sheet, f.source.row, f.valeurLue])).toEqual([
      ['valeur-illisible', 'Saisies manuelles', 5, '15 %'],
      ['valeur-illisible', 'Saisies manuelles', 6, '12 % env.'],
      ['valeur-illisible', 'Cibles', 3, '5 %'],
    ]);
  });
});
