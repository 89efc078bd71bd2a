/**
 * Session 36, mutation audit of session 35's messages a buyer acts on (README « Contrôles »): an
 * unreadable cell says what to type, by the column's type: a date of an « Actions SPASER » sheet, a
 * text behind a formula error; a coherence finding names the other cells to correct, only those filled.
 */
import { runChain } from '../../src/domain/chain';
import type { RegisterFieldId, RegisterValues } from '../../src/domain/fields';
import { judgeRow, rowSchema, type RowToJudge } from '../../src/domain/validation';
import { d, err, grid } from '../helpers/grid';

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
  ['2025-001', 'Voirie', 100, d('2025-02-01')],
]);
const ACTIONS = grid('Actions', [
  ['Date', 'Type', 'Intitulé', 'Participants'],
  ['mardi', 'Formation', 'Achats responsables', 12],
]);

describe('an unreadable date of a companion sheet', () => {
  it('says the form to type, with an example', () => {
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: [REGISTER, ACTIONS], state: null }], { today: '2026-01-15', exercice: 2025 });
    const messages = out.register.otherFindings.filter((f) => f.source.sheet === 'Actions').map((f) => f.message.replace(/\u00a0/g, ' '));
    expect(messages).toEqual([
      'Ligne 2, colonne « Date » : la valeur « mardi » ne peut pas être lue. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025). La ligne est écartée.',
    ]);
  });
});

describe('a text cell of the register behind a formula error', () => {
  it('says to correct the formula or type a text', () => {
    const register = grid('Marchés', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['2025-001', err('#N/A'), 100, d('2025-02-01')],
    ]);
    const out = runChain([{ file: 'Pôle A.xlsx', sheets: [register], state: null }], { today: '2026-01-15', exercice: 2025 });
    const messages = out.register.rows.flatMap((r) => r.findings).filter((f) => f.colonne === 'Objet').map((f) => f.message.replace(/\u00a0/g, ' '));
    expect(messages).toEqual([
      'Ligne 2, colonne « Objet » : la valeur « #N/A » ne peut pas être lue. La formule de la cellule renvoie une erreur : corrigez-la ou saisissez un texte.',
    ]);
  });
});

/** A register row judged with these columns mapped, in this order (as `corrections-messages.test.ts`). */
function messages(headers: Partial<Record<RegisterFieldId, string>>, values: Partial<RegisterValues>): string[] {
  const fields = Object.keys(headers) as RegisterFieldId[];
  const row: RowToJudge = {
    source: { file: 'a.xlsx', sheet: 'Marchés', row: 9 },
    values: { numero: '2025-001', objet: 'Nettoyage', montant: 1000, dateNotification: '2025-03-01', ...values } as RegisterValues,
    mapped: new Set(fields),
    invalid: {},
    columns: Object.fromEntries(fields.map((f, i) => [f, { header: headers[f]!, col: i + 1 }])),
    pendingSuggestions: [],
  };
  return judgeRow(row, rowSchema('2026-01-15'), (f) => String((row.values as Record<string, unknown>)[f] ?? '')).map((f) => f.message.replace(/[\u00a0\u202f]/g, ' '));
}

const BASE_HEADERS: Partial<Record<RegisterFieldId, string>> = {
  numero: 'N° marché',
  objet: 'Objet',
  montant: 'Montant HT (€)',
  dateNotification: 'Date de notification',
  montantMandate: 'Mandaté (€)',
};

describe('re-use amounts over the spend', () => {
  it('one amount: its one column, « colonne » in the singular', () => {
    expect(messages({ ...BASE_HEADERS, montantReemploi: 'Réemploi (€)' }, { montantMandate: 100, montantReemploi: 200 })).toEqual([
      "Ligne 9 : les dépenses de réemploi, réutilisation et matières recyclées (200,00 €, colonne « Réemploi (€) ») dépassent la dépense de la ligne (100,00 €, colonne « Mandaté (€) »). Corrigez l'un de ces montants.",
    ]);
  });

  it('three columns, two filled: only the filled ones are named', () => {
    const headers = { ...BASE_HEADERS, montantReemploi: 'Réemploi (€)', montantReutilisation: 'Réutilisation (€)', montantRecycle: 'Recyclé (€)' };
    expect(messages(headers, { montantMandate: 300, montantReemploi: 200, montantRecycle: 150 })).toEqual([
      "Ligne 9 : les dépenses de réemploi, réutilisation et matières recyclées (350,00 €, colonnes « Réemploi (€) » et « Recyclé (€) ») dépassent la dépense de la ligne (300,00 €, colonne « Mandaté (€) »). Corrigez l'un de ces montants.",
    ]);
  });
});
