/**
 * Mutation audit of session 23 (axe1.ts, axe4.ts): formulas, choices and coverage of
 * `indicateurs.md` (Axes 1 and 4) and the README that no test pinned. Expectations worked out by hand.
 */
import { indicator, register, sheet, value } from './fixtures';

describe('4.1.2-consideration-sociale counts the social consideration only', () => {
  it('an environmental contract is in the denominator, not the numerator', () => {
    // `% #{M : sociale} / #M`: sociale, env only, neither → 1 / 3.
    const s = sheet(['clauseSociale', 'clauseEnvironnementale']);
    const reg = register([s.row({ clauseSociale: true }), s.row({ clauseEnvironnementale: true }), s.row({ clauseSociale: false })]);
    expect(value(reg, '4.1.2-consideration-sociale')).toBeCloseTo(100 / 3, 10);
  });
});

describe('4.2.2-residents-qpv uses the first filled qpv of each beneficiary', () => {
  it('a beneficiary first non then oui is not a QPV resident', () => {
    // « the first filled … qpv of that beneficiary, in sheet order, are used »: Ana non (then oui), Bob oui → 1.
    const c = sheet([]).row({ numero: 'QPV-1' });
    const reg = register([c], {
      suivi: [
        { numero: 'QPV-1', beneficiaire: 'Ana', qpv: false },
        { numero: 'QPV-1', beneficiaire: 'Ana', qpv: true },
        { numero: 'QPV-1', beneficiaire: 'Bob', qpv: true },
      ],
    });
    expect(value(reg, '4.2.2-residents-qpv')).toBe(1);
  });
});

describe('4.2.2-personnes: coverage', () => {
  it('a Suivi row without beneficiary is not « renseignée »', () => {
    // sortie.md: renseignees = rows « that took part with the needed field filled »; the field is
    // `beneficiaire` (« distinct beneficiaire »): 2 of the 3 rows name one.
    const c = sheet([]).row({ numero: 'P-1' });
    const reg = register([c], {
      suivi: [
        { numero: 'P-1', beneficiaire: 'Ana', typeContrat: 'CDI' },
        { numero: 'P-1', typeContrat: 'CDD' },
        { numero: 'P-1', beneficiaire: 'Bob', typeContrat: 'CDI' },
      ],
    });
    expect(indicator(reg, '4.2.2-personnes')).toMatchObject({ statut: 'calculé', valeur: 2, couverture: { renseignees: 2, total: 3 } });
  });
});

describe('1.1.2-avenants-ar: coverage of a need of two fields', () => {
  it('a row is « renseignée » when nbAvenants and a social or environmental field are both filled', () => {
    // README « Couverture » : « pour un indicateur qui demande plusieurs champs, une ligne est renseignée
    // quand chacun est rempli (pour « l'un ou l'autre », l'un des deux) ». Rows 1 and 4 have both; row 2
    // no social/env cell, row 3 no avenants → 2 / 4. Σ nbAvenants over AR (rows 1, 3) = 1 + 0 = 1.
    const s = sheet(['nbAvenants', 'clauseSociale', 'clauseEnvironnementale']);
    const reg = register([
      s.row({ nbAvenants: 1, clauseSociale: true }),
      s.row({ nbAvenants: 2 }),
      s.row({ clauseEnvironnementale: true }),
      s.row({ nbAvenants: 0, clauseSociale: false }),
    ]);
    expect(indicator(reg, '1.1.2-avenants-ar')).toMatchObject({ statut: 'calculé', valeur: 1, couverture: { renseignees: 2, total: 4 } });
  });
});

describe('4.2.2-heures: a followed contract takes its Suivi hours, even none', () => {
  it('a contract with Suivi rows whose hours are empty counts 0, not its own column', () => {
    // « a contract that has rows in a Suivi insertion sheet … counts the Σ heures of those rows; any
    // other contract counts its heuresInsertionRealisees »: H-1 followed, no hours → 0 (its 50 unused);
    // H-2 not followed → 20. Total 20.
    const s = sheet(['heuresInsertionRealisees']);
    const reg = register([s.row({ numero: 'H-1', heuresInsertionRealisees: 50 }), s.row({ numero: 'H-2', heuresInsertionRealisees: 20 })], {
      suivi: [{ numero: 'H-1', beneficiaire: 'Ana', typeContrat: 'CDI' }],
    });
    expect(indicator(reg, '4.2.2-heures')).toMatchObject({ statut: 'calculé', valeur: 20 });
  });
});

describe('4.2.2-femmes without any woman', () => {
  it('is 0 %, not non calculable, when every beneficiary with a sexe is H', () => {
    // « % of distinct beneficiaries with sexe F among those with sexe filled »: 0 / 2 = 0.
    const c = sheet([]).row({ numero: 'F-1' });
    const reg = register([c], { suivi: [{ numero: 'F-1', beneficiaire: 'Bob', sexe: 'H' }, { numero: 'F-1', beneficiaire: 'Cid', sexe: 'H' }] });
    expect(indicator(reg, '4.2.2-femmes')).toMatchObject({ statut: 'calculé', valeur: 0, repartition: { F: 0, H: 2 } });
  });
});

describe('1.1.2-dataviz reads no row', () => {
  it('its coverage is 0 of 0, whatever the number of charts', () => {
    // sortie.md: `couverture.total` is « the number of rows of the indicator's scope »; the charts
    // written are no rows of the register → 0 / 0.
    const reg = register([sheet([]).row()]);
    expect(indicator(reg, '1.1.2-dataviz', 2025, 3)).toMatchObject({ statut: 'calculé', valeur: 3, couverture: { renseignees: 0, total: 0 } });
  });
});

describe('1.2.1-personnes-formees when no participants count is filled', () => {
  it('is 0, calculé, with 0 formations renseignées', () => {
    // `Σ participants` over the Formation rows, needs « sheet Actions » only: an empty count adds 0.
    // README « Couverture »: renseignées = the formations whose participants count is filled (0) of
    // the formations of N (1), the indicator's scope [corrected in session 31: was of the actions of N (2)].
    const reg = register([sheet([]).row()], {
      actions: [
        { date: '2025-02-01', typeAction: 'Formation' },
        { date: '2025-03-01', typeAction: 'Atelier', participants: 12 },
      ],
    });
    expect(indicator(reg, '1.2.1-personnes-formees')).toMatchObject({ statut: 'calculé', valeur: 0, couverture: { renseignees: 0, total: 1 } });
  });
});

describe('3.1.1-criteres-env: an empty procedure is a consultation, not a gap in coverage', () => {
  it('a row is « renseignée » when its critère environnemental is filled, whatever its procedure', () => {
    // README « Couverture »: « sauf `procedure` pour les indicateurs des consultations … où une procédure
    // vide est une consultation »: rows 1 (procedure empty) and 2 have the critère; row 3 not → 2 / 3; value 1 / 3.
    const s = sheet(['procedure', 'critereEnvironnemental']);
    const reg = register([
      s.row({ critereEnvironnemental: true }),
      s.row({ procedure: 'Procédure adaptée', critereEnvironnemental: false }),
      s.row({ procedure: 'Procédure adaptée' }),
    ]);
    const r = indicator(reg, '3.1.1-criteres-env');
    expect(r).toMatchObject({ statut: 'calculé', couverture: { renseignees: 2, total: 3 } });
    expect(r.valeur).toBeCloseTo(100 / 3, 10);
  });
});
