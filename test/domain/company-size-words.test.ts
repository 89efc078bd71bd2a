import { REGISTER_FIELDS } from '../../src/domain/fields';
import { readField } from '../../src/domain/read-cell';

// Décret 2008-1354: microentreprise < 10 (TPE), PME < 250 — small (< 50) and medium (< 250) alike —,
// ETI < 5 000, otherwise GE. Buyers write the category as a word, often in the plural of a heading.
const categorie = REGISTER_FIELDS.find((f) => f.id === 'categorieEntreprise')!;

describe('company size written as a word (regles.md §7, décret 2008-1354)', () => {
  it.each([
    ['Petite entreprise', 'PME'],
    ['Moyenne entreprise', 'PME'],
    ['moyenne entreprise (ME)', 'PME'],
    ['Petites et moyennes entreprises', 'PME'],
    ['Très petites entreprises', 'TPE'],
    ['Microentreprises', 'TPE'],
    ['Entreprises de taille intermédiaire', 'ETI'],
    ['Grandes entreprises', 'GE'],
  ])('%j is %s', (text, size) => {
    expect(readField(categorie, text)).toEqual({ kind: 'value', value: size });
  });

  it('a bare adjective stays unreadable rather than guessed', () => {
    for (const text of ['Moyenne', 'Petite', 'Grande'])
      expect(readField(categorie, text)).toEqual({ kind: 'invalid', reason: 'illisible', shown: text });
  });
});
