/**
 * Mutation audit of session 14 (indicators: formulas.ts, axe1.ts, axe4.ts): rules of
 * `indicateurs.md` and of the README's *Cibles* choices that no test pinned.
 * Expectations worked out by hand from the spec.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';
import { indicator, register, sheet } from './indicators/fixtures';

describe('1.1.1-cibles-atteintes: `sens` starting with ≤, <, « au plus », « max » means at most (README, Cibles)', () => {
  // 2.1.3-sourcage is 2 (two contracts with sourçage); target 1: met when « at least », not when « at most ».
  const withSens = (sens: string) => {
    const s = sheet(['sourcage']);
    const reg = register([s.row({ sourcage: true }), s.row({ sourcage: true })], { cibles: [{ indicateur: '2.1.3-sourcage', annee: 2025, cible: 1, sens }] });
    return { global: indicator(reg, '1.1.1-cibles-atteintes').valeur, own: indicator(reg, '2.1.3-sourcage').cible };
  };

  it.each(['≤ 1', '<= 1', '< 2', 'au plus 1', 'Au plus', 'maximum', 'MAX'])('« %s »: at most, 2 > 1 is not met (0 %)', (sens) => {
    expect(withSens(sens)).toEqual({ global: 0, own: { valeur: 1, sens: '≤', atteinte: false } });
  });

  it.each(['≥', '>= 1', 'au moins', 'minimum'])('« %s »: at least, 2 ≥ 1 is met (100 %)', (sens) => {
    expect(withSens(sens)).toEqual({ global: 100, own: { valeur: 1, sens: '≥', atteinte: true } });
  });
});

describe('1.1.1-cibles-atteintes: a value equal to its target meets it, whatever its size', () => {
  // Sums in binary floating point: 100 000,10 + 200 000,20 ≠ 300 000,30 exactly, nor at tens of millions.
  it.each([
    ['2.2.4-gain-negociation', 'gainNegociation', 100000.1, 200000.2, 300000.3, '≤'],
    ['2.2.2-hors-bpu', 'montantHorsBPU', 10000000.1, 20000000.2, 30000000.3, '≥'],
  ] as const)('%s: %s %d + %d meets the target %d (%s)', (id, field, a, b, cible, sens) => {
    const s = sheet([field]);
    const reg = register([s.row({ [field]: a }), s.row({ [field]: b })], { cibles: [{ indicateur: id, annee: 2025, cible, sens }] });
    expect(indicator(reg, id).cible?.atteinte).toBe(true);
    expect(indicator(reg, '1.1.1-cibles-atteintes').valeur).toBe(100);
  });
});

describe('1.1.1-cibles-atteintes: a Cibles row of N without a target value is no target', () => {
  it('the first row of N with a `cible` is the target: 2 ≥ 1 met, 100 %, one target with a value', () => {
    const s = sheet(['sourcage']);
    const reg = register([s.row({ sourcage: true }), s.row({ sourcage: true })], {
      cibles: [
        { indicateur: '2.1.3-sourcage', annee: 2025 }, // no cible: skipped
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1, sens: '≥' },
      ],
    });
    expect(indicator(reg, '2.1.3-sourcage').cible).toEqual({ valeur: 1, sens: '≥', atteinte: true });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r.valeur).toBe(100);
    // The row without a value is no target: not in the coverage either.
    expect(r.couverture).toEqual({ renseignees: 1, total: 1 });
  });
});

describe('4.2.2-heures: empty hours add 0 and are not « renseignées »', () => {
  it('column only: 35 + empty = 35, one of two contracts filled', () => {
    const s = sheet(['heuresInsertionRealisees']);
    const r = indicator(register([s.row({ heuresInsertionRealisees: 35 }), s.row({})]), '4.2.2-heures');
    expect([r.valeur, r.couverture]).toEqual([35, { renseignees: 1, total: 2 }]);
  });

  it('a contract followed in Suivi insertion with no hours filled adds 0 and is not filled', () => {
    const s = sheet(['heuresInsertionRealisees']);
    const a = s.row({ numero: 'A-1' });
    const b = s.row({ numero: 'B-1', heuresInsertionRealisees: 35 });
    const reg = register([a, b], { suivi: [{ numero: 'A-1', beneficiaire: 'P1', typeContrat: 'CDD' }] });
    const r = indicator(reg, '4.2.2-heures');
    // Suivi rows, no heures → 0; B-1: its column, 35.
    expect([r.valeur, r.couverture]).toEqual([35, { renseignees: 1, total: 2 }]);
  });

  it('the note says how many contracts took their hours from each source', () => {
    const s = sheet(['heuresInsertionRealisees']);
    const reg = register([s.row({ numero: 'A-1' }), s.row({ heuresInsertionRealisees: 5 }), s.row({ heuresInsertionRealisees: 7 })], {
      suivi: [{ numero: 'A-1', beneficiaire: 'P1', heures: 10 }],
    });
    const r = indicator(reg, '4.2.2-heures');
    // 10 (Suivi, 1 contract) + 5 + 7 (column, 2 contracts) = 22.
    expect(r.valeur).toBe(22);
    expect(r.note).toBe("heures de la feuille Suivi insertion pour 1 marché, de la colonne « Heures d'insertion réalisées » pour 2 marchés");
    const onlySuivi = register([s.row({ numero: 'C-1' })], { suivi: [{ numero: 'C-1', beneficiaire: 'P2', heures: 4 }] });
    expect(indicator(onlySuivi, '4.2.2-heures').note).toBe('heures de la feuille Suivi insertion');
    const onlyColumn = register([s.row({ heuresInsertionRealisees: 3 })]);
    expect(indicator(onlyColumn, '4.2.2-heures').note).toBe("heures de la colonne « Heures d'insertion réalisées »");
  });
});

describe('4.2.2-femmes: % of distinct beneficiaries with sexe F among those with sexe filled', () => {
  it('P1 F (twice), P2 F, P3 H, P4 without sexe: 2 women of 3 = 66,67 %', () => {
    const s = sheet([]);
    const reg = register([s.row({ numero: 'A-1' })], {
      suivi: [
        { numero: 'A-1', beneficiaire: 'P1', sexe: 'F' },
        { numero: 'A-1', beneficiaire: 'p1 ', sexe: 'F' }, // the same beneficiary (trimmed, any case)
        { numero: 'A-1', beneficiaire: 'P2', sexe: 'F' },
        { numero: 'A-1', beneficiaire: 'P3', sexe: 'H' },
        { numero: 'A-1', beneficiaire: 'P4' },
      ],
    });
    const r = indicator(reg, '4.2.2-femmes');
    expect(r.valeur).toBeCloseTo(200 / 3, 10);
    expect(r.repartition).toEqual({ F: 2, H: 1 });
  });
});

describe('regles §5: the indicator sheet says which spend was used, for every formula over dep(r)', () => {
  // indicateurs.md: dep in these formulas; mt (montant) in 2.1.1-programmes-montant and 5.2.1-innovants-montant.
  const DEP = [
    '1.1.2-montant-ar', '2.1.2-hors-marche-montant', '2.1.2-sans-nomenclature-montant', '3.2.1-location', '3.2.1-achat-usage',
    '3.2.1-centrales', '4.2.1-insertion-montant', '4.2.3-montant-esat-siae-ess', '5.1.1-fournisseurs-zone',
    '5.1.1-montant-moyen-roubaix', '5.1.4-fournisseurs-typologie',
  ];
  const s = sheet(['montantMandate', 'horsMarche', 'codeNomenclature', 'clauseSociale', 'modeAcquisition', 'centraleAchat', 'marcheInsertion', 'structureTitulaire', 'titulaire', 'communeTitulaire', 'categorieEntreprise', 'programme', 'marcheInnovant']);
  const reg = register([
    s.row({ montant: 1000, montantMandate: 800, clauseSociale: true, modeAcquisition: 'Location', centraleAchat: true, marcheInsertion: true, structureTitulaire: 'ESAT', titulaire: 'Alpha', communeTitulaire: 'Roubaix', categorieEntreprise: 'PME', programme: true, marcheInnovant: true }),
    s.row({ montant: 500, clauseSociale: true, modeAcquisition: 'Achat', centraleAchat: true, marcheInsertion: true, structureTitulaire: 'SIAE', titulaire: 'Beta', communeTitulaire: 'Roubaix', categorieEntreprise: 'TPE' }),
  ]);

  it.each(DEP)('%s: one row mandated, one not — both named', (id) => {
    expect(indicator(reg, id).note).toBe('dépense : dépenses mandatées HT (€) pour 1 ligne, montant notifié HT (€) pour 1 ligne sans dépenses mandatées');
  });

  it.each(['2.1.1-programmes-montant', '5.2.1-innovants-montant'])('%s is over montant: no spend note', (id) => {
    expect(indicator(reg, id).note ?? '').not.toMatch(/^dépense/);
  });
});

describe('3.1.1-criteres-env: coverage counts the consultations with critereEnvironnemental filled', () => {
  it('critère filled on one of two consultations (procedure empty on one: still a consultation) → 1 of 2', () => {
    const s = sheet(['critereEnvironnemental', 'procedure']);
    const r = indicator(register([s.row({ critereEnvironnemental: true }), s.row({ procedure: 'Procédure adaptée' })]), '3.1.1-criteres-env');
    // 1 with a critère of 2 consultations = 50 %.
    expect([r.valeur, r.couverture]).toEqual([50, { renseignees: 1, total: 2 }]);
  });
});

describe('1.1.1-cibles-atteintes: a Cibles row without an indicator id is no target (README, Cibles)', () => {
  it('read from a workbook: the row is ignored, the other target (1 ≥ 1, met) gives 100 %', () => {
    const out = runChain(
      [
        {
          file: 'a.xlsx',
          state: null,
          sheets: [
            grid('Registre', [['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Sourçage'], ['M-1', 'Entretien', 1000, d('2025-03-01'), 'oui']]),
            grid('Cibles', [['Indicateur', 'Année', 'Cible', 'Sens'], [null, 2025, 5, '≥'], ['2.1.3-sourcage', 2025, 1, '≥']]),
          ],
        },
      ],
      { today: '2026-01-15' },
    );
    const r = out.result.indicateurs.find((i) => i.id === '1.1.1-cibles-atteintes');
    expect([r?.valeur, r?.couverture]).toEqual([100, { renseignees: 1, total: 1 }]);
  });
});


describe('4.2.2-heures: Suivi insertion present but following no contract of N, and no hours column', () => {
  it('non calculable, naming both (README)', () => {
    const s = sheet([]);
    const reg = register([s.row({ numero: 'A-1' })], { suivi: [{ numero: 'Z-9', beneficiaire: 'P1', heures: 10 }] });
    expect(indicator(reg, '4.2.2-heures').motif).toBe(
      "aucune ligne de la feuille Suivi insertion pour les marchés de l'exercice 2025 et colonne « Heures d'insertion réalisées » absente",
    );
  });
});
