/**
 * Mutation audit of the Cibles notices (README « Indicateurs »: only the first target of N
 * counts): in a consolidation, two workbooks each with a sheet « Cibles » — the notice
 * names the other workbook, not a line of the same sheet.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

const register = (numero: string) =>
  grid('Marchés', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
    [numero, 'Papier', 100, d('2025-02-01'), 'oui'],
  ]);
const cibles = (value: number) => grid('Cibles', [['Indicateur', 'Année', 'Cible'], ['4.2.2-clause-sociale-nb', 2025, value]]);

describe('a second target of N in another workbook’s sheet of the same name', () => {
  it('is told with the first one’s workbook', () => {
    const out = runChain(
      [
        { file: 'Pôle A.xlsx', sheets: [register('A-1'), cibles(1)], state: null },
        { file: 'Pôle B.xlsx', sheets: [register('B-1'), cibles(4)], state: null },
      ],
      { today: '2026-01-15' },
    );
    expect(out.notices).toEqual([
      'Feuille « Cibles » du classeur « Pôle B.xlsx », ligne 2 : une cible 2025 de « 4.2.2-clause-sociale-nb » est déjà donnée (feuille « Cibles » du classeur « Pôle A.xlsx », ligne 2) ; seule la première compte.',
    ]);
  });
});
