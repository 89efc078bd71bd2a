/**
 * Mutation audit s41 (test/mutants-session41-tagging.md): tagging (`regles.md` §4 and the README
 * « Étiquettes suggérées »), suppliers and company size (§7, §8), the order of categories and the
 * saved state of `SPASER État` (`sortie.md`). Each case kills a mutant that the tests before it let
 * live, or holds a defect it found; expectations are worked out by hand from the spec and the README.
 */
import { orderedCategories } from '../../src/domain/categories';
import { parseState } from '../../src/domain/state-sheet';
import { supplierKey } from '../../src/domain/suppliers';
import { decisionKey, decisionsInForce, sheetScope, suggestTags, suggestTagsByWords, tagRow } from '../../src/domain/tagging';

const byEtiquette = (tags: readonly { etiquette: string; origine: string }[]) =>
  Object.fromEntries(tags.map((t) => [t.etiquette, t.origine]));

describe('a decision belongs to one suggestion: the marché and its sub-tag', () => {
  it('confirming « Clause sociale » leaves « Critère social » of the same row and consideration to decide', () => {
    // README: « Une décision s'attache à la suggestion (marché, source, sous-étiquette) ».
    const decisions = new Map([[decisionKey('M-7', 'sociale', 'Clause sociale'), 'confirmée' as const]]);
    const row = tagRow({ numero: 'M-7', objet: 'Nettoyage avec clause sociale et critère social' }, decisions);
    expect(byEtiquette(row.tags)).toEqual({ 'Clause sociale': 'confirmé', 'Critère social': 'suggéré' });
    expect(row.pending.map((s) => s.etiquette)).toEqual(['Critère social']);
  });

  it('rejecting « Critère environnemental » does not drop « Clause environnementale » of the same row', () => {
    const decisions = new Map([[decisionKey('M-8', 'environnementale', 'Critère environnemental'), 'rejetée' as const]]);
    const row = tagRow({ numero: 'M-8', objet: 'Papier recyclé, critère environnemental de 20 %' }, decisions);
    expect(byEtiquette(row.tags)).toEqual({ 'Clause environnementale': 'suggéré' });
  });
});

describe('a row without numero keeps its suggestions when other rows have decisions', () => {
  it('two suggestions on a row with no numero: both suggested, pending, nothing counted', () => {
    // A decision is keyed by numero: a row without one has none, but the workbook's other decisions must not break it.
    const decisions = new Map([[decisionKey('M-1', 'environnementale', 'Clause environnementale'), 'confirmée' as const]]);
    const row = tagRow({ objet: 'Papier recyclé, critère environnemental' }, decisions);
    expect(byEtiquette(row.tags)).toEqual({ 'Critère environnemental': 'suggéré', 'Clause environnementale': 'suggéré' });
    expect(row.pending.map((s) => s.etiquette).sort()).toEqual(['Clause environnementale', 'Critère environnemental']);
    expect(row.environnementale).toBe(false);
  });
});

describe('a decision taken in the run applies to the input its source names by file, and no other', () => {
  it('« Pôle Culture.xlsx|Registre » is not a decision of « Culture.xlsx », whose name it contains', () => {
    // README: « pour une décision prise dans la séance du volet, le classeur que nomme la partie fichier de sa source ».
    const inputs = [
      { file: 'Culture.xlsx', state: null },
      { file: 'Pôle Culture.xlsx', state: null },
    ];
    const change = { numero: 'M-1', source: 'Pôle Culture.xlsx|Registre', consideration: 'sociale' as const, etiquette: 'Clause sociale', decision: 'confirmée' as const };
    const { bySheet } = decisionsInForce(inputs, [['Registre'], ['Registre']], [change]);
    const key = decisionKey('M-1', 'sociale', 'Clause sociale');
    expect(bySheet.get(sheetScope(1, 'Registre') + key)).toBe('confirmée');
    expect(bySheet.has(sheetScope(0, 'Registre') + key)).toBe(false);
  });
});

describe('regles §8: a supplier is counted once by its SIRET, digits only', () => {
  it('a SIRET grouped by no-break spaces (as Excel and French number formats write it) is the same supplier', () => {
    // 732 829 320 00074: Luhn by hand, doubled digits 7,2,2,3,0,0,7 → 5+4+4+6+0+0+5 = 24, others 3+8+9+2+0+0+4 = 26; 50 ≡ 0 (mod 10).
    expect(supplierKey({ siret: '73282932000074', titulaire: 'Alpha' })).toBe('siret:73282932000074');
    expect(supplierKey({ siret: '732\u00a0829\u00a0320\u00a000074', titulaire: 'Alpha SAS' })).toBe('siret:73282932000074');
    expect(supplierKey({ siret: '732\u202f829\u202f320\u202f00074', titulaire: 'ALPHA' })).toBe('siret:73282932000074');
    expect(supplierKey({ siret: '732829320\t00074', titulaire: 'Alpha' })).toBe('siret:73282932000074');
  });
});

describe('regles §8: without a valid SIRET, the supplier is its name, normalised', () => {
  it('a SIRET of 14 digits that fails Luhn does not identify: the name does', () => {
    // 12345678901234: doubled digits 1,3,5,7,9,1,3 → 2+6+1+5+9+2+6 = 31, others 2+4+6+8+0+2+4 = 26; 57, not a multiple of 10.
    expect(supplierKey({ siret: '12345678901234', titulaire: 'Beta SARL' })).toBe('nom:beta');
    expect(supplierKey({ siret: '123 456 789 01234', titulaire: 'Beta' })).toBe('nom:beta');
  });

  it('the digits of a name are kept: « Imprimerie 2000 » and « Imprimerie 3000 » are two suppliers', () => {
    // Normalising removes case, accents, punctuation and legal forms, never the digits.
    expect(supplierKey({ titulaire: 'Imprimerie 2000 SARL' })).toBe('nom:imprimerie 2000');
    expect(supplierKey({ titulaire: 'IMPRIMERIE 3000' })).toBe('nom:imprimerie 3000');
  });
});

describe('categories: those of no list of the spec come last, in French order', () => {
  it('a contract type read outside the list follows « Autre », accents and case aside', () => {
    // CDI and Autre in the order of the contract list; then abc < Élagage < Zèbre as a French reader sorts.
    expect(orderedCategories(['Zèbre', 'CDI', 'Élagage', 'Autre', 'abc'])).toEqual(['CDI', 'Autre', 'abc', 'Élagage', 'Zèbre']);
  });
});

describe('a negation does not reach past the punctuation that ends its clause (defect found by the s41 audit)', () => {
  type Shown = { consideration: string; etiquette: string; declencheur: string };
  const show = (list: readonly Shown[]) => list.map((s) => `${s.consideration}/${s.etiquette}/${s.declencheur}`);
  /** The fast reading, checked equal to the plain one and to what `tagRow` keeps pending. */
  const read = (objet: string, commentaires?: string) => {
    const fast = show(suggestTags(objet, commentaires));
    expect(show(suggestTagsByWords(objet, commentaires))).toEqual(fast);
    expect(show(tagRow({ numero: 'M-9', objet, commentaires }, new Map()).pending)).toEqual(fast);
    return fast;
  };

  it('« sans gluten, circuit court », « non alloti, clause sociale »: the term after the comma stands', () => {
    // sans(1) gluten(2) circuit(3): three words before, but « sans » denies the gluten, not the circuit court.
    expect(read('Repas sans gluten, circuit court')).toEqual(['environnementale/Clause environnementale/circuit court']);
    expect(read('Nettoyage des écoles – marché non alloti, clause sociale')).toEqual(['sociale/Clause sociale/clause sociale']);
    expect(read('Fournitures (hors papier) recyclées')).toEqual(['environnementale/Clause environnementale/recyclé']);
    expect(read('Sans objet ; clause sociale')).toEqual(['sociale/Clause sociale/clause sociale']);
    expect(read('Entretien des espaces verts', 'Pas de lot.\nHeures d’insertion : 500')).toEqual(["sociale/Clause sociale/heures d'insertion"]);
    // Each break alone: a full stop, a line break, a colon.
    expect(read('Entretien', 'Pas de lot. Heures d’insertion')).toEqual(["sociale/Clause sociale/heures d'insertion"]);
    expect(read('Entretien', 'Pas de lot\nHeures d’insertion')).toEqual(["sociale/Clause sociale/heures d'insertion"]);
    expect(read('Hors lot : clause sociale')).toEqual(['sociale/Clause sociale/clause sociale']);
  });

  it('within one clause, the negation still denies (the cases above are not vacuous)', () => {
    expect(read('Repas sans gluten et circuit court')).toEqual([]);
    expect(read('Marché non alloti avec clause sociale')).toEqual([]);
    expect(read('Fournitures (non recyclées)')).toEqual([]);
    expect(read('Repas bio, sans circuit court')).toEqual([]);
  });
});

describe('sortie.md: the saved state is read back only when whole', () => {
  it('a state without its list of column choices is no state (null), not a state whose choices are missing', () => {
    expect(parseState([JSON.stringify({ version: 1, decisions: [] })])).toBeNull();
    // The same with an empty list is a state (the case above is not vacuous).
    expect(parseState([JSON.stringify({ version: 1, mappings: [], decisions: [] })])).toEqual({ version: 1, mappings: [], decisions: [] });
  });
});
