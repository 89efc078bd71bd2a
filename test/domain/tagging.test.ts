import fc from 'fast-check';
import type { RegisterValues } from '../../src/domain/fields';
import { declaredTags, decisionKey, lexiconTermsIn, mayHoldTerm, SUGGESTION_LEXICON, suggestTags, suggestTagsByWords, tagRow } from '../../src/domain/tagging';

const sug = (objet?: string, commentaires?: string) => suggestTags(objet, commentaires).map((s) => `${s.consideration}/${s.etiquette}/${s.declencheur}`);

describe('suggestions from the wording (regles §4)', () => {
  test.each([
    ["Fourniture de papier recyclé pour les écoles", 'environnementale/Clause environnementale/recyclé'],
    ['ACHAT DE VEHICULES ELECTRIQUES', 'environnementale/Clause environnementale/véhicule électrique'],
    ['Denrées issues de l’agriculture biologique et en circuit court', 'environnementale/Clause environnementale/agriculture biologique, circuit court'],
    ["Travaux avec clause d'insertion", "sociale/Clause sociale/clause d'insertion"],
    ['Entretien des espaces verts par un ESAT', 'sociale/Marché réservé/ESAT'],
    ["Chantier d'insertion rue de Lannoy", "sociale/Marché d'insertion/chantier d'insertion"],
    ["Partenariat d'innovation pour l'éclairage public", "innovation/Marché innovant/partenariat d'innovation"],
    ['Expérimentation de capteurs', 'innovation/Marché innovant/expérimentation'],
    ['Analyse avec critère environnemental renforcé', 'environnementale/Critère environnemental/critère environnemental'],
  ])('%s', (objet, expected) => {
    expect(sug(objet)).toEqual([expected]);
  });

  test('commentaires are read too, accents and case ignored', () => {
    expect(sug('Nettoyage des locaux', 'Prestataire : STRUCTURE D INSERTION')).toEqual(["sociale/Marché réservé/structure d'insertion"]);
  });

  test.each(['Travaux sans clause sociale', 'Marché sans aucune clause sociale', 'Pas de critère environnemental', 'Aucune clause sociale ni environnementale', 'Fournitures non recyclées'])(
    'negations do not trigger: %s',
    (objet) => {
      expect(sug(objet)).toEqual([]);
    },
  );

  test('words inside other words do not trigger', () => {
    expect(sug('Assistance à maîtrise d’ouvrage (process, essais)')).toEqual([]);
    expect(sug('Achat de prototypes')).toEqual(['innovation/Marché innovant/prototype']);
  });

  test('several sub-tags from one text, one suggestion per sub-tag', () => {
    expect(sug('Mobilier de réemploi et recyclé, posé par une entreprise adaptée')).toEqual([
      'sociale/Marché réservé/entreprise adaptée',
      'environnementale/Clause environnementale/réemploi, recyclé',
    ]);
  });
});

describe('tag decisions', () => {
  const values = { numero: '2025-010', objet: "Partenariat d'innovation" };
  const key = decisionKey('2025-010', 'innovation', 'Marché innovant');

  test('an undecided suggestion is shown as suggéré, pending, and not counted', () => {
    const t = tagRow(values, new Map());
    expect(t.tags).toEqual([{ consideration: 'innovation', etiquette: 'Marché innovant', origine: 'suggéré', declencheur: "partenariat d'innovation" }]);
    expect(t.pending).toHaveLength(1);
    expect(t.innovation).toBe(false);
  });

  test('a confirmed suggestion counts; a rejected one disappears', () => {
    const confirmed = tagRow(values, new Map([[key, 'confirmée' as const]]));
    expect(confirmed.innovation).toBe(true);
    expect(confirmed.tags[0].origine).toBe('confirmé');
    expect(confirmed.pending).toEqual([]);
    const rejected = tagRow(values, new Map([[key, 'rejetée' as const]]));
    expect(rejected.tags).toEqual([]);
    expect(rejected.innovation).toBe(false);
  });

  test('decisions are keyed by numero with case and spaces ignored', () => {
    expect(decisionKey(' 2025 - 010', 'innovation', 'x')).toBe(decisionKey('2025-010', 'innovation', 'x'));
    // Same comparison as doublon: non-breaking spaces too.
    expect(decisionKey('2025\u00a0010', 'innovation', 'x')).toBe(decisionKey('2025010', 'innovation', 'x'));
  });

  test('a sub-tag declared in a column is not suggested again', () => {
    const t = tagRow({ ...values, marcheInnovant: true }, new Map());
    expect(t.tags.map((x) => x.origine)).toEqual(['déclaré']);
    expect(t.pending).toEqual([]);
  });

  test('declared tags follow the columns', () => {
    expect(declaredTags({ marcheReserve: 'Non', clauseSociale: false })).toEqual([]);
    expect(declaredTags({ marcheReserve: 'ESS' }).map((t) => t.etiquette)).toEqual(['Marché réservé']);
  });
});

describe('mayHoldTerm, the prefilter of the suggestions', () => {
  /** Ways a buyer may type each letter: case, accents, decomposed accents, letters beyond Latin-1. */
  const VARIANTS: Record<string, readonly string[]> = {
    a: ['a', 'A', 'à', 'â', 'ä', 'À', 'Â', 'a\u0300', 'Å', '\u212b'],
    e: ['e', 'E', 'é', 'è', 'ê', 'ë', 'É', 'È', 'Ê', 'e\u0301', 'E\u0301', '\u1ebd'],
    i: ['i', 'I', 'î', 'ï', 'Î', '\u0130'],
    o: ['o', 'O', 'ô', 'ö', 'Ô'],
    u: ['u', 'U', 'ù', 'û', 'ü'],
    c: ['c', 'C', 'ç', 'Ç'],
    s: ['s', 'S'],
    k: ['k', 'K', '\u212a'],
    "'": ["'", '’', ' ', '`'],
    ' ': [' ', '  ', '\u00a0', '\n', ' - '],
  };
  const terms = SUGGESTION_LEXICON.flatMap((e) => e.terms);
  const typedTerm = fc
    .tuple(fc.constantFrom(...terms), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), fc.constantFrom('', 's', 'e', 'es', 'x'))
    .map(([term, picks, ending]) => {
      const spelled = [...term].map((ch, i) => {
        const v = VARIANTS[ch.toLowerCase()] ?? [ch, ch.toUpperCase()];
        return v[picks[i] % v.length];
      });
      // `ss` typed as `ß`, `oe` as `œ` sometimes: the prefilter reads them as the words do.
      return (spelled.join('') + ending).replace(/ss/g, picks[39] % 2 ? 'ß' : 'ss');
    });
  const filler = fc.oneof(
    fc.constantFrom('sans', 'pas de', 'aucune', 'Fourniture', 'de', 'lot 3', '(réf. 12)', 'œuvre', '—', ',', '.', ':', '«', '»', 'ESSAIS', 'éco-label'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  const text = fc.array(fc.oneof(typedTerm, filler), { maxLength: 8 }).chain((parts) =>
    fc.array(fc.constantFrom(' ', '', ', ', '’', '-', '\u00a0', '('), { minLength: parts.length, maxLength: parts.length }).map((seps) =>
      parts.map((p, i) => seps[i] + p).join(''),
    ),
  );

  test('lets through every text where the matcher reads a term, negated or not', () => {
    fc.assert(
      fc.property(text, (t) => {
        if (lexiconTermsIn(t).length > 0) expect(mayHoldTerm(t)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  test('the generated texts do hold terms (the property above is not vacuous)', () => {
    let withTerms = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (lexiconTermsIn(t).length > 0) withTerms++;
      }),
      { numRuns: 500, seed: 42 },
    );
    expect(withTerms).toBeGreaterThan(100);
  });

  test('rejects texts with no lexicon word, so that most rows skip the matcher', () => {
    expect(mayHoldTerm('Fourniture de mobilier de bureau — école Jules Ferry, lot 1 (réf. 1)')).toBe(false);
    expect(mayHoldTerm('Assistance à maîtrise d’ouvrage (process, essais)')).toBe(false);
    expect(mayHoldTerm('Travaux sans clause sociale')).toBe(true);
    expect(lexiconTermsIn('Travaux sans clause sociale')).toEqual(['clause sociale']);
    expect(suggestTags('Travaux sans clause sociale', undefined)).toEqual([]);
  });
});

describe('the fast path of the suggestions', () => {
  const terms = SUGGESTION_LEXICON.flatMap((e) => e.terms);
  const cased = fc.tuple(fc.constantFrom(...terms), fc.nat()).map(([term, pick]) => {
    const spellings = [term, term.toUpperCase(), term.normalize('NFD'), term.replace(/'/g, '’'), term.replace(/e\b/g, 'es'), term.replace(/ss/g, 'ß'), term.replace(/oe/g, 'œ'), term.replace(/al\b/g, 'aux')];
    return spellings[pick % spellings.length];
  });
  const filler = fc.oneof(
    fc.constantFrom('sans', 'pas de', 'aucune', 'ni', 'hors', 'non', 'de', 'lot 3', '(réf. 12)', 'œuvre', '—', ',', 'ESSAIS', 'éco-label', 'critère', 'clause', 'marché'),
    fc.string({ unit: 'binary', maxLength: 8 }),
  );
  const text = fc.array(fc.oneof(cased, filler), { maxLength: 10 }).map((parts) => parts.join(' '));
  const optional = fc.option(text, { nil: undefined });

  test('suggests exactly what the plain reading suggests, in the same order', () => {
    fc.assert(
      fc.property(optional, optional, (objet, commentaires) => {
        expect(suggestTags(objet, commentaires)).toEqual(suggestTagsByWords(objet, commentaires));
      }),
      { numRuns: 4000 },
    );
  });

  test('tagRow: declared tags as the rules say, then the plain suggestions not declared', () => {
    const values = fc.record(
      {
        objet: optional,
        commentaires: optional,
        clauseSociale: fc.boolean(),
        critereSocial: fc.boolean(),
        marcheReserve: fc.constantFrom(undefined, 'Non', 'ESS', 'ESAT'),
        marcheInsertion: fc.boolean(),
        clauseEnvironnementale: fc.boolean(),
        critereEnvironnemental: fc.boolean(),
        marcheInnovant: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, (v) => {
        const declared = declaredTags(v as RegisterValues);
        const suggested = suggestTagsByWords(v.objet, v.commentaires).filter((s) => !declared.some((t) => t.etiquette === s.etiquette));
        const t = tagRow(v as RegisterValues, new Map());
        expect(t.tags).toEqual([...declared, ...suggested.map((s) => ({ consideration: s.consideration, etiquette: s.etiquette, origine: 'suggéré', declencheur: s.declencheur }))]);
        expect(t.pending).toEqual(suggested);
        expect([t.sociale, t.environnementale, t.innovation]).toEqual(['sociale', 'environnementale', 'innovation'].map((c) => declared.some((d) => d.consideration === c)));
      }),
      { numRuns: 3000 },
    );
  });

  test('rows with the same lone suggestion share a frozen result; a decision still applies to each row', () => {
    const a = tagRow({ numero: '1', objet: 'Papier recyclé' }, new Map());
    const b = tagRow({ numero: '2', objet: 'Cartons recyclés' }, new Map());
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.tags) && Object.isFrozen(a.pending)).toBe(true);
    const confirmed = tagRow({ numero: '2', objet: 'Cartons recyclés' }, new Map([[decisionKey('2', 'environnementale', 'Clause environnementale'), 'confirmée' as const]]));
    expect(confirmed.tags[0].origine).toBe('confirmé');
    expect(confirmed.environnementale).toBe(true);
    expect(a.tags[0].origine).toBe('suggéré');
  });

  test('two terms of one sub-tag across objet and commentaires: one suggestion, terms in reading order', () => {
    expect(sug('Mobilier recyclé', 'Réemploi et mobilier recyclé')).toEqual(['environnementale/Clause environnementale/recyclé, réemploi']);
  });
});
