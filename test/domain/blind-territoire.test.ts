/**
 * Found by the blind acceptance « territoire » (session 41): how the economic-development Pôle
 * types its suppliers' headcount, address and innovation.
 */
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { readField } from '../../src/domain/read-cell';
import { suggestTags, suggestTagsByWords } from '../../src/domain/tagging';

const field = (id: string): FieldDef => {
  const f = REGISTER_FIELDS.find((d) => d.id === id);
  if (f === undefined) throw new Error(id);
  return f;
};

describe('a headcount typed with its unit', () => {
  // « 12 salariés » in an Effectif column is 12, as « 30 jours » is 30 in a délai column (README).
  test.each([
    ['12 salariés', 12],
    ['12 Salariés', 12],
    ['1 salarié', 1],
    ['250 salaries', 250],
    ['1 200 salariés', 1200],
    ['45 employés', 45],
    ['8 personnes', 8],
  ])('%s → %d', (text, n) => {
    expect(readField(field('effectifTitulaire'), text)).toEqual({ kind: 'value', value: n });
  });

  test('a bound is not a headcount, and the unit belongs to the headcount only', () => {
    expect(readField(field('effectifTitulaire'), '250 et +')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('effectifTitulaire'), 'plus de 250 salariés')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('effectifTitulaire'), '10 à 49 salariés')).toMatchObject({ kind: 'invalid' });
    expect(readField(field('montant'), '12 salariés')).toMatchObject({ kind: 'invalid' });
  });
});

describe('a term answered « non » in the text (regles.md §4: negations do not trigger)', () => {
  const tags = (text: string): string[] => suggestTags(undefined, text).map((s) => s.etiquette);
  test.each([
    ['Achat innovant : non', []],
    ['Achat innovant : Non (sans objet)', []],
    ['achat innovant: NON', []],
    ['Innovant = non', []],
    ['Innovant : non concerné', []],
    ['Critère environnemental : aucun', []],
    ['Clause sociale : non ; solution innovante', ['Marché innovant']],
    ['Clause sociale : non. Papier recyclé', ['Clause environnementale']],
    ['Achat innovant : oui', ['Marché innovant']],
    ['Achat innovant : oui (sacs connectés)', ['Marché innovant']],
    ['Observations : prototype de navette', ['Marché innovant']],
    ['Expérimentation, clause sociale : non', ['Marché innovant']],
  ])('%s', (text, want) => {
    expect(tags(text)).toEqual(want);
    expect(suggestTagsByWords(undefined, text).map((s) => s.etiquette)).toEqual(want);
  });
});
