/**
 * Spec audit (indicateurs.md, Axes 3 to 5): hand-computed values on small
 * fixtures for the formulas whose existing tests let a broken formula pass,
 * and each indicator's non calculable case(s).
 */
import { PROCEDURE_SANS_PUBLICITE } from '../../../src/domain/fields';
import type { IndicatorResult } from '../../../src/domain/model';
import { indicator, register, sheet, value } from './fixtures';

type Shares = Record<string, { fournisseurs: number; depense: number }>;
const shares = (r: IndicatorResult): Shares => r.repartition as Shares;

describe('Axe 3', () => {
  it('3.1.1-consideration-env counts contracts of M only', () => {
    const s = sheet(['clauseEnvironnementale', 'horsMarche']);
    const reg = register([s.row({ clauseEnvironnementale: true }), s.row({}), s.row({ horsMarche: true, clauseEnvironnementale: true })]);
    // 1 / 2 contracts = 50 % (the order is not a contract).
    expect(value(reg, '3.1.1-consideration-env')).toBe(50);
  });

  it('3.1.1-criteres-env counts the criterion only, not an environmental clause', () => {
    const s = sheet(['procedure', 'critereEnvironnemental', 'clauseEnvironnementale']);
    const reg = register([
      s.row({ procedure: 'Procédure adaptée', critereEnvironnemental: true }),
      s.row({ procedure: 'Procédure adaptée', clauseEnvironnementale: true }), // a clause, no criterion
      s.row({ procedure: 'Procédure adaptée' }),
      s.row({ procedure: 'Procédure adaptée' }),
    ]);
    // 1 / 4 consultations = 25 %.
    expect(value(reg, '3.1.1-criteres-env')).toBe(25);
  });

  it('3.1.1-clauses-env counts the clause only, over contracts of M', () => {
    const s = sheet(['critereEnvironnemental', 'clauseEnvironnementale', 'horsMarche']);
    const reg = register([
      s.row({ clauseEnvironnementale: true }),
      s.row({ critereEnvironnemental: true }), // a criterion, no clause
      s.row({}),
      s.row({}),
      s.row({ horsMarche: true, clauseEnvironnementale: true }), // order: out
    ]);
    // 1 / 4 contracts = 25 %.
    expect(value(reg, '3.1.1-clauses-env')).toBe(25);
  });

  it('3.1.1-reutilisation sums over R, orders included', () => {
    const s = sheet(['montantReutilisation', 'horsMarche']);
    expect(value(register([s.row({ montantReutilisation: 12 }), s.row({ horsMarche: true, montantReutilisation: 8 }), s.row({})]), '3.1.1-reutilisation')).toBe(20);
  });

  describe('3.2.1 acquisition modes over R (orders included)', () => {
    const s = sheet(['modeAcquisition', 'centraleAchat', 'horsMarche']);
    const reg = register([
      s.row({ modeAcquisition: 'Achat', montant: 600 }),
      s.row({ horsMarche: true, modeAcquisition: 'Location', montant: 200, centraleAchat: true }), // order
      s.row({ modeAcquisition: "Achat d'usage", montant: 200 }),
      s.row({ horsMarche: true, modeAcquisition: "Achat d'usage", montant: 1000, centraleAchat: true }), // order
    ]);

    it('3.2.1-location = Σ Location / Σ (Achat + Location)', () => {
      // 200 / (600 + 200) = 25 %.
      expect(value(reg, '3.2.1-location')).toBe(25);
    });

    it("3.2.1-achat-usage = Σ Achat d'usage / Σ filled modes", () => {
      // (200 + 1000) / 2000 = 60 %.
      expect(value(reg, '3.2.1-achat-usage')).toBe(60);
    });

    it('3.2.1-centrales = Σ dep of rows bought through a central purchasing body', () => {
      // 200 + 1000.
      expect(value(reg, '3.2.1-centrales')).toBe(1200);
    });
  });

  it('3.2.1-location and -achat-usage: an empty denominator is non calculable', () => {
    const s = sheet(['modeAcquisition']);
    // Only usage purchases: no Achat or Location.
    expect(indicator(register([s.row({ modeAcquisition: "Achat d'usage" })]), '3.2.1-location')).toMatchObject({
      statut: 'non calculable',
      valeur: null,
      motif: 'dénominateur nul',
    });
    // No mode filled at all.
    expect(indicator(register([s.row({})]), '3.2.1-achat-usage')).toMatchObject({ statut: 'non calculable', motif: 'dénominateur nul' });
  });
});

describe('Axe 4', () => {
  it('4.1.2-consideration-sociale counts contracts of M only', () => {
    const s = sheet(['clauseSociale', 'horsMarche']);
    const reg = register([s.row({ clauseSociale: true }), s.row({}), s.row({}), s.row({ horsMarche: true, clauseSociale: true })]);
    // 1 / 3 contracts.
    expect(value(reg, '4.1.2-consideration-sociale')).toBeCloseTo(100 / 3, 10);
  });

  it('4.2.1 counts marcheInsertion only, over contracts of M', () => {
    const s = sheet(['marcheInsertion', 'clauseSociale', 'horsMarche']);
    const reg = register([
      s.row({ marcheInsertion: true, montant: 500 }),
      s.row({ clauseSociale: true, montant: 700 }), // social, not an insertion contract
      s.row({ horsMarche: true, marcheInsertion: true, montant: 900 }), // order: out
    ]);
    expect(value(reg, '4.2.1-insertion-nb')).toBe(1);
    expect(value(reg, '4.2.1-insertion-montant')).toBe(500);
  });

  it('4.2.2-clause-sociale-nb and -part count the clause only, over contracts of M', () => {
    const s = sheet(['clauseSociale', 'critereSocial', 'horsMarche']);
    const reg = register([
      s.row({ clauseSociale: true }),
      s.row({ critereSocial: true }), // a criterion, no clause
      s.row({}),
      s.row({}),
      s.row({ horsMarche: true, clauseSociale: true }), // order: out
    ]);
    expect(value(reg, '4.2.2-clause-sociale-nb')).toBe(1);
    // 1 / 4 contracts.
    expect(value(reg, '4.2.2-clause-sociale-part')).toBe(25);
  });

  it('4.2.3-reserves counts contracts of M only', () => {
    const s = sheet(['marcheReserve', 'horsMarche']);
    expect(value(register([s.row({ marcheReserve: 'ESS' }), s.row({ horsMarche: true, marcheReserve: 'SIAE' })]), '4.2.3-reserves')).toBe(1);
  });

  it('4.2.3-montant-esat-siae-ess sums the spend (mandated amount first)', () => {
    const s = sheet(['structureTitulaire', 'montantMandate']);
    const reg = register([
      s.row({ structureTitulaire: 'ESAT', montant: 1000, montantMandate: 250 }), // dep 250
      s.row({ structureTitulaire: 'SIAE', montant: 80 }), // dep 80
      s.row({ structureTitulaire: 'Autre', montant: 5000, montantMandate: 4000 }),
    ]);
    expect(value(reg, '4.2.3-montant-esat-siae-ess')).toBe(330);
  });

  describe('Suivi insertion: shares and their empty denominators', () => {
    const s = sheet([]);
    const contract = s.row({ numero: 'C-1' });

    it('4.2.2-roubaisiens: non calculable when no beneficiary has a commune', () => {
      const reg = register([contract], { suivi: [{ numero: 'C-1', beneficiaire: 'A', sexe: 'F' }] });
      expect(indicator(reg, '4.2.2-roubaisiens')).toMatchObject({
        statut: 'non calculable',
        motif: 'dénominateur nul : aucune commune de résidence renseignée',
      });
    });

    it('4.2.2-typologie: non calculable when no contract type is filled', () => {
      const reg = register([contract], { suivi: [{ numero: 'C-1', beneficiaire: 'A' }] });
      expect(indicator(reg, '4.2.2-typologie')).toMatchObject({ statut: 'non calculable', motif: 'aucun type de contrat renseigné' });
    });

    it('4.2.2-residents-qpv: non calculable when the sheet has no QPV column', () => {
      const reg = register([contract], { suivi: [{ values: { numero: 'C-1', beneficiaire: 'A' }, mapped: ['numero', 'beneficiaire'] }] });
      expect(indicator(reg, '4.2.2-residents-qpv').motif).toBe('colonne « Résident QPV » absente de la feuille Suivi insertion');
      expect(indicator(reg, '4.2.2-roubaisiens').motif).toBe('colonne « Commune de résidence » absente de la feuille Suivi insertion');
      expect(indicator(reg, '4.2.2-typologie').motif).toBe('colonne « Type de contrat » absente de la feuille Suivi insertion');
    });

    it.each(['4.2.2-personnes', '4.2.2-contrats', '4.2.2-typologie', '4.2.2-femmes', '4.2.2-roubaisiens', '4.2.2-residents-qpv'])(
      '%s: non calculable without the Suivi insertion sheet',
      (id) => {
        expect(indicator(register([contract]), id)).toMatchObject({ statut: 'non calculable', valeur: null, motif: 'feuille Suivi insertion absente' });
      },
    );

    it('4.2.2-heures counts the Suivi hours of a contract matched by numero as for doublon', () => {
      // No heuresInsertionRealisees column: the contract's Suivi rows (numero compared as for
      // doublon: case and spaces ignored, nothing else) give 12 + 3; « C1 » is another number.
      const reg = register([contract], { suivi: [{ numero: 'c-1', heures: 12 }, { numero: ' C - 1', heures: 3 }, { numero: 'C1', heures: 100 }] });
      expect(indicator(reg, '4.2.2-heures')).toMatchObject({ statut: 'calculé', valeur: 15, couverture: { renseignees: 1, total: 1 } });
    });
  });
});

describe('Axe 5', () => {
  const s = sheet(['titulaire', 'communeTitulaire', 'codePostalTitulaire', 'categorieEntreprise', 'montantMandate', 'horsMarche', 'marcheInnovant']);

  it('5.1.1-fournisseurs-zone and 5.1.4 weigh the spend dep(r), mandated amount first, orders included', () => {
    const reg = register([
      s.row({ titulaire: 'A', communeTitulaire: 'Roubaix', categorieEntreprise: 'TPE', montant: 9000, montantMandate: 100 }), // dep 100
      s.row({ titulaire: 'B', communeTitulaire: 'Lille', categorieEntreprise: 'GE', montant: 300 }), // dep 300
      s.row({ horsMarche: true, titulaire: 'C', codePostalTitulaire: '75011', categorieEntreprise: 'PME', montant: 600 }), // order, dep 600
    ]);
    // Spend 1000: Roubaix 10 %, MEL 30 %, France 60 %; each supplier 1/3.
    const zone = shares(indicator(reg, '5.1.1-fournisseurs-zone'));
    expect(zone['Roubaix'].depense).toBeCloseTo(10, 10);
    expect(zone['MEL (hors Roubaix)'].depense).toBeCloseTo(30, 10);
    expect(zone['France (hors Hauts-de-France)'].depense).toBeCloseTo(60, 10);
    expect(zone['France (hors Hauts-de-France)'].fournisseurs).toBeCloseTo(100 / 3, 10);
    const size = shares(indicator(reg, '5.1.4-fournisseurs-typologie'));
    expect(size['TPE'].depense).toBeCloseTo(10, 10);
    expect(size['GE'].depense).toBeCloseTo(30, 10);
    expect(size['PME']).toEqual({ fournisseurs: 100 / 3, depense: 60 });
  });

  it('5.1.1-montant-moyen-roubaix: Σ dep of Roubaix suppliers’ rows (a supplier’s zone from its first row) ÷ their number', () => {
    const reg = register([
      s.row({ titulaire: 'A', communeTitulaire: 'Roubaix', montant: 5000, montantMandate: 1000 }), // A Roubaix, dep 1000
      s.row({ titulaire: 'B', communeTitulaire: 'Roubaix', montant: 3000 }), // B Roubaix, dep 3000
      s.row({ horsMarche: true, titulaire: 'A', communeTitulaire: 'Lille', montant: 200 }), // A again (Roubaix by its first row), order
      s.row({ titulaire: 'D', communeTitulaire: 'Lille', montant: 700 }), // D in Lille first…
      s.row({ titulaire: 'D', communeTitulaire: 'Roubaix', montant: 900 }), // …so this row is not Roubaix spend
    ]);
    // (1000 + 3000 + 200) / 2 suppliers = 2100.
    expect(value(reg, '5.1.1-montant-moyen-roubaix')).toBe(2100);
  });

  it('5.1.4-fournisseurs-typologie: non calculable when no supplier is identified, or when the spend is 0', () => {
    const anon = sheet(['categorieEntreprise']);
    expect(indicator(register([anon.row({ categorieEntreprise: 'PME' })]), '5.1.4-fournisseurs-typologie').motif).toBe(
      'aucun titulaire identifié (SIRET ou nom du titulaire)',
    );
    const zero = sheet(['titulaire', 'categorieEntreprise']);
    expect(indicator(register([zero.row({ titulaire: 'A', categorieEntreprise: 'PME', montant: 0 })]), '5.1.4-fournisseurs-typologie')).toMatchObject({
      statut: 'non calculable',
      repartition: null,
      motif: 'dénominateur nul',
    });
  });

  it('5.2.1-innovants-nb and -montant count contracts of M only', () => {
    const reg = register([
      s.row({ marcheInnovant: true, montant: 1000 }),
      s.row({ montant: 3000 }),
      s.row({ horsMarche: true, marcheInnovant: true, montant: 4000 }), // order: out
    ]);
    expect(value(reg, '5.2.1-innovants-nb')).toBe(50);
    // 1000 / 4000.
    expect(value(reg, '5.2.1-innovants-montant')).toBe(25);
  });

  it('5.2.1-innovants-montant is non calculable when Σ mt of M is 0', () => {
    const t = sheet(['marcheInnovant']);
    expect(indicator(register([t.row({ marcheInnovant: true, montant: 0 })]), '5.2.1-innovants-montant').motif).toBe('dénominateur nul');
  });
});

describe('MC: a contract passed without publicity is not a consultation', () => {
  it('leaves it out of 2.2.3-soumissionnaires and 3.1.1-criteres-env but not out of M', () => {
    const s = sheet(['procedure', 'offresRecues', 'critereEnvironnemental']);
    const reg = register([
      s.row({ procedure: "Appel d'offres ouvert", offresRecues: 4, critereEnvironnemental: true }),
      s.row({ procedure: PROCEDURE_SANS_PUBLICITE, offresRecues: 1, critereEnvironnemental: false }),
    ]);
    expect(value(reg, '2.2.3-soumissionnaires')).toBe(4);
    expect(value(reg, '3.1.1-criteres-env')).toBe(100);
    // 3.1.1-consideration-env is over M: 1 / 2.
    expect(value(reg, '3.1.1-consideration-env')).toBe(50);
  });
});
