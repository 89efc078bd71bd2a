import { declaredTags, suggestTags, tagRow, decisionKey } from '../../src/domain/tagging';

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
