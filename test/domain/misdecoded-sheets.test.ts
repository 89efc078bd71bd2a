/**
 * The remark on a sheet whose texts Excel mis-decoded (recipe `csv`): its example never copies a
 * person's name from a Suivi insertion sheet (README: no output names a beneficiary), and prefers a
 * header, short, to a long cell.
 */
import type { CellValue } from '../../src/domain/cell';
import { runChain } from '../../src/domain/chain';
import { grid, d } from '../helpers/grid';

const REGISTER: CellValue[][] = [
  ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Commentaires'],
  ['2025-01', 'Repas', 1000, d('2025-03-01'), 'Prestation livrÃ©e en retard, pÃ©nalitÃ©s appliquÃ©es selon le CCAP article 14, voir courrier du 3 mai'],
];

const notices = (sheets: ReturnType<typeof grid>[]) => runChain([{ file: 'a.xlsx', sheets, state: null }], { today: '2026-01-15' }).notices.map((n) => n.replace(/\u00a0/g, ' '));

describe('the mis-decoded sheet remark', () => {
  it('a Suivi insertion sheet: counted, but no cell copied (a beneficiary is a person)', () => {
    const suivi = grid('Suivi', [
      ['N° de marché', 'Bénéficiaire', 'Sexe', 'Heures'],
      ['2025-01', 'HÃ©lÃ¨ne Dupont', 'F', 35],
    ]);
    const said = notices([grid('Registre', [['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], ['2025-01', 'Repas', 1000, d('2025-03-01')]]), suivi]);
    const line = said.find((n) => n.includes('« Suivi »'))!;
    expect(line).toContain('une cellule porte un texte mal décodé');
    expect(line).not.toMatch(/Dupont|Hélène|HÃ©lÃ¨ne/);
  });

  it('a header is the example before a long cell; a long cell alone is not quoted', () => {
    const withHeader = notices([grid('Registre', [[...REGISTER[0].slice(0, 4), 'MarchÃ© rÃ©servÃ©'], REGISTER[1]])]);
    expect(withHeader.find((n) => n.includes('mal décodé'))).toContain('par exemple « MarchÃ© rÃ©servÃ© », lu « Marché réservé »');
    const longOnly = notices([grid('Registre', REGISTER)]);
    const line = longOnly.find((n) => n.includes('mal décodé'))!;
    expect(line).toContain('une cellule porte un texte mal décodé');
    expect(line).not.toContain('CCAP');
  });
});
