/**
 * README audit, « Choix faits là où la spécification se tait » › Étiquettes
 * suggérées: a negation cancels a term only within the three words before it;
 * the negation words; plurals and feminines; whole words only; a sub-tag
 * declared by a column is not suggested (another sub-tag of the same
 * consideration still is); the trigger shown is the lexicon term.
 */
import { suggestTags, suggestTagsByWords, tagRow } from '../../src/domain/tagging';

const sug = (objet: string, commentaires?: string) => suggestTags(objet, commentaires).map((s) => `${s.etiquette}/${s.declencheur}`);

describe('README: a negation within the three words before a term cancels it', () => {
  it('three words before: cancelled (sans ‹la moindre› clause sociale)', () => {
    expect(sug('Travaux sans la moindre clause sociale')).toEqual([]);
    expect(sug('Pas de papier recyclé')).toEqual([]);
  });

  it('four words before or more: the term stands', () => {
    // sans(0) objet(1) ici(2) avec(3) clause(4)
    expect(sug('Sans objet ici, avec clause sociale')).toEqual(['Clause sociale/clause sociale']);
    expect(sug('Pas de la gamme du papier recyclé')).toEqual(['Clause environnementale/recyclé']);
  });

  it('one sentence, two terms: the near one is cancelled, the far one stands', () => {
    // pas(0) un(1) ESAT(2) mais(3) une(4) entreprise adaptée(5)
    expect(sug('Pas un ESAT mais une entreprise adaptée')).toEqual(['Marché réservé/entreprise adaptée']);
  });

  it.each([
    ['sans', 'Travaux sans clause sociale'],
    ['pas', 'Pas de critère environnemental'],
    ['aucun', 'Aucun papier recyclé'],
    ['aucune', 'Aucune clause sociale'],
    ['non', 'Fournitures non recyclées'],
    ['ni', 'Ni clause sociale'],
    ['hors', 'Achat hors ESAT'],
    ['aucuns', 'Aucuns matériaux recyclés'],
    ['aucunes', 'Aucunes clauses sociales'],
    ['jamais', 'Jamais de papier recyclé'],
  ])('« %s » is a negation: %s', (_word, text) => {
    expect(sug(text)).toEqual([]);
    expect(sug('Entretien', text)).toEqual([]);
  });

  it('the same texts without the negation word are suggested (the cases above are not vacuous)', () => {
    expect(sug('Travaux avec clause sociale')).toEqual(['Clause sociale/clause sociale']);
    expect(sug('Achat auprès d’un ESAT')).toEqual(['Marché réservé/ESAT']);
    expect(sug('Fournitures recyclées')).toEqual(['Clause environnementale/recyclé']);
  });
});

describe('README: plurals and feminines, whole words only; the trigger is the lexicon term', () => {
  it.each<[string, string]>([
    ['Papiers recyclés', 'Clause environnementale/recyclé'],
    ['Enveloppes recyclées', 'Clause environnementale/recyclé'],
    ['Entreprises adaptées', 'Marché réservé/entreprise adaptée'],
    ['Solutions innovantes', 'Marché innovant/solution innovante'],
    ['Expérimentations de capteurs', 'Marché innovant/expérimentation'],
    // A word in -al makes its masculine plural in -aux: the usual wording of a consultation.
    ['Critères sociaux', 'Critère social/critère social'],
    ['Critères environnementaux pondérés à 10 %', 'Critère environnemental/critère environnemental'],
    // A lexicon term written in the plural is read in the singular too; the trigger stays the term.
    ["Recrutement d'un travailleur handicapé", 'Marché réservé/travailleurs handicapés'],
    ["Une heure d'insertion par tranche de 10 000 €", "Clause sociale/heures d'insertion"],
    ["500 heures d'insertion", "Clause sociale/heures d'insertion"],
    // A word in -eur makes its feminine in -euse(s).
    ['Emploi de travailleuses handicapées', 'Marché réservé/travailleurs handicapés'],
    ['Recrutement d’une travailleuse handicapée', 'Marché réservé/travailleurs handicapés'],
    // The elided article is one letter, whole: « des » is not « d' », the longer term does not match.
    ['Partenariat des innovations', 'Marché innovant/innovation'],
    ['Heures d insertion (apostrophe oubliée)', "Clause sociale/heures d'insertion"],
  ])('%s → %s', (text, expected) => {
    expect(sug(text)).toEqual([expected]);
    expect(suggestTagsByWords(text, undefined).map((s) => `${s.etiquette}/${s.declencheur}`)).toEqual([expected]);
  });

  it('a plural in -aux is negated like any other form', () => {
    expect(sug('Marché sans critères sociaux')).toEqual([]);
  });

  it('« de » / « des » in place of the elided « d’ » make no term; a feminine in -euse is negated like any form', () => {
    for (const text of ['Chantier de insertion', 'Marché des insertions', 'Clause des insertions', 'Travaux sans travailleuse handicapée']) {
      expect(sug(text)).toEqual([]);
      expect(suggestTagsByWords(text, undefined)).toEqual([]);
    }
  });

  it('the singular of a plural term is negated like any other form; a three-letter word is not a plural', () => {
    expect(sug("Prestation sans heure d'insertion")).toEqual([]);
    expect(suggestTagsByWords("Prestation sans heure d'insertion", undefined)).toEqual([]);
    // « bas carbone » and « ESS » end in s but are not plurals: « ba carbone », « ES » are not them.
    expect(sug('Béton bas carbone')).toEqual(['Clause environnementale/bas carbone']);
    expect(sug('Ba carbone, ES')).toEqual([]);
  });

  it('a term inside a longer word does not trigger', () => {
    expect(sug('Desat')).toEqual([]);
    expect(sug('Prestations de désamiantage')).toEqual([]);
  });
});

describe('README: a sub-tag declared by a column is not suggested', () => {
  it('declared Clause sociale: the text’s « clause sociale » is not suggested, its ESAT (Marché réservé) still is', () => {
    const t = tagRow({ numero: 'M-1', objet: 'Entretien par un ESAT avec clause sociale', clauseSociale: true }, new Map());
    expect(t.tags.map((x) => `${x.etiquette}/${x.origine}`)).toEqual(['Clause sociale/déclaré', 'Marché réservé/suggéré']);
    expect(t.pending.map((s) => s.etiquette)).toEqual(['Marché réservé']);
    expect(t.sociale).toBe(true);
  });

  it('declared Clause environnementale: « critère environnemental » is still suggested as Critère environnemental', () => {
    const t = tagRow({ numero: 'M-2', objet: 'Papier recyclé, critère environnemental', clauseEnvironnementale: true }, new Map());
    expect(t.tags.map((x) => `${x.etiquette}/${x.origine}`)).toEqual(['Clause environnementale/déclaré', 'Critère environnemental/suggéré']);
    expect(t.pending.map((s) => s.declencheur)).toEqual(['critère environnemental']);
  });

  it('undeclared (column says non): the same text suggests both sub-tags', () => {
    const t = tagRow({ numero: 'M-3', objet: 'Entretien par un ESAT avec clause sociale', clauseSociale: false }, new Map());
    expect(t.pending.map((s) => `${s.etiquette}/${s.declencheur}`)).toEqual(['Marché réservé/ESAT', 'Clause sociale/clause sociale']);
  });
});
