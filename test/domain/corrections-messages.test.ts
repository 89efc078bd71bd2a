/**
 * Messages a buyer can act on (session 35, blind recipe « corrections »): an unreadable cell says
 * what to type; a coherence finding names the other column to correct; a bad date says whether it
 * cannot be read or is out of the period, and which period.
 */
import type { RegisterFieldId, RegisterValues } from '../../src/domain/fields';
import { judgeRow, rowSchema, type RowToJudge } from '../../src/domain/validation';

const NB = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NB, ' ');

const HEADERS: Partial<Record<RegisterFieldId, string>> = {
  numero: 'N° marché',
  objet: 'Objet',
  montant: 'Montant HT (€)',
  dateNotification: 'Date de notification',
  montantMandate: 'Mandaté (€)',
  dureeMois: 'Durée (mois)',
  nbAvenants: "Nombre d'avenants",
  nbAvenantsProlongation: 'Dont avenants de prolongation',
  negociation: 'Négociation',
  gainNegociation: 'Gain de négociation (€)',
  clauseSociale: 'Clause sociale',
  marcheInsertion: "Marché d'insertion",
  heuresInsertionRealisees: "Heures d'insertion réalisées",
  montantReemploi: 'Réemploi (€)',
  montantRecycle: 'Recyclé (€)',
  categorieEntreprise: "Catégorie d'entreprise",
};

const BASE: RegisterValues = { numero: '2025-001', objet: 'Nettoyage', montant: 1000, dateNotification: '2025-03-01' } as RegisterValues;

function messages(values: Partial<RegisterValues>, invalid: RowToJudge['invalid'] = {}): string[] {
  const fields = Object.keys(HEADERS) as RegisterFieldId[];
  const row: RowToJudge = {
    source: { file: 'a.xlsx', sheet: 'Marchés', row: 9 },
    values: { ...BASE, ...values } as RegisterValues,
    mapped: new Set(fields),
    invalid,
    columns: Object.fromEntries(fields.map((f, i) => [f, { header: HEADERS[f]!, col: i + 1 }])),
    pendingSuggestions: [],
  };
  return judgeRow(row, rowSchema('2026-01-15'), (f) => String((row.values as Record<string, unknown>)[f] ?? '')).map((f) => plain(f.message));
}

describe('an unreadable cell says what to type', () => {
  it('a whole number', () => {
    expect(messages({}, { dureeMois: { kind: 'invalid', reason: 'illisible', shown: 'un an' } })).toEqual([
      'Ligne 9, colonne « Durée (mois) » : la valeur « un an » ne peut pas être lue. Saisissez un nombre entier (par exemple 12).',
    ]);
  });

  it('an amount behind a formula error: correct the formula or type the amount', () => {
    expect(messages({}, { montantMandate: { kind: 'invalid', reason: 'erreur-formule', shown: '#N/A' } })).toEqual([
      'Ligne 9, colonne « Mandaté (€) » : la valeur « #N/A » ne peut pas être lue. La formule de la cellule renvoie une erreur : corrigez-la ou saisissez un montant en euros (par exemple 12 500,00).',
    ]);
  });

  it('one of a list', () => {
    expect(messages({}, { categorieEntreprise: { kind: 'invalid', reason: 'illisible', shown: 'Moyenne entreprise' } })[0]).toMatch(
      /Saisissez l'une des valeurs TPE, PME, ETI ou GE\.$/,
    );
  });
});

describe('a coherence finding names the column to correct', () => {
  it('prolongations: the number of avenants and its column', () => {
    expect(messages({ nbAvenants: 1, nbAvenantsProlongation: 2 })).toEqual([
      "Ligne 9, colonne « Dont avenants de prolongation » : le nombre d'avenants de prolongation dépasse le nombre total d'avenants (2 contre 1 dans la colonne « Nombre d'avenants »). Corrigez l'un des deux nombres.",
    ]);
  });

  it('a gain without negotiation: the Négociation column', () => {
    expect(messages({ gainNegociation: 3000, negociation: false })).toEqual([
      "Ligne 9, colonne « Gain de négociation (€) » : un gain de négociation est indiqué alors qu'aucune négociation n'est déclarée. Si une négociation a eu lieu, mettez oui dans la colonne « Négociation » ; sinon, effacez le gain.",
    ]);
  });

  it('hours without clause: the clause and insertion columns', () => {
    expect(messages({ heuresInsertionRealisees: 350, clauseSociale: false, marcheInsertion: false })).toEqual([
      "Ligne 9, colonne « Heures d'insertion réalisées » : des heures d'insertion sont réalisées sans clause sociale ni marché d'insertion déclarés. Si le marché en comporte, mettez oui dans la colonne « Clause sociale » ou « Marché d'insertion » ; sinon, effacez les heures.",
    ]);
  });

  it('re-use amounts over the spend: their columns and the spend column', () => {
    expect(messages({ montantMandate: 300, montantReemploi: 200, montantRecycle: 150 })).toEqual([
      "Ligne 9 : les dépenses de réemploi, réutilisation et matières recyclées (350,00 €, colonnes « Réemploi (€) » et « Recyclé (€) ») dépassent la dépense de la ligne (300,00 €, colonne « Mandaté (€) »). Corrigez l'un de ces montants.",
    ]);
  });
});

describe('a bad notification date', () => {
  it('that does not exist: the form to type', () => {
    expect(messages({ dateNotification: undefined }, { dateNotification: { kind: 'invalid', reason: 'illisible', shown: '31/02/2025' } })).toEqual([
      "Ligne 9, colonne « Date de notification » : la date de notification « 31/02/2025 » n'est pas une date lisible ou n'existe pas. Février 2025 n'a que 28 jours. Saisissez une date au format jj/mm/aaaa (par exemple 15/03/2025).",
    ]);
  });

  it('out of the period: the period with its last day, not « the end of next year »', () => {
    expect(messages({ dateNotification: '2052-03-15' })).toEqual([
      "Ligne 9, colonne « Date de notification » : la date de notification « 2052-03-15 » est hors de la période admise, du 01/01/2000 au 31/12/2027. Corrigez-la (l'année est sans doute mal saisie).",
    ]);
  });
});
