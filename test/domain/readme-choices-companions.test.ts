/**
 * README audit, « Choix faits là où la spécification se tait » › Contrôles:
 * a row in error of a companion sheet is left out and reported (an error
 * naming its sheet row, « La ligne est écartée. »); the other rows are kept.
 */
import type { CellValue } from '../../src/domain/cell';
import { buildRegister } from '../../src/domain/register';
import { d, grid } from '../helpers/grid';

const REGISTRE: CellValue[][] = [
  ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['M-1', 'Entretien', 1000, d('2025-03-01')],
];

function build(cibles: CellValue[][], actions: CellValue[][]) {
  return buildRegister(
    [{ file: 'Pôle Test.xlsx', sheets: [grid('Registre', REGISTRE), grid('Cibles', cibles), grid('Actions', actions)], state: null }],
    { today: '2025-06-15' },
  );
}

describe('README: a companion row in error is left out and reported', () => {
  const reg = build(
    [
      ['Indicateur', 'Année', 'Cible', 'Sens'],
      ['2.1.3-sourcage', 2025, 'beaucoup', '≥'], // sheet row 2: unreadable target
      ['2.2.4-dossiers-negocies', 2025, 3, '≤'], // sheet row 3: fine
    ],
    [
      ['Date', 'Type', 'Intitulé', 'Participants'],
      ['le mois prochain', 'Formation', 'Achats durables', 12], // sheet row 2: unreadable date
      [d('2025-04-10'), 'Atelier', 'Sourçage', 8], // sheet row 3: fine
    ],
  );

  it('the rows in error are not kept; the readable rows are', () => {
    expect(reg.cibles.map((c) => [c.source.row, c.values.indicateur])).toEqual([[3, '2.2.4-dossiers-negocies']]);
    expect(reg.actions.map((a) => [a.source.row, a.values.typeAction])).toEqual([[3, 'Atelier']]);
  });

  it('each row in error is reported once, as an error naming its sheet, row and value', () => {
    const found = reg.otherFindings.map((f) => [f.gravite, f.code, f.source.sheet, f.source.row, f.valeurLue]);
    expect(found).toEqual([
      ['erreur', 'valeur-illisible', 'Cibles', 2, 'beaucoup'],
      ['erreur', 'valeur-illisible', 'Actions', 2, 'le mois prochain'],
    ]);
    for (const f of reg.otherFindings) expect(f.message).toMatch(/La ligne est écartée\.$/);
  });
});
