/**
 * Found in the mutation audit of session 40 (lot F of `test/mutants-session40-b.md`): under a header in
 * k€ or M€, whose amounts `amountScale` multiplies, the hint of an unreadable amount said « saisissez
 * un montant en euros (par exemple 12 500,00) »: typed as said, 12 500 k€, 12,5 million euros.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function messages(header: CellValue[], row: CellValue[]): string[] {
  const out = runChain([{ file: 'e.xlsx', state: null, sheets: [grid('E', [header, row])] }], { today: '2026-01-15', writesCharts: false });
  return out.result.controles.map((c) => plain(c.message));
}

describe('the example amount of a hint is in the column\'s unit', () => {
  const header = ['N° de marché', 'Objet', 'Montant HT (k€)', 'Date de notification', 'Montant mandaté (M€)'];

  it('a text in k€ and in M€ columns', () => {
    const said = messages(header, ['A-1', 'Repas', 'mille', d('2025-02-14'), 'NC']);
    expect(said).toEqual([
      expect.stringContaining("« NC » ne peut pas être lue. Saisissez un montant en millions d'euros, l'unité de la colonne (par exemple 1,25 pour 1 250 000 €)."),
      expect.stringContaining("« mille » n'est pas un montant positif lisible. Saisissez un montant en milliers d'euros, l'unité de la colonne (par exemple 12,5 pour 12 500 €)."),
    ]);
  });

  it('a cell under a date format in a k€ column', () => {
    const said = messages(header, ['A-1', 'Repas', d('1900-01-24'), d('2025-02-14'), 3]);
    expect(said).toEqual([expect.stringContaining("vérifiez le montant affiché, ou saisissez un montant en milliers d'euros, l'unité de la colonne (par exemple 12,5 pour 12 500 €).")]);
  });

  it('a column in euros keeps its example', () => {
    const said = messages(['N° de marché', 'Objet', 'Montant HT', 'Date de notification'], ['A-1', 'Repas', 'mille', d('2025-02-14')]);
    expect(said).toEqual([expect.stringContaining('Saisissez un montant en euros (par exemple 12 500,00).')]);
  });
});
