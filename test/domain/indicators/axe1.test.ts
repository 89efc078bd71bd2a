import { indicator, register, sheet, value } from './fixtures';

describe('Axe 1 — register indicators', () => {
  const s = sheet(['clauseSociale', 'clauseEnvironnementale', 'horsMarche', 'nbAvenants', 'montantMandate']);
  const rows = [
    s.row({ clauseSociale: true, nbAvenants: 2, montant: 1000, montantMandate: 400 }), // a: M, AR, dep 400
    s.row({ clauseEnvironnementale: true, nbAvenants: 1, montant: 2000 }), // b: M, AR, dep 2000
    s.row({ nbAvenants: 5, montant: 8000 }), // c: M, not AR
    s.row({ horsMarche: true, clauseSociale: true, montant: 300 }), // d: H, AR, dep 300
    s.row({ clauseSociale: true, nbAvenants: 9, montant: 9000 }, { hasError: true }), // e: error, out
    s.row({ annee: 2024, clauseSociale: true, nbAvenants: 7, montant: 7000 }), // f: other year, out
  ];
  const reg = register(rows);

  it('1.1.2-marches-ar counts contracts with a social or environmental consideration', () => {
    // M = {a, b, c}; AR among them: a, b → 2. Filled: a, b (c has no consideration field filled).
    const r = indicator(reg, '1.1.2-marches-ar');
    expect(r.valeur).toBe(2);
    expect(r.couverture).toEqual({ renseignees: 2, total: 3 });
  });

  it('1.1.2-avenants-ar sums nbAvenants over AR contracts', () => {
    // a 2 + b 1 = 3 (c is not AR, d is not a contract).
    expect(value(reg, '1.1.2-avenants-ar')).toBe(3);
  });

  it('1.1.2-montant-ar sums the spend of AR rows of R, mandated amount first', () => {
    // a 400 (mandated) + b 2000 + d 300 = 2700.
    const r = indicator(reg, '1.1.2-montant-ar');
    expect(r.valeur).toBe(2700);
    expect(r.note).toContain('pour 1 ligne,');
  });

  it('is non calculable when no sheet maps a social or environmental field', () => {
    const bare = sheet(['nbAvenants']);
    const r = indicator(register([bare.row({ nbAvenants: 1 })]), '1.1.2-marches-ar');
    expect(r.statut).toBe('non calculable');
    expect(r.valeur).toBeNull();
    expect(r.motif).toContain('« Clause sociale »');
    expect(r.motif).toContain('absentes');
  });

  it('1.1.2-avenants-ar needs nbAvenants', () => {
    const noAvenants = sheet(['clauseSociale']);
    const r = indicator(register([noAvenants.row({ clauseSociale: true })]), '1.1.2-avenants-ar');
    expect(r.motif).toBe("colonne « Nombre d'avenants » absente");
  });

  it('1.1.2-dataviz is the number of charts written, City-wide only', () => {
    const r = indicator(reg, '1.1.2-dataviz', 2025, 5);
    expect(r.statut).toBe('calculé');
    expect(r.valeur).toBe(5);
    expect(r.parPole).toEqual({ 'Pôle A': null });
    // The register holds 2024 rows, but the charts of a past run are unknown.
    expect(r.n1).toBeNull();
  });
});

describe('Axe 1 — Actions SPASER', () => {
  const s = sheet([]);
  const reg = register([s.row()], {
    actions: [
      { date: '2025-02-01', typeAction: 'Formation', participants: 10 },
      { date: '2025-03-01', typeAction: 'Formation' },
      { date: '2025-04-01', typeAction: 'Atelier', participants: 4 },
      { date: '2025-05-01', typeAction: 'Événement' },
      { date: '2025-06-01', typeAction: 'COPIL', participants: 12 },
      { date: '2024-06-01', typeAction: 'Formation', participants: 99 },
    ],
  });

  it('1.2.1-formations counts Formation rows of N', () => {
    // 2 formations in 2025 (the 2024 one is out).
    expect(value(reg, '1.2.1-formations')).toBe(2);
  });

  it('1.2.1-personnes-formees sums participants of formations of N', () => {
    // 10 + empty (0) = 10; only 1 of the 2 formations has participants filled. The scope is the
    // formations of N (`sortie.md`: total = rows of the indicator's scope), not the 5 actions
    // [corrected in session 31: was total 5].
    const r = indicator(reg, '1.2.1-personnes-formees');
    expect(r.valeur).toBe(10);
    expect(r.couverture).toEqual({ renseignees: 1, total: 2 });
  });

  it('1.2.1-ateliers-evenements counts Atelier and Événement rows of N', () => {
    expect(value(reg, '1.2.1-ateliers-evenements')).toBe(2);
  });

  it('is non calculable without the sheet, or without actions of N', () => {
    expect(indicator(register([s.row()]), '1.2.1-formations').motif).toBe('feuille Actions SPASER absente');
    const old = register([s.row()], { actions: [{ date: '2024-01-10', typeAction: 'Formation' }] });
    expect(indicator(old, '1.2.1-formations').motif).toBe("aucune action de l'exercice 2025 dans la feuille Actions SPASER");
  });
});
