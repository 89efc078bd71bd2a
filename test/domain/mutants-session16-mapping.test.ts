/**
 * Mutation audit of session 16 (mapping.ts, first Stryker run on it): rules of the header scale
 * (`regles.md` §1, the module comment of mapping.ts, README « Colonnes ») that no test pinned.
 * Expectations worked out by hand from those texts and the synonyms of `champs.md` / fields.ts.
 */
import { REGISTER_FIELDS, type FieldDef } from '../../src/domain/fields';
import { headerKey, mapHeaderRow, scoreHeader } from '../../src/domain/mapping';

const reg = (id: string): FieldDef => REGISTER_FIELDS.find((f) => f.id === id)!;
/** Score of a header for a register field, the header read as the product reads it. */
const score = (header: string, id: string) => scoreHeader(headerKey(header), reg(id));
/** The field a header maps to on its own in a register row, or null. */
function alone(header: string): string | null {
  const m = mapHeaderRow([header], REGISTER_FIELDS, 1);
  return m.columns.length === 1 ? m.columns[0].field : null;
}

describe('scale 0.95: the same meaningful words, small words ignored', () => {
  // « Clause verte » is a synonym of clauseEnvironnementale. With one small word more, the header
  // has the same meaningful words (module comment: « small words such as de, du, d, and HT, €,
  // total ignored »), so it scores 0.95, not 1 (its text is no synonym) nor a partial score.
  it.each([
    'a', 'au', 'aux', 'd', 'de', 'des', 'du', 'e', 'en', 'et', 'l', 'la', 'le', 'les', 'par', 'pour', 'sur', 'dans',
    'un', 'une', 'ou', 'of', 'the', 'HT', 'EUR', 'euro', 'euros', 'total', 'totale', 'totaux',
  ])('« Clause verte %s »: 0.95 for Clause environnementale', (w) => {
    expect(score(`Clause verte ${w}`, 'clauseEnvironnementale')).toBe(0.95);
  });
});

describe('scale 0.95: plurals and final e ignored', () => {
  it('« Montants notifiés HT » is « Montant notifié HT » in the plural: 0.95 for the montant', () => {
    // montants → montant (final s); notifiés → notifié → notifi (final s, then final e), as the
    // synonym « montant notifié HT » reads (notifié → notifi). Same words: 0.95, not a partial match.
    expect(score('Montants notifiés HT', 'montant')).toBe(0.95);
  });

  it('« Hors bordereaux » is « hors bordereau » in the plural (final x): 0.95 for Achats hors BPU', () => {
    expect(score('Hors bordereaux', 'montantHorsBPU')).toBe(0.95);
  });

  it('a word of four letters keeps its final e: « Montant payé » is not the Pays du titulaire', () => {
    // payé → paye (4 letters, kept whole); « pays » → pay. paye is neither pay nor an abbreviation
    // of it (pay has 3 letters), so no synonym of paysTitulaire appears in the header.
    expect(score('Montant payé', 'paysTitulaire')).toBe(0);
    expect(alone('Montant payé')).not.toBe('paysTitulaire');
  });
});

describe('abbreviations: a header word of 4 letters or more abbreviates a synonym word at most twice as long', () => {
  it('« Marché prog. » is the Marché programmé (module comment: `prog`)', () => {
    // prog (4 letters) abbreviates programm (programmé, 8 letters): « marché programmé » appears
    // whole in the header, which it explains wholly: 0.9, and no other field names « marché » alone.
    expect(score('Marché prog.', 'programme')).toBe(0.9);
    expect(alone('Marché prog.')).toBe('programme');
  });

  it('« Communication » is not the Commune du titulaire: commun is less than half of it', () => {
    // commune → commun (6 letters) against communication (13): 6 × 2 < 13, no abbreviation.
    expect(score('Communication', 'communeTitulaire')).toBe(0);
    expect(alone('Communication')).toBeNull();
  });

  it('« PA » (the code of Procédure adaptée) abbreviates nothing: not the Pays du titulaire', () => {
    // pa has 2 letters: too short to abbreviate pay (pays).
    expect(score('PA', 'paysTitulaire')).toBe(0);
    expect(alone('PA')).toBeNull();
  });
});

describe('regles §1: TTC bars a header from an HT amount only', () => {
  it('« Délai de paiement TTC » is still the Délai moyen de paiement (a number of days, no amount)', () => {
    // « a header containing ttc never maps to an HT amount »: delaiPaiement is a nombre, so the
    // synonym « délai de paiement », whole in the header, still names it (partly: ttc is left over).
    expect(score('Délai de paiement TTC', 'delaiPaiement')).toBeGreaterThanOrEqual(0.6);
    expect(alone('Délai de paiement TTC')).toBe('delaiPaiement');
  });
});

describe('README « Colonnes »: an identifier header takes a field that is an identifier itself', () => {
  it('« Identifiant SIRET » is the SIRET du titulaire', () => {
    // « Un en-tête qui nomme un identifiant (id, identifiant) ne va à un champ qui n'en est pas un
    // […] que s'il le nomme en entier »: the SIRET is an identifier (its synonym « id titulaire »),
    // so the synonym « SIRET », whole in the header, names it although « identifiant » is left over.
    expect(alone('Identifiant SIRET')).toBe('siret');
  });
});

describe('a number in a header is decoration (module comment: `Mandaté 2024`), a word mixing letters is not', () => {
  // « Roubaix » is in no field's name: an unknown word, the heaviest. A year weighs less, so
  // « Mandaté 2024 » is nearer to « mandaté » than « Mandaté Roubaix ». « T1 » and « 1er » are
  // words, not numbers: they weigh as « Roubaix » does.
  const mandate = (h: string) => score(h, 'montantMandate');
  it('« Mandaté 2024 » scores higher than « Mandaté Roubaix », both the Dépenses mandatées', () => {
    expect(mandate('Mandaté 2024')).toBeGreaterThan(mandate('Mandaté Roubaix'));
    expect([alone('Mandaté 2024'), alone('Mandaté Roubaix')]).toEqual(['montantMandate', 'montantMandate']);
  });
  it.each(['T1', '1er'])('« Mandaté %s » scores as « Mandaté Roubaix »', (w) => {
    expect(mandate(`Mandaté ${w}`)).toBe(mandate('Mandaté Roubaix'));
  });
});
