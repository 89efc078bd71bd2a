/**
 * regles.md §1: « a header that maps equally well to two fields is left for the user to choose
 * (reported as ambiguous) ». Found by the blind acceptance « erp »: a finance-software export's
 * `CRITERE_SOCIAL_ENV` (both « critère social » and « critère env. », whole) was mapped to
 * critereEnvironnemental only, because `env` is a rarer word than `social` in the field catalogue,
 * which counted every social criterion as environmental.
 */
import { REGISTER_FIELDS, SHEET_KINDS, type FieldDef } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';

const FIELDS = SHEET_KINDS.registre.fields as readonly FieldDef[];
const one = (header: string) => mapHeaderRow([header], FIELDS, 1);

describe('a header naming two fields whole is ambiguous (regles.md §1)', () => {
  it.each([
    ['CRITERE_SOCIAL_ENV', ['critereEnvironnemental', 'critereSocial']],
    ['Critère social / env.', ['critereEnvironnemental', 'critereSocial']],
    ['Critères social et environnemental', ['critereEnvironnemental', 'critereSocial']],
    ['Clause sociale et environnementale', ['clauseEnvironnementale', 'clauseSociale']],
    ['Clause sociale ou clause environnementale', ['clauseEnvironnementale', 'clauseSociale']],
  ])('%s → left for the user', (header, fields) => {
    const m = one(header);
    expect(m.columns).toEqual([]);
    expect(m.ambiguous.map((a) => [...a.fields].sort())).toEqual([fields]);
  });

  it.each([
    ['N° SIRET du titulaire', 'siret'], // siret explains every word; titulaire only one
    ["Nombre d'avenants de prolongation", 'nbAvenantsProlongation'],
    ['Montant total notifié HT', 'montant'],
    ['Titulaire / Attributaire', 'titulaire'],
    ['CRITERE_ENV', 'critereEnvironnemental'],
  ])('%s → still one field', (header, field) => {
    const m = one(header);
    expect(m.ambiguous).toEqual([]);
    expect(m.columns.map((c) => c.field)).toEqual([field]);
  });

  it('the other columns of the row keep their fields; the ambiguous one feeds neither', () => {
    const m = mapHeaderRow(['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'CRITERE_ENV', 'CRITERE_SOCIAL_ENV'], FIELDS, 1);
    expect(m.columns.map((c) => c.field)).toEqual(['numero', 'objet', 'montant', 'dateNotification', 'critereEnvironnemental']);
    expect(m.ambiguous).toEqual([{ col: 6, header: 'CRITERE_SOCIAL_ENV', fields: expect.arrayContaining(['critereSocial', 'critereEnvironnemental']) }]);
  });
});

describe('a header whose second field only qualifies the first keeps the first (not a tie)', () => {
  it.each([
    ['Montant mandaté du marché', 'montantMandate'],
    ['Montant mandaté HT du marché', 'montantMandate'],
    ["Catégorie d'entreprise du titulaire", 'categorieEntreprise'],
    ["Heures d'insertion du marché", 'heuresInsertionRealisees'],
  ])('%s → %s', (header, field) => {
    const m = mapHeaderRow([header], REGISTER_FIELDS, 1);
    expect(m.ambiguous).toEqual([]);
    expect(m.columns.map((c) => c.field)).toEqual([field]);
  });
});
