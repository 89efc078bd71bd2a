/**
 * Spec audit (indicateurs.md, Axes 1 and 2): hand-computed values on small
 * fixtures for the formulas whose existing tests let a broken formula pass,
 * and each indicator's non calculable case(s).
 */
import { coverageText } from '../../../src/domain/change';
import { bilansAttendus } from '../../../src/domain/indicators/formulas';
import { indicator, register, sheet, value } from './fixtures';

describe('Axe 1', () => {
  it('1.1.2-avenants-ar sums nbAvenants over AR contracts of M only', () => {
    const s = sheet(['clauseEnvironnementale', 'horsMarche', 'nbAvenants']);
    const reg = register([
      s.row({ clauseEnvironnementale: true, nbAvenants: 3 }), // AR contract: 3
      s.row({ clauseEnvironnementale: true }), // AR contract, empty: 0
      s.row({ nbAvenants: 7 }), // not AR
      s.row({ horsMarche: true, clauseEnvironnementale: true, nbAvenants: 4 }), // AR order: not a contract
    ]);
    // 3 + 0 = 3.
    expect(value(reg, '1.1.2-avenants-ar')).toBe(3);
  });

  it('1.1.2-montant-ar is non calculable with no row of N', () => {
    const s = sheet(['clauseSociale']);
    expect(indicator(register([s.row({ annee: 2024, clauseSociale: true })]), '1.1.2-montant-ar').motif).toBe("aucun marché pour l'exercice 2025");
  });

  it('1.1.1-cibles-atteintes is non calculable when no target of N bears on an indicator with a value', () => {
    const s = sheet(['sourcage']);
    const reg = register([s.row({ sourcage: true })], {
      cibles: [
        { indicateur: '2.1.4-cout-global', annee: 2025, cible: 1 }, // column absent: no value
        { indicateur: '2.1.3-sourcage', annee: 2024, cible: 1 }, // other year
      ],
    });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r.statut).toBe('non calculable');
    expect(r.valeur).toBeNull();
    expect(r.motif).toBe("aucune cible de l'exercice 2025 portant sur un indicateur calculé ou saisi");
    expect(r.couverture).toEqual({ renseignees: 0, total: 1 });
  });

  it('1.1.1-cibles-atteintes: a saisi value counts, a breakdown does not, ≤ met on equality', () => {
    const s = sheet(['negociation', 'titulaire', 'communeTitulaire']);
    const reg = register([s.row({ negociation: true, titulaire: 'A', communeTitulaire: 'Roubaix' }), s.row({ negociation: true })], {
      cibles: [
        { indicateur: '2.2.4-dossiers-negocies', annee: 2025, cible: 2, sens: '≤' }, // 2 ≤ 2: met
        { indicateur: '3.2.1-mobilier-reemploye', annee: 2025, cible: 50 }, // saisi 40 < 50: not met
        { indicateur: '5.1.1-fournisseurs-zone', annee: 2025, cible: 10 }, // breakdown: left out
      ],
      saisies: [{ indicateur: '3.2.1-mobilier-reemploye', annee: 2025, valeur: 40 }],
    });
    // 1 met of 2 with a single value = 50 %.
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(r.valeur).toBe(50);
    expect(r.couverture).toEqual({ renseignees: 2, total: 3 });
  });

  it('1.1.1-cibles-atteintes: its coverage counts the targets it judges, not the rows set aside', () => {
    const s = sheet(['sourcage']);
    const reg = register([s.row({ sourcage: true })], {
      cibles: [
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1 }, // the target: 1 ≥ 1, met
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 5 }, // second target of N: set aside
        { indicateur: '9.9.9-inconnu', annee: 2025, cible: 3 }, // unknown id: set aside
        { indicateur: '1.1.1-cibles-atteintes', annee: 2025, cible: 80 }, // its own target: shown, not judged by itself
        { indicateur: '2.1.4-cout-global', annee: 2025 }, // no target value: no target
        { indicateur: '2.1.4-cout-global', annee: 2024, cible: 2 }, // other year
        { indicateur: '2.2.4-dossiers-negocies', annee: 2025, cible: 1 }, // column absent: a target without a value
      ],
    });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    // Two targets judged (2.1.3, 2.2.4); one has a value and meets it: 100 %, 1 of 2.
    expect(r.valeur).toBe(100);
    expect(r.couverture).toEqual({ renseignees: 1, total: 2 });
    expect(r.cible).toEqual({ valeur: 80, sens: '≥', atteinte: true });
  });

  it.each(['1.2.1-formations', '1.2.1-personnes-formees', '1.2.1-ateliers-evenements'])(
    '%s: non calculable without the Actions sheet, or without an action of N',
    (id) => {
      const s = sheet([]);
      const none = indicator(register([s.row()]), id);
      expect(none).toMatchObject({ statut: 'non calculable', valeur: null, motif: 'feuille Actions SPASER absente' });
      const old = indicator(register([s.row()], { actions: [{ date: '2024-12-31', typeAction: 'Atelier', participants: 3 }] }), id);
      expect(old).toMatchObject({ statut: 'non calculable', valeur: null, motif: "aucune action de l'exercice 2025 dans la feuille Actions SPASER" });
    },
  );

  it('1.2.1 counts Actions rows dated in N (first and last day included)', () => {
    const s = sheet([]);
    const reg = register([s.row()], {
      actions: [
        { date: '2025-01-01', typeAction: 'Formation', participants: 5 },
        { date: '2025-12-31', typeAction: 'Formation', participants: 7 },
        { date: '2026-01-01', typeAction: 'Formation', participants: 100 },
        { date: '2025-06-01', typeAction: 'Événement' },
        { date: '2025-06-02', typeAction: 'COTECH', participants: 9 },
      ],
    });
    expect(value(reg, '1.2.1-formations')).toBe(2);
    // 5 + 7 (the COTECH's 9 is not a formation).
    expect(value(reg, '1.2.1-personnes-formees')).toBe(12);
    expect(value(reg, '1.2.1-ateliers-evenements')).toBe(1);
  });
});

describe('Axe 2 — 2.1.1 and 2.1.2', () => {
  it('2.1.1-programmes-montant: Σ mt of programmed contracts over Σ mt of M (orders and mandated spend left out)', () => {
    const s = sheet(['programme', 'horsMarche', 'montantMandate']);
    const reg = register([
      s.row({ programme: true, montant: 1000, montantMandate: 10 }), // mt 1000
      s.row({ programme: false, montant: 3000 }),
      s.row({ horsMarche: true, programme: true, montant: 6000 }), // order: out
    ]);
    // 1000 / 4000 = 25 %.
    expect(value(reg, '2.1.1-programmes-montant')).toBe(25);
    expect(value(reg, '2.1.1-programmes-nb')).toBe(50);
  });

  it('2.1.1-programmes-montant is non calculable when Σ mt is 0', () => {
    const s = sheet(['programme']);
    expect(indicator(register([s.row({ programme: true, montant: 0 })]), '2.1.1-programmes-montant')).toMatchObject({
      statut: 'non calculable',
      motif: 'dénominateur nul',
    });
  });

  it('2.1.1-prolongations-recurrents sums over recurrent contracts of M only', () => {
    const s = sheet(['recurrent', 'nbAvenantsProlongation', 'horsMarche']);
    const reg = register([
      s.row({ recurrent: true, nbAvenantsProlongation: 1 }),
      s.row({ recurrent: true, nbAvenantsProlongation: 2 }),
      s.row({ horsMarche: true, recurrent: true, nbAvenantsProlongation: 8 }), // order: out
    ]);
    expect(value(reg, '2.1.1-prolongations-recurrents')).toBe(3);
  });

  it('2.1.2-hors-marche-nb and -montant: H over R, by rows and by spend', () => {
    const s = sheet(['horsMarche', 'montantMandate']);
    const reg = register([
      s.row({ horsMarche: true, montant: 900, montantMandate: 100 }), // H, dep 100
      s.row({ horsMarche: false, montant: 300 }), // dep 300
      s.row({ horsMarche: false, montant: 600 }), // dep 600
    ]);
    // 1 / 3 rows; 100 / 1000 of spend.
    expect(value(reg, '2.1.2-hors-marche-nb')).toBeCloseTo(100 / 3, 10);
    expect(value(reg, '2.1.2-hors-marche-montant')).toBeCloseTo(10, 10);
  });

  it('2.1.2-sans-nomenclature-nb and -montant count the empty codes of R, orders included', () => {
    const s = sheet(['codeNomenclature', 'horsMarche']);
    const reg = register([
      s.row({ horsMarche: true, montant: 100 }), // order without code
      s.row({ codeNomenclature: 'F1', montant: 200 }),
      s.row({ codeNomenclature: 'F2', montant: 300 }),
      s.row({ codeNomenclature: 'F3', montant: 400 }),
    ]);
    // 1 / 4 rows = 25 %; 100 / 1000 = 10 %.
    expect(value(reg, '2.1.2-sans-nomenclature-nb')).toBe(25);
    expect(value(reg, '2.1.2-sans-nomenclature-montant')).toBe(10);
  });

  it('2.1.2 shares of spend are non calculable when Σ dep is 0', () => {
    const s = sheet(['codeNomenclature']);
    expect(indicator(register([s.row({ montant: 0 })]), '2.1.2-sans-nomenclature-montant').motif).toBe('dénominateur nul');
  });
});

describe('Axe 2 — 2.1.5 supplier relationship', () => {
  it('attendus uses ⌈dureeMois / 2⌉ for the half-way point', () => {
    const s = sheet(['dureeMois']);
    // 2025-07-15 + 11 = 2026-06-15 > 31/12/2025; + ⌈5.5⌉ = 6 → 2026-01-15 > → 0 (⌊5.5⌋ would give 2025-12-15 → 1).
    expect(bilansAttendus(s.row({ dateNotification: '2025-07-15', dureeMois: 11 }), 2025)).toBe(0);
    // 2025-06-15 + 13 > ; + ⌈6.5⌉ = 7 → 2026-01-15 > → 0.
    expect(bilansAttendus(s.row({ dateNotification: '2025-06-15', dureeMois: 13 }), 2025)).toBe(0);
    // 2025-06-15 + ⌈5.5⌉ = 6 → 2025-12-15 ≤ → 1.
    expect(bilansAttendus(s.row({ dateNotification: '2025-06-15', dureeMois: 11 }), 2025)).toBe(1);
  });

  it('2.1.5-relation-fournisseur: an odd duration reaching mid-term in January N+1 expects no bilan', () => {
    const s = sheet(['dureeMois', 'reunionCadrage', 'nbBilans']);
    const reg = register([
      s.row({ dateNotification: '2025-07-15', dureeMois: 11, reunionCadrage: true }), // attendus 0, bilans 0 → ok
      s.row({ dateNotification: '2025-01-10', dureeMois: 6, reunionCadrage: true, nbBilans: 1 }), // ends 2025-07-10 → 2 expected, 1 → no
    ]);
    // 1 / 2 = 50 %.
    expect(value(reg, '2.1.5-relation-fournisseur')).toBe(50);
  });

  it('2.1.5-relation-fournisseur of N−1 compares with 31/12/N−1', () => {
    const s = sheet(['dureeMois', 'reunionCadrage', 'nbBilans']);
    const reg = register([
      // 2024: 2024-09-10 + 12 = 2025-09-10 > 31/12/2024; + 6 = 2025-03-10 > → 0 expected → met (100 %).
      // (Against 31/12/2025 it would expect 2 and fail.)
      s.row({ dateNotification: '2024-09-10', dureeMois: 12, reunionCadrage: true }),
      s.row({ dateNotification: '2025-02-01', dureeMois: 1, reunionCadrage: true, nbBilans: 2 }), // 2025: 2 expected, 2 → met
    ]);
    expect(indicator(reg, '2.1.5-relation-fournisseur')).toMatchObject({ valeur: 100, n1: 100 });
  });

  it('2.1.5-relation-fournisseur and -reunions count contracts of M only', () => {
    const s = sheet(['dureeMois', 'reunionCadrage', 'nbBilans', 'horsMarche']);
    const reg = register([
      s.row({ reunionCadrage: true, nbBilans: 1 }), // no duration: 0 expected → ok
      s.row({ reunionCadrage: false, nbBilans: 2 }), // no kick-off → no
      s.row({ horsMarche: true, reunionCadrage: false, nbBilans: 5 }), // order: out of both
    ]);
    // 1 / 2 = 50 %; reunions 1 kick-off + 1 + 2 bilans = 4.
    expect(value(reg, '2.1.5-relation-fournisseur')).toBe(50);
    expect(value(reg, '2.1.5-reunions')).toBe(4);
  });
});

describe('Axe 2 — 2.2', () => {
  it('2.2.2-hors-bpu sums over R, orders included', () => {
    const s = sheet(['montantHorsBPU', 'horsMarche']);
    expect(value(register([s.row({ montantHorsBPU: 70 }), s.row({ horsMarche: true, montantHorsBPU: 30 })]), '2.2.2-hors-bpu')).toBe(100);
  });

  it('2.2.3-soumissionnaires is non calculable when no consultation has offers filled', () => {
    const s = sheet(['offresRecues', 'procedure']);
    expect(indicator(register([s.row({ procedure: 'Procédure adaptée' })]), '2.2.3-soumissionnaires')).toMatchObject({
      statut: 'non calculable',
      motif: 'aucune valeur renseignée',
      couverture: { renseignees: 0, total: 1 },
    });
  });

  it('2.2.4-gain-negociation sums the gains of every contract, negotiated or not', () => {
    const s = sheet(['negociation', 'gainNegociation']);
    // Σ_M gainNegociation: 100 + 25 (its negotiation cell says non: a warning, still summed).
    expect(value(register([s.row({ negociation: true, gainNegociation: 100 }), s.row({ negociation: false, gainNegociation: 25 })]), '2.2.4-gain-negociation')).toBe(125);
  });

  it('2.2.5-offre-technique-amelioree counts negotiated contracts of M only', () => {
    const s = sheet(['negociation', 'offreTechAmelioree', 'horsMarche']);
    const reg = register([
      s.row({ negociation: true, offreTechAmelioree: true }),
      s.row({ horsMarche: true, negociation: true, offreTechAmelioree: false }), // order: out
    ]);
    // 1 / 1 = 100 %.
    expect(value(reg, '2.2.5-offre-technique-amelioree')).toBe(100);
  });
});

describe('1.1.1-cibles-atteintes: its coverage is worded in targets, on the pane and the command line', () => {
  it('« 1 cible jugée sur 2 », where another indicator says « lignes renseignées »', () => {
    const s = sheet(['sourcage']);
    const reg = register([s.row({ sourcage: true })], {
      cibles: [
        { indicateur: '2.1.3-sourcage', annee: 2025, cible: 1 },
        { indicateur: '2.2.4-dossiers-negocies', annee: 2025, cible: 1 }, // column absent: not judged
      ],
    });
    const r = indicator(reg, '1.1.1-cibles-atteintes');
    expect(coverageText(r)?.replace(/\u00a0/g, ' ')).toBe('1 cible jugée sur 2');
    expect(coverageText({ ...r, id: '2.1.3-sourcage' })?.replace(/\u00a0/g, ' ')).toBe('1 ligne renseignée sur 2');
  });
});
