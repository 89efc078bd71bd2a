/**
 * What the control messages say to type in place of an amount in k€ or M€ or a date typed month
 * first (session 40 mutation audit of `thousandsOrMillions`, `dayFirstOf` and `expectedForm`,
 * `test/mutants-session40.md`, H…).
 */
import { runChain } from '../../src/domain/chain';
import { dayFirstOf, thousandsOrMillions } from '../../src/domain/validation';
import { d, grid } from '../helpers/grid';

function controls(header: readonly string[], row: readonly unknown[]): string[] {
  const sheet = grid('Marchés', [header, row] as never);
  const out = runChain([{ file: 'Pôle A.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
  return out.result.controles.map((c) => `${c.code}: ${c.message.replace(/[\u00a0\u202f]/g, ' ')}`);
}

it("each hint follows its column's type: a date in an amount column, k€ in a count of hours", () => {
  expect(controls(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Heures réalisées'], ['2025-001', 'Voirie', '03/15/2025', d('2025-02-01'), '1,5 k€'])).toEqual([
    'valeur-illisible: Ligne 2, colonne « Heures réalisées » : la valeur « 1,5 k€ » ne peut pas être lue. Saisissez un nombre (par exemple 35,5).',
    "montant-invalide: Ligne 2, colonne « Montant HT » : le montant « 03/15/2025 » n'est pas un montant positif lisible. Saisissez un montant en euros (par exemple 12 500,00).",
  ]);
});

it.each<[string, string | null]>([
  ['3 MEUR HT.', '3 000 000'],
  ['200 k €', '200 000'],
  // 0,29 × 100 000 is 28 999,999… in binary: the cents are rounded, not cut.
  ['0,29 k€', '290'],
])('%j → %j euros', (text, euros) => {
  expect(thousandsOrMillions(text)?.replace(/[\u00a0\u202f]/g, ' ') ?? null).toBe(euros);
});

it.each<[string, string | null]>([
  ['03.15.2025', '15/03/2025'],
  // Day 12 or less: the text reads day first already, no hint to give.
  ['05/12/2025', null],
])('%j → %j day first', (text, date) => {
  expect(dayFirstOf(text)).toBe(date);
});

describe('an amount in k€ or M€ under a header that says its unit', () => {
  // The column multiplies what is typed in it (`amountScale`): « 200 000 » typed under « (k€) » is 200 M€.
  it('montant-invalide says the figure in the column’s unit, which reads back as the euros meant', () => {
    const header = ['N° marché', 'Objet', 'Montant HT (k€)', 'Date de notification'];
    const [said] = controls(header, ['2025-001', 'Voirie', '1,2 M€', d('2025-02-01')]);
    expect(said).toBe(
      "montant-invalide: Ligne 2, colonne « Montant HT (k€) » : le montant « 1,2 M€ » n'est pas un montant positif lisible. Saisissez le montant en milliers d'euros (l'unité de la colonne), en chiffres : 1 200.",
    );
    // Typed as said, the row reads 1 200 000 €.
    const typed = runChain([{ file: 'Pôle A.xlsx', sheets: [grid('Marchés', [header, ['2025-001', 'Voirie', 1200, d('2025-02-01')]] as never)], state: null }], { today: '2026-01-15' });
    expect(typed.register.rows[0].values.montant).toBe(1_200_000);
  });

  it('valeur-illisible of another amount column in M€ says it in millions', () => {
    const [said] = controls(['N° marché', 'Objet', 'Montant HT', 'Mandaté (M€)', 'Date de notification'], ['2025-001', 'Voirie', 100, '250 k€', d('2025-02-01')]);
    expect(said).toBe(
      "valeur-illisible: Ligne 2, colonne « Mandaté (M€) » : la valeur « 250 k€ » ne peut pas être lue. Saisissez le montant en millions d'euros (l'unité de la colonne), en chiffres : 0,25.",
    );
  });

  it('the figure in euros, or in the unit of a column in k€', () => {
    expect(thousandsOrMillions('1,2 M€', 1)?.replace(/[\u00a0\u202f]/g, ' ')).toBe('1 200 000');
    expect(thousandsOrMillions('12,3456 k€', 1000)?.replace(/[\u00a0\u202f]/g, ' ')).toBe('12,3456');
  });
});
