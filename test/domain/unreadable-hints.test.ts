/**
 * Cells a buyer writes otherwise (recipe `mac`): amounts in thousands or millions of euros
 * (« 200 k€ », « 1,2 M€ ») and dates typed month first by an English-locale habit (« 03/15/2025 »).
 * regles.md §2 reads neither: the row is in error (montant-invalide, date-invalide, or
 * valeur-illisible for another column). The message says the value to type instead of an unrelated
 * example, so that the buyer corrects it without doing the sum or guessing which number is the day.
 */
import { runChain } from '../../src/domain/chain';
import { dayFirstOf, thousandsOrMillions } from '../../src/domain/validation';
import { d, err, grid } from '../helpers/grid';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Mandaté', 'Date de notification'];

function messages(montant: unknown, mandate: unknown): string[] {
  const sheet = grid('Marchés', [HEADER, ['2025-001', 'Voirie', montant, mandate, d('2025-02-01')]] as never);
  const out = runChain([{ file: 'Pôle A.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15' });
  return out.result.controles.map((c) => `${c.code}: ${c.message.replace(/[\u00a0\u202f]/g, ' ')}`);
}

describe('an amount written in k€ or M€', () => {
  it('montant-invalide says the euros meant', () => {
    expect(messages('200 k€', 1000)).toEqual([
      "montant-invalide: Ligne 2, colonne « Montant HT » : le montant « 200 k€ » n'est pas un montant positif lisible. Saisissez le montant en euros, en chiffres : 200 000.",
    ]);
  });

  it('valeur-illisible of another amount column says it too', () => {
    expect(messages(1500000, '1,2 M€')).toEqual([
      'valeur-illisible: Ligne 2, colonne « Mandaté » : la valeur « 1,2 M€ » ne peut pas être lue. Saisissez le montant en euros, en chiffres : 1 200 000.',
    ]);
  });

  it('any other unreadable amount keeps the example', () => {
    expect(messages('deux cent mille', 1000)).toEqual([
      "montant-invalide: Ligne 2, colonne « Montant HT » : le montant « deux cent mille » n'est pas un montant positif lisible. Saisissez un montant en euros (par exemple 12 500,00).",
    ]);
    expect(messages(100, err('#N/A'))[0]).toContain('La formule de la cellule renvoie une erreur');
  });

  it.each<[string, string | null]>([
    ['200 k€', '200 000'],
    ['200K€', '200 000'],
    ['1,2 M€', '1 200 000'],
    ['3 MEUR HT', '3 000 000'],
    ['1 234,5 k€', '1 234 500'],
    ['12,3456 k€', '12 345,60'],
    ['2,5 keuros', '2 500'],
    ['0 k€', null],
    ['-5 k€', null],
    ['200 k', null],
    ['200 k€ TTC', null],
    ['k€', null],
    ['deux cent mille', null],
  ])('%j → %j', (text, euros) => {
    expect(thousandsOrMillions(text)?.replace(/[\u00a0\u202f]/g, ' ') ?? null).toBe(euros);
  });
});

describe('a date typed month first', () => {
  const controls = (date: unknown, actionDate: unknown): string[] => {
    const register = grid('Marchés', [HEADER, ['2025-001', 'Voirie', 100, 100, date]] as never);
    const actions = grid('Actions', [['Date', 'Type', 'Intitulé', 'Participants'], [actionDate, 'Formation', 'Achats responsables', 12]] as never);
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: [register, actions], state: null }], { today: '2026-01-15', exercice: 2025 });
    return [...out.result.controles.map((c) => c.message), ...out.register.otherFindings.map((f) => f.message)].map((m) => m.replace(/[\u00a0\u202f]/g, ' '));
  };

  it('date-invalide and valeur-illisible say the date back, day first', () => {
    const said = controls('03/15/2025', '12/31/2025');
    expect(said).toContain(
      "Ligne 2, colonne « Date de notification » : la date de notification « 03/15/2025 » n'est pas une date lisible ou n'existe pas. Saisissez la date jour d'abord (jj/mm/aaaa) : 15/03/2025.",
    );
    expect(said).toContain(
      "Ligne 2, colonne « Date » : la valeur « 12/31/2025 » ne peut pas être lue. Saisissez la date jour d'abord (jj/mm/aaaa) : 31/12/2025. La ligne est écartée.",
    );
  });

  it('any other unreadable date keeps the example', () => {
    expect(controls('T2 2025', d('2025-03-01'))).toEqual([
      "Ligne 2, colonne « Date de notification » : la date de notification « T2 2025 » n'est pas une date lisible ou n'existe pas. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025).",
    ]);
  });

  it.each<[string, string | null]>([
    ['03/15/2025', '15/03/2025'],
    ['3/15/2025', '15/03/2025'],
    ['12/31/24', '31/12/2024'],
    ['03-15-2025', '15/03/2025'],
    ['02/29/2024', '29/02/2024'],
    ['02/29/2025', null],
    ['02/30/2025', null],
    ['04/05/2025', null],
    ['13/15/2025', null],
    ['03/15-2025', null],
    ['T2 2025', null],
  ])('%j → %j', (text, date) => {
    expect(dayFirstOf(text)).toBe(date);
  });
});
