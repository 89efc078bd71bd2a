import fc from 'fast-check';
import { PROCEDURE_SANS_PUBLICITE } from '../../../src/domain/fields';
import { bilansAttendus } from '../../../src/domain/indicators/formulas';
import { indicator, register, sheet, value } from './fixtures';

describe('2.1.1 programmed contracts — absent column vs empty cell (2-sheet consolidation)', () => {
  const a = sheet(['programme'], 'Pôle A');
  const b = sheet([], 'Pôle B'); // no `programme` column at all
  const reg = register([
    a.row({ programme: true, montant: 1000 }),
    a.row({ programme: false, montant: 3000 }),
    a.row({ montant: 1000 }), // empty = non
    b.row({ montant: 5000 }), // unknown: left out
  ]);

  it('2.1.1-programmes-nb counts only the rows of the sheet mapping the column', () => {
    // 1 programmed / 3 rows of sheet A = 33.33 %; sheet B's row is not "non programmé".
    const r = indicator(reg, '2.1.1-programmes-nb');
    expect(r.valeur).toBeCloseTo(100 / 3, 10);
    expect(r.couverture).toEqual({ renseignees: 2, total: 4 });
  });

  it('2.1.1-programmes-montant uses the notified amounts', () => {
    // 1000 / (1000 + 3000 + 1000) = 20 %.
    expect(value(reg, '2.1.1-programmes-montant')).toBeCloseTo(20, 10);
  });

  it('is non calculable when the column is absent everywhere, or with no row of N', () => {
    expect(indicator(register([b.row()]), '2.1.1-programmes-nb').motif).toBe('colonne « Marché programmé » absente');
    expect(indicator(register([a.row({ annee: 2024 })]), '2.1.1-programmes-nb').motif).toBe("aucun marché pour l'exercice 2025");
  });
});

describe('2.1.1-prolongations-recurrents', () => {
  it('sums prolongation amendments over recurrent contracts', () => {
    const s = sheet(['recurrent', 'nbAvenantsProlongation']);
    // 2 (recurrent) + 0 (recurrent, empty) ; the non-recurrent 5 is out → 2.
    const reg = register([
      s.row({ recurrent: true, nbAvenantsProlongation: 2 }),
      s.row({ recurrent: false, nbAvenantsProlongation: 5 }),
      s.row({ recurrent: true }),
    ]);
    expect(value(reg, '2.1.1-prolongations-recurrents')).toBe(2);
  });

  it('is non calculable when no sheet maps both fields', () => {
    const a = sheet(['recurrent']);
    const b = sheet(['nbAvenantsProlongation']);
    const r = indicator(register([a.row({ recurrent: true }), b.row({ nbAvenantsProlongation: 1 })]), '2.1.1-prolongations-recurrents');
    expect(r.motif).toBe('aucune feuille ne contient à la fois les colonnes « Marché récurrent » et « Dont avenants de prolongation »');
  });
});

describe('2.1.2 hors marché and nomenclature', () => {
  it('2.1.2-hors-marche-nb and -montant are shares of R', () => {
    const s = sheet(['horsMarche']);
    const reg = register([s.row({ horsMarche: true, montant: 100 }), s.row({ horsMarche: false, montant: 300 }), s.row({ montant: 600 })]);
    // 1 / 3 rows; 100 / 1000 €.
    expect(value(reg, '2.1.2-hors-marche-nb')).toBeCloseTo(100 / 3, 10);
    expect(value(reg, '2.1.2-hors-marche-montant')).toBeCloseTo(10, 10);
  });

  it('2.1.2-sans-nomenclature-nb and -montant count empty codes', () => {
    const s = sheet(['codeNomenclature', 'montantMandate']);
    // dep: 750 (mandated) and 250; the empty code holds 250 → 50 % of rows, 25 % of spend.
    const reg = register([s.row({ codeNomenclature: 'A1', montant: 9999, montantMandate: 750 }), s.row({ montant: 250 })]);
    expect(value(reg, '2.1.2-sans-nomenclature-nb')).toBe(50);
    expect(value(reg, '2.1.2-sans-nomenclature-montant')).toBeCloseTo(25, 10);
  });

  it('a ratio of spend with a zero denominator is non calculable', () => {
    const s = sheet(['horsMarche']);
    const r = indicator(register([s.row({ montant: 0 })]), '2.1.2-hors-marche-montant');
    expect(r.statut).toBe('non calculable');
    expect(r.motif).toBe('dénominateur nul');
  });
});

describe('2.1.3 / 2.1.4 / 2.2.3 / 2.2.4 counts', () => {
  const s = sheet(['sourcage', 'coutGlobal', 'ficheSuivi', 'negociation', 'gainNegociation', 'horsMarche']);
  const reg = register([
    s.row({ sourcage: true, coutGlobal: true, ficheSuivi: true, negociation: true, gainNegociation: 100 }),
    s.row({ sourcage: true, negociation: true, gainNegociation: 200 }),
    s.row({ sourcage: false, coutGlobal: false, ficheSuivi: false, negociation: false }),
    s.row({}),
    s.row({ horsMarche: true, sourcage: true, coutGlobal: true, ficheSuivi: true, negociation: true, gainNegociation: 50 }), // not a contract
  ]);

  it('count contracts of M only', () => {
    expect(value(reg, '2.1.3-sourcage')).toBe(2);
    expect(value(reg, '2.1.4-cout-global')).toBe(1);
    expect(value(reg, '2.2.3-fiches-suivi')).toBe(1);
    expect(value(reg, '2.2.4-dossiers-negocies')).toBe(2);
  });

  it('2.2.4-gain-negociation sums gains over M', () => {
    // 100 + 200; the order outside any contract (50) is out.
    expect(value(reg, '2.2.4-gain-negociation')).toBe(300);
  });
});

/**
 * `date` (ISO) + `months` calendar months, the day clamped to the month's end; ISO result. The
 * reference `attendus` was written with, before it compared month numbers instead.
 */
function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('2.1.5 supplier relationship', () => {
  it('adds calendar months, the day clamped to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2025-03-31', 6)).toBe('2025-09-30');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
  });

  it('expects 2, 1 or 0 bilans', () => {
    const s = sheet(['dureeMois', 'reunionCadrage', 'nbBilans']);
    // 2025-01-31 + 11 = 2025-12-31 ≤ 31/12/2025 (equality counts) → 2.
    expect(bilansAttendus(s.row({ dateNotification: '2025-01-31', dureeMois: 11 }), 2025)).toBe(2);
    // 2025-03-31 + 11 = 2026-02-28 > ; + ⌈5.5⌉ = 6 → 2025-09-30 ≤ → 1.
    expect(bilansAttendus(s.row({ dateNotification: '2025-03-31', dureeMois: 11 }), 2025)).toBe(1);
    // 2025-09-01 + 12 > ; + 6 = 2026-03-01 > → 0.
    expect(bilansAttendus(s.row({ dateNotification: '2025-09-01', dureeMois: 12 }), 2025)).toBe(0);
    expect(bilansAttendus(s.row({ dateNotification: '2025-01-01' }), 2025)).toBe(0);
  });

  it('compares month numbers exactly as adding calendar months would (property)', () => {
    const t = sheet(['dureeMois']);
    const reference = (date: string, duree: number, n: number): number => {
      const end = `${n}-12-31`;
      if (addMonths(date, duree) <= end) return 2;
      if (addMonths(date, Math.ceil(duree / 2)) <= end) return 1;
      return 0;
    };
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 2000, max: 2032 }),
        (d, duree, n) => {
          const date = d.toISOString().slice(0, 10);
          expect(bilansAttendus(t.row({ dateNotification: date, dureeMois: duree }), n)).toBe(reference(date, duree, n));
        },
      ),
    );
  });

  const s = sheet(['dureeMois', 'reunionCadrage', 'nbBilans']);
  const reg = register([
    s.row({ reunionCadrage: true, dateNotification: '2025-01-31', dureeMois: 11, nbBilans: 2 }), // attendus 2, ok
    s.row({ reunionCadrage: true, dateNotification: '2025-03-31', dureeMois: 11, nbBilans: 1 }), // attendus 1, ok
    s.row({ reunionCadrage: true, dateNotification: '2025-06-30', dureeMois: 12 }), // attendus 1 (12-30), bilans 0 → no
    s.row({ reunionCadrage: false, dateNotification: '2025-02-01' }), // no kick-off → no
    s.row({ reunionCadrage: true, dateNotification: '2025-02-01' }), // no duration: attendus 0 → ok
  ]);

  it('2.1.5-relation-fournisseur is the share of contracts meeting the procedure', () => {
    // ok: rows 1, 2, 5 → 3 / 5 = 60 %.
    expect(value(reg, '2.1.5-relation-fournisseur')).toBeCloseTo(60, 10);
  });

  it('2.1.5-reunions counts kick-offs plus bilans', () => {
    // kick-offs: rows 1, 2, 3, 5 = 4; bilans 2 + 1 = 3 → 7.
    expect(value(reg, '2.1.5-reunions')).toBe(7);
  });

  it('2.1.5-delai-paiement is the mean over filled rows of R', () => {
    const d = sheet(['delaiPaiement', 'horsMarche']);
    // (20 + 40) / 2 = 30; an order outside contracts is in R.
    const r = indicator(register([d.row({ delaiPaiement: 20 }), d.row({ horsMarche: true, delaiPaiement: 40 }), d.row({})]), '2.1.5-delai-paiement');
    expect(r.valeur).toBe(30);
    expect(r.couverture).toEqual({ renseignees: 2, total: 3 });
    expect(indicator(register([d.row({})]), '2.1.5-delai-paiement').motif).toBe('aucune valeur renseignée');
  });
});

describe('2.2 performance', () => {
  it('2.2.2-hors-bpu sums over R, an empty amount adds 0', () => {
    const s = sheet(['montantHorsBPU']);
    expect(value(register([s.row({ montantHorsBPU: 100 }), s.row({}), s.row({ montantHorsBPU: 50 })]), '2.2.2-hors-bpu')).toBe(150);
  });

  it('2.2.3-soumissionnaires is the mean of offers over consultations mapping procedure', () => {
    const a = sheet(['procedure', 'offresRecues']);
    const b = sheet(['offresRecues']); // no procedure column: left out
    const reg = register([
      a.row({ procedure: 'Procédure adaptée', offresRecues: 3 }),
      a.row({ offresRecues: 5 }), // empty procedure = consultation
      a.row({ procedure: PROCEDURE_SANS_PUBLICITE, offresRecues: 1 }), // not a consultation
      a.row({ procedure: "Appel d'offres ouvert" }), // no offers filled: out of the mean
      b.row({ offresRecues: 100 }),
    ]);
    // (3 + 5) / 2 = 4; MC = 3 of sheet A + 1 of sheet B = 4 rows, 2 with offers filled.
    const r = indicator(reg, '2.2.3-soumissionnaires');
    expect(r.valeur).toBe(4);
    expect(r.couverture).toEqual({ renseignees: 2, total: 4 });
  });

  it('2.2.5-offre-technique-amelioree is the share among negotiated contracts', () => {
    const s = sheet(['negociation', 'offreTechAmelioree']);
    // negotiated: rows 1, 2; improved among them: row 1 → 50 %.
    const reg = register([
      s.row({ negociation: true, offreTechAmelioree: true }),
      s.row({ negociation: true, offreTechAmelioree: false }),
      s.row({ negociation: false, offreTechAmelioree: true }),
    ]);
    expect(value(reg, '2.2.5-offre-technique-amelioree')).toBe(50);
    const none = indicator(register([s.row({ negociation: false })]), '2.2.5-offre-technique-amelioree');
    expect(none.statut).toBe('non calculable');
    expect(none.motif).toContain('aucun dossier négocié');
  });
});
