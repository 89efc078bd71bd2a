/**
 * Session 37 mutant of the copied-sheet notice (session 36): the count of the copy's other doublons
 * is written as French numbers are, in groups of three digits from 1 000.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const rows = (prefix: string, n: number): CellValue[][] => Array.from({ length: n }, (_, k) => [`${prefix}-${k + 1}`, 'Papier', 100 + k, d('2025-02-01')]);

describe('a copy of two sheets of 1 000 rows each', () => {
  it('says « 1 000 autres lignes », digits grouped', () => {
    const s1 = rows('A', 1000);
    const s2 = rows('B', 1000);
    const out = runChain([{ file: 'Suivi.xlsx', sheets: [grid('S1', [HEADER, ...s1]), grid('S2', [HEADER, ...s2]), grid('Année', [HEADER, ...s1, ...s2])], state: null }], {
      today: '2026-01-15',
      writesCharts: false,
    });
    const notice = out.notices.find((n) => n.includes('Année'))!;
    expect(notice).toMatch(/^Sur les 2\s000\slignes de la feuille «\s?Année\s?», 1\s000 reprennent des lignes de la feuille «\s?S1\s?»/u);
    expect(notice).toMatch(/, et 1\s000 autres lignes sont aussi en double/u);
  });
});
