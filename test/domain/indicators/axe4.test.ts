import { indicator, register, sheet, value } from './fixtures';

describe('Axe 4 — register', () => {
  it('4.1.2-consideration-sociale counts clause, criterion, reserved (≠ Non) and insertion', () => {
    const s = sheet(['critereSocial', 'marcheReserve']);
    const reg = register([
      s.row({ marcheReserve: 'ESAT/EA' }),
      s.row({ marcheReserve: 'Non' }),
      s.row({}),
      s.row({ critereSocial: true }),
    ]);
    // 2 / 4 = 50 %.
    expect(value(reg, '4.1.2-consideration-sociale')).toBe(50);
  });

  it('4.2.1 insertion contracts: count and spend', () => {
    const s = sheet(['marcheInsertion', 'montantMandate']);
    const reg = register([
      s.row({ marcheInsertion: true, montant: 1000, montantMandate: 600 }),
      s.row({ marcheInsertion: true, montant: 400 }),
      s.row({ marcheInsertion: false, montant: 9000 }),
    ]);
    expect(value(reg, '4.2.1-insertion-nb')).toBe(2);
    // 600 (mandated) + 400 = 1000.
    expect(value(reg, '4.2.1-insertion-montant')).toBe(1000);
  });

  it('4.2.2 social clause: count and share', () => {
    const s = sheet(['clauseSociale']);
    const reg = register([s.row({ clauseSociale: true }), s.row({ clauseSociale: false }), s.row({}), s.row({})]);
    expect(value(reg, '4.2.2-clause-sociale-nb')).toBe(1);
    expect(value(reg, '4.2.2-clause-sociale-part')).toBe(25);
  });

  it('4.2.3-reserves counts marcheReserve ≠ Non, empty being Non', () => {
    const s = sheet(['marcheReserve']);
    const reg = register([s.row({ marcheReserve: 'ESAT/EA' }), s.row({ marcheReserve: 'SIAE' }), s.row({ marcheReserve: 'Non' }), s.row({})]);
    expect(value(reg, '4.2.3-reserves')).toBe(2);
  });

  it('4.2.3-montant-esat-siae-ess sums the spend with ESAT, EA, SIAE, ESS holders over R', () => {
    const s = sheet(['structureTitulaire', 'horsMarche']);
    const reg = register([
      s.row({ structureTitulaire: 'ESAT', montant: 100 }),
      s.row({ structureTitulaire: 'EA', montant: 200 }),
      s.row({ structureTitulaire: 'Autre', montant: 400 }),
      s.row({ structureTitulaire: 'SIAE', montant: 50, horsMarche: true }),
      s.row({ structureTitulaire: 'ESS', montant: 25 }),
    ]);
    // 100 + 200 + 50 + 25 = 375.
    expect(value(reg, '4.2.3-montant-esat-siae-ess')).toBe(375);
  });
});

describe('Axe 4 — Suivi insertion', () => {
  const s = sheet(['horsMarche', 'heuresInsertionRealisees']);
  const b = sheet([], 'Sans heures');
  const c1 = s.row({ numero: 'M 1', heuresInsertionRealisees: 999 });
  const c2 = s.row({ numero: 'M-2', heuresInsertionRealisees: 20 });
  const c3 = b.row({ numero: 'M-3' });
  const order = s.row({ numero: 'BC-9', horsMarche: true });
  const old = s.row({ numero: 'OLD-1', annee: 2024 });
  const suivi = [
    { numero: 'm1', beneficiaire: 'A1 ', sexe: 'F', communeResidence: 'Roubaix', qpv: true, typeContrat: 'CDI', heures: 10 },
    { numero: 'M1', beneficiaire: 'a1', sexe: 'H', communeResidence: 'Lille', qpv: false, typeContrat: 'CDD', heures: 5 },
    { numero: 'M 1', beneficiaire: 'B2', communeResidence: 'ROUBAIX CEDEX', typeContrat: 'Intérim' },
    { numero: 'm 1', beneficiaire: 'B2', sexe: 'H', qpv: true, typeContrat: 'CDD' },
    { numero: 'M1', beneficiaire: 'C3', sexe: 'H', communeResidence: 'Tourcoing', qpv: false },
    { numero: 'BC-9', beneficiaire: 'E5', sexe: 'F', typeContrat: 'CDI', heures: 70 }, // an order, not a contract
    { numero: 'OLD-1', beneficiaire: 'D4', sexe: 'F', typeContrat: 'CDI', heures: 40 }, // contract of 2024
  ];
  const reg = register([c1, c2, c3, order, old], { suivi });

  it('4.2.2-heures takes Suivi insertion hours for followed contracts, the column for the others', () => {
    // c1: Suivi rows 10 + 5 = 15 (its column 999 ignored); c2: column 20; c3: neither → out. 15 + 20 = 35.
    const r = indicator(reg, '4.2.2-heures');
    expect(r.valeur).toBe(35);
    expect(r.couverture).toEqual({ renseignees: 2, total: 3 });
    // 2024: OLD-1 → 40.
    expect(r.n1).toBe(40);
  });

  it('4.2.2-heures is non calculable with neither the sheet nor the column', () => {
    const r = indicator(register([b.row()]), '4.2.2-heures');
    expect(r.motif).toBe("feuille Suivi insertion absente et colonne « Heures d'insertion réalisées » absente");
  });

  it('4.2.2-personnes counts distinct beneficiaries (trimmed, any case) of contracts of N', () => {
    // A1, B2, C3 (E5 is on an order, D4 on a 2024 contract).
    expect(value(reg, '4.2.2-personnes')).toBe(3);
  });

  it('4.2.2-contrats counts Suivi insertion rows of N', () => {
    expect(value(reg, '4.2.2-contrats')).toBe(5);
  });

  it('4.2.2-typologie counts per contract type; the value is the total', () => {
    const r = indicator(reg, '4.2.2-typologie');
    expect(r.repartition).toEqual({ CDI: 1, CDD: 2, Intérim: 1 });
    expect(r.valeur).toBe(4);
  });

  it('4.2.2-femmes uses the first filled sexe of each beneficiary', () => {
    // A1 F (the later H is ignored), B2 H (first filled on its 2nd row), C3 H → 1 / 3.
    const r = indicator(reg, '4.2.2-femmes');
    expect(r.valeur).toBeCloseTo(100 / 3, 10);
    expect(r.repartition).toEqual({ F: 1, H: 2 });
  });

  it('4.2.2-roubaisiens: share of beneficiaries living in Roubaix among known communes', () => {
    // A1 Roubaix, B2 "ROUBAIX CEDEX", C3 Tourcoing → 2 / 3.
    expect(value(reg, '4.2.2-roubaisiens')).toBeCloseTo(200 / 3, 10);
  });

  it('4.2.2-roubaisiens: a residence written with its postal code is read as the supplier\'s commune is', () => {
    // Session 38: « 59100 Roubaix » and « Roubaix 59100 » are Roubaix; « 59200 Tourcoing » is not → 2 / 3.
    const withCodes = register([c1], {
      suivi: [
        { numero: 'M 1', beneficiaire: 'A', communeResidence: '59100 Roubaix' },
        { numero: 'M 1', beneficiaire: 'B', communeResidence: 'Roubaix 59100' },
        { numero: 'M 1', beneficiaire: 'C', communeResidence: '59200 Tourcoing' },
      ],
    });
    expect(value(withCodes, '4.2.2-roubaisiens')).toBeCloseTo(200 / 3, 10);
  });

  it('4.2.2-residents-qpv counts beneficiaries whose first filled qpv is oui', () => {
    // A1 oui, B2 oui (2nd row), C3 non → 2.
    expect(value(reg, '4.2.2-residents-qpv')).toBe(2);
  });

  it('is non calculable without the sheet or the needed column; 0 when no contract of N was followed', () => {
    expect(indicator(register([c2]), '4.2.2-personnes').motif).toBe('feuille Suivi insertion absente');
    const noSexe = register([c1], { suivi: [{ values: { numero: 'M 1', beneficiaire: 'A' }, mapped: ['numero', 'beneficiaire'] }] });
    expect(indicator(noSexe, '4.2.2-femmes').motif).toBe('colonne « Sexe » absente de la feuille Suivi insertion');
    const unmatched = register([c2], { suivi: [{ numero: 'ZZZ', beneficiaire: 'A', sexe: 'F' }] });
    // The sheet exists and the contracts of N were followed by no one: 0 contracts, 0 people, no share of women.
    expect(indicator(unmatched, '4.2.2-contrats')).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(indicator(unmatched, '4.2.2-personnes')).toMatchObject({ statut: 'calculé', valeur: 0 });
    expect(indicator(unmatched, '4.2.2-typologie')).toMatchObject({ statut: 'calculé', valeur: 0, repartition: {} });
    expect(indicator(unmatched, '4.2.2-femmes').statut).toBe('non calculable');
  });
});
