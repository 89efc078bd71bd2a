import { PROCEDURE_SANS_PUBLICITE } from '../../../src/domain/fields';
import { indicator, register, sheet, value } from './fixtures';

describe('Axe 3', () => {
  it('3.1.1-consideration-env uses the rows whose sheet maps an environmental field', () => {
    const a = sheet(['clauseEnvironnementale'], 'A');
    const b = sheet(['critereEnvironnemental'], 'B');
    const c = sheet([], 'C');
    const reg = register([
      a.row({ clauseEnvironnementale: true }),
      a.row({}),
      b.row({ critereEnvironnemental: true }),
      c.row({}, { environnementale: true }), // sheet maps neither field: left out
    ]);
    // 2 with a consideration / 3 rows taking part = 66.67 %; filled: rows 1 and 3 of 4.
    const r = indicator(reg, '3.1.1-consideration-env');
    expect(r.valeur).toBeCloseTo(200 / 3, 10);
    expect(r.couverture).toEqual({ renseignees: 2, total: 4 });
  });

  it('3.1.1-criteres-env is the share of consultations with an environmental criterion', () => {
    const s = sheet(['procedure', 'critereEnvironnemental']);
    const reg = register([
      s.row({ procedure: 'Procédure adaptée', critereEnvironnemental: true }),
      s.row({ critereEnvironnemental: false }),
      s.row({ procedure: PROCEDURE_SANS_PUBLICITE, critereEnvironnemental: true }), // not a consultation
    ]);
    // 1 / 2 consultations = 50 %.
    expect(value(reg, '3.1.1-criteres-env')).toBe(50);
  });

  it('3.1.1-criteres-env is non calculable when there is no consultation', () => {
    const s = sheet(['procedure', 'critereEnvironnemental']);
    const r = indicator(register([s.row({ procedure: PROCEDURE_SANS_PUBLICITE })]), '3.1.1-criteres-env');
    expect(r.motif).toBe("aucune consultation pour l'exercice 2025");
  });

  it('3.1.1-clauses-env is the share of contracts with an environmental clause', () => {
    const s = sheet(['clauseEnvironnementale']);
    expect(value(register([s.row({ clauseEnvironnementale: true }), s.row({})]), '3.1.1-clauses-env')).toBe(50);
  });

  it('3.1.1 amounts sum over R', () => {
    const s = sheet(['montantReemploi', 'montantReutilisation', 'montantRecycle', 'horsMarche']);
    const reg = register([
      s.row({ montantReemploi: 10, montantReutilisation: 1, montantRecycle: 100 }),
      s.row({ horsMarche: true, montantReemploi: 5, montantRecycle: 50 }),
      s.row({}),
    ]);
    expect(value(reg, '3.1.1-reemploi')).toBe(15);
    expect(value(reg, '3.1.1-reutilisation')).toBe(1);
    expect(value(reg, '3.1.1-recycle')).toBe(150);
  });

  describe('3.2.1 acquisition modes', () => {
    const s = sheet(['modeAcquisition', 'montantMandate', 'centraleAchat']);
    const reg = register([
      s.row({ modeAcquisition: 'Location', montant: 1000, montantMandate: 300, centraleAchat: true }), // dep 300
      s.row({ modeAcquisition: 'Achat', montant: 700 }), // dep 700
      s.row({ modeAcquisition: "Achat d'usage", montant: 500, centraleAchat: true }), // dep 500
      s.row({ montant: 100 }), // no mode
    ]);

    it('3.2.1-location: location over purchase + location', () => {
      // 300 / (300 + 700) = 30 %.
      expect(value(reg, '3.2.1-location')).toBeCloseTo(30, 10);
    });

    it("3.2.1-achat-usage: usage over every filled mode", () => {
      // 500 / (300 + 700 + 500) = 33.33 %.
      expect(value(reg, '3.2.1-achat-usage')).toBeCloseTo(100 / 3, 10);
    });

    it('3.2.1-centrales sums the spend bought through a central purchasing body', () => {
      // 300 + 500 = 800.
      expect(value(reg, '3.2.1-centrales')).toBe(800);
    });
  });

  it('3.2.1-fournitures-evitees and -mobilier-reemploye are manual only', () => {
    const s = sheet([]);
    const without = register([s.row()]);
    expect(indicator(without, '3.2.1-fournitures-evitees').motif).toBe('feuille Saisies manuelles absente (valeur à saisir)');
    const withSaisie = register([s.row()], {
      saisies: [{ indicateur: '3.2.1-mobilier-reemploye', annee: 2025, valeur: 42, source: 'Service mobilier' }],
    });
    const r = indicator(withSaisie, '3.2.1-mobilier-reemploye');
    expect(r.statut).toBe('saisi');
    expect(r.valeur).toBe(42);
    expect(r.note).toContain('Service mobilier');
    expect(indicator(withSaisie, '3.2.1-fournitures-evitees').motif).toBe("valeur à saisir dans la feuille Saisies manuelles pour l'exercice 2025");
  });
});
