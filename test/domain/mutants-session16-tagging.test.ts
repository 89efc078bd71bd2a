/**
 * Mutation audit of session 16 (tagging.ts: the lexicon, the negations, the matching of words,
 * the candidate first words and the fast path that reads them): rules of `regles.md` §4 and of
 * the README « Étiquettes suggérées » that no test pinned, and texts on which the fast path
 * (`suggestTags`) could read otherwise than the plain reading it is kept equal to
 * (`suggestTagsByWords`). Expectations worked out by hand from the spec and the README.
 */
import { normalizeFreeText, wordHash } from '../../src/domain/normalize';
import { decisionKey, SUGGESTION_LEXICON, suggestTags, suggestTagsByWords, tagRow } from '../../src/domain/tagging';

type Shown = { consideration: string; etiquette: string; declencheur: string };
const show = (list: readonly Shown[]) => list.map((s) => `${s.consideration}/${s.etiquette}/${s.declencheur}`);

/** The fast reading, as `consideration/etiquette/declencheur`, checked equal to the plain one. */
const both = (objet: string, commentaires?: string) => {
  const fast = show(suggestTags(objet, commentaires));
  expect(show(suggestTagsByWords(objet, commentaires))).toEqual(fast);
  return fast;
};

describe('regles §4: « Critère social » is a sub-tag of the social consideration', () => {
  it('a « critère social » read in the text suggests it under sociale, and counts as sociale once confirmed', () => {
    // regles §4: « sociale — … Sub-tags: Clause sociale, Critère social, … ».
    expect(both('Analyse des offres : critère social pondéré à 10 %')).toEqual(['sociale/Critère social/critère social']);
    const confirmed = new Map([[decisionKey('M-1', 'sociale', 'Critère social'), 'confirmée' as const]]);
    const row = tagRow({ numero: 'M-1', objet: 'Analyse des offres : critère social' }, confirmed);
    expect(row.tags).toEqual([{ consideration: 'sociale', etiquette: 'Critère social', origine: 'confirmé', declencheur: 'critère social' }]);
    expect([row.sociale, row.environnementale, row.innovation]).toEqual([true, false, false]);
  });
});

describe('README: « pluriels et féminins compris » — a feminine singular in -e', () => {
  it.each<[string, string]>([
    // « innovante » is « innovant » + e; « recyclée » folds to « recyclee », « recycle » + e.
    ['Démarche innovante pour l’éclairage', 'innovation/Marché innovant/innovant'],
    ['Papeterie recyclée', 'environnementale/Clause environnementale/recyclé'],
    ['Isolation biosourcée', 'environnementale/Clause environnementale/biosourcé'],
  ])('%s → %s', (text, expected) => {
    expect(both(text)).toEqual([expected]);
  });
});

describe('README: the plural in -aux is that of a word in -al only, and a whole word', () => {
  it('« baux » (plural of « bail ») is not « bas »: « baux carbone » is not « bas carbone »', () => {
    // README: « pluriels et féminins compris (y compris en -aux : « critères sociaux »…) », « mot
    // entier seulement ». « bas » does not end in -al, so it has no plural in -aux.
    expect(both('Révision des baux carbone du patrimoine')).toEqual([]);
    // The lexicon term itself is read (the case above is not vacuous).
    expect(both('Construction bas carbone')).toEqual(['environnementale/Clause environnementale/bas carbone']);
  });

  it('« environnement aux abords » is not « environnementaux »: two words, neither is environnemental', () => {
    expect(both('Critère environnement aux abords des écoles')).toEqual([]);
    expect(both('Critères environnementaux aux abords des écoles')).toEqual(['environnementale/Critère environnemental/critère environnemental']);
  });
});

describe('README « mot entier seulement »: a word of a term is matched whole, with an ending at most', () => {
  it('« design » is not « d’ »: « partenariat design & innovation » reads « innovation » alone', () => {
    // « partenariat d'innovation » needs « d » (or d + e, s, es, x) as second word; « design » is
    // d + « esign », no ending. « innovation » is a term by itself.
    expect(both('Partenariat design & innovation')).toEqual(['innovation/Marché innovant/innovation']);
    expect(both('Partenariat DSI – innovation')).toEqual(['innovation/Marché innovant/innovation']);
    // With the apostrophe: the longer term, once (the cases above are not vacuous).
    expect(both('Partenariat d’innovation')).toEqual(["innovation/Marché innovant/partenariat d'innovation"]);
  });

  it('« Critère D » followed by a word in d…: not « critère DD »', () => {
    // Criteria lettered A to D; « d » is not « dd », whatever word follows.
    expect(both('Critère D : descriptif des moyens')).toEqual([]);
    expect(both('Critère DD : bilan carbone')).toEqual(['environnementale/Critère environnemental/critère DD']);
  });

  it('every lexicon word with an ending, a few other letters, or split in two: the fast path reads as the plain one', () => {
    // The plain reading (`suggestTagsByWords`) is the reference of the fast path (`suggestTags`):
    // a word matches when it is the term word plus nothing, e, s, es or x, or its plural in -aux.
    const suffixes = ['', 'e', 's', 'x', 'es', 'ex', 'ee', 'se', 'si', 'os', 'el', 'ux', 'esx', 'sss', 'esse'];
    let texts = 0;
    for (const entry of SUGGESTION_LEXICON) {
      for (const term of entry.terms) {
        const words = normalizeFreeText(term).split(' ');
        words.forEach((w, k) => {
          const variants = suffixes.map((s) => w + s);
          for (let j = 1; j < w.length; j++) variants.push(`${w.slice(0, j)} ${w.slice(j)}`, `${w.slice(0, j)} ${w.slice(j)}es`);
          if (w.endsWith('al')) {
            const aux = `${w.slice(0, -1)}ux`;
            variants.push(aux, `${aux}s`);
            for (let j = 1; j < aux.length; j++) variants.push(`${aux.slice(0, j)} ${aux.slice(j)}`);
          }
          for (const v of variants) {
            const text = `Lot 2 : ${[...words.slice(0, k), v, ...words.slice(k + 1)].join(' ')} pour la ville`;
            expect([text, suggestTags(text, undefined)]).toEqual([text, suggestTagsByWords(text, undefined)]);
            texts++;
          }
        });
      }
    }
    expect(texts).toBeGreaterThan(2000);
  });
});

describe('README: a negation is one of the words listed, compared whole', () => {
  it('a reference whose word hash is that of « pas » or « non » does not deny the term after it', () => {
    // The fast path finds negations by their word hash first; « pc5 » and « p30 » share the hash
    // of « pas » and « non » (the cases are not vacuous), and are no negation.
    expect(wordHash('pc5')).toBe(wordHash('pas'));
    expect(wordHash('p30')).toBe(wordHash('non'));
    expect(both('Lot PC5 – papier recyclé')).toEqual(['environnementale/Clause environnementale/recyclé']);
    expect(both('Bâtiment P30 – isolation biosourcée')).toEqual(['environnementale/Clause environnementale/biosourcé']);
    // A real negation in the same place does deny it.
    expect(both('Lot pas – papier recyclé')).toEqual([]);
  });
});

describe('regles §4: a suggestion carries every word that triggered it, however many', () => {
  // The seventeen environmental terms of regles §4, in the order of the spec.
  const ENV = [
    'recyclé', 'réemploi', 'reconditionné', 'seconde main', 'écolabel', 'label bio', 'agriculture biologique', 'circuit court',
    'bas carbone', 'véhicule électrique', 'économie circulaire', 'biosourcé', 'HQE', 'sobriété énergétique',
    'performance énergétique', 'zéro déchet', 'compostage',
  ];

  it('seventeen terms of one sub-tag in one row: one suggestion carrying all seventeen, in reading order', () => {
    const objet = `Marché global : ${ENV.join(', ')}.`;
    expect(both(objet)).toEqual([`environnementale/Clause environnementale/${ENV.join(', ')}`]);
    // Read in the reverse order, the trigger follows the text.
    const reversed = [...ENV].reverse();
    expect(both('Marché global', `${reversed.join(' ; ')}.`)).toEqual([`environnementale/Clause environnementale/${reversed.join(', ')}`]);
  });

  it('the row after such a row still finds each of its terms', () => {
    both(`Marché global : ${ENV.join(', ')}.`);
    expect(both('Plateforme de compostage')).toEqual(['environnementale/Clause environnementale/compostage']);
    expect(both('Bâtiment HQE')).toEqual(['environnementale/Clause environnementale/HQE']);
  });
});
