/**
 * Spec audit (indicateurs.md, Axe 4, Suivi insertion): the denominators of the
 * beneficiaries' shares and who counts as a beneficiary.
 */
import { indicator, register, sheet, value } from './fixtures';

describe('Suivi insertion beneficiaries', () => {
  const s = sheet([]);
  const contract = s.row({ numero: 'INS-1' });
  const suivi = [
    { numero: 'INS-1', beneficiaire: 'Ana', sexe: 'F', communeResidence: 'Roubaix', qpv: true, typeContrat: 'CDDI' },
    { numero: 'INS-1', beneficiaire: 'Bob', sexe: 'H', communeResidence: 'Wattrelos', qpv: false, typeContrat: 'CDDI' },
    { numero: 'INS-1', beneficiaire: 'Cid', typeContrat: 'Apprentissage' }, // no sexe, commune or qpv
    { numero: 'INS-1', beneficiaire: 'Dan', communeResidence: '  ', typeContrat: 'Autre' }, // blank commune
    { numero: 'INS-1', typeContrat: 'CDI' }, // no beneficiary named
  ];
  const reg = register([contract], { suivi });

  it('4.2.2-femmes: % of F among the beneficiaries with a sexe filled', () => {
    // Ana F, Bob H; Cid and Dan have none → 1 / 2.
    const r = indicator(reg, '4.2.2-femmes');
    expect(r.valeur).toBe(50);
    expect(r.repartition).toEqual({ F: 1, H: 1 });
  });

  it('4.2.2-roubaisiens: % of Roubaix among the beneficiaries with a commune filled', () => {
    // Ana Roubaix, Bob Wattrelos; Cid none, Dan blank → 1 / 2.
    expect(value(reg, '4.2.2-roubaisiens')).toBe(50);
  });

  it('4.2.2-residents-qpv counts beneficiaries with qpv oui', () => {
    expect(value(reg, '4.2.2-residents-qpv')).toBe(1);
  });

  it('choice: a row without beneficiary counts as a contract, not as a person', () => {
    expect(value(reg, '4.2.2-personnes')).toBe(4);
    expect(value(reg, '4.2.2-contrats')).toBe(5);
  });

  it('4.2.2-typologie: one count per contract type, in the order of champs.md', () => {
    const r = indicator(reg, '4.2.2-typologie');
    expect(r.valeur).toBe(5);
    expect(r.repartition).toEqual({ CDI: 1, CDDI: 2, Apprentissage: 1, Autre: 1 });
    expect(Object.keys(r.repartition ?? {})).toEqual(['CDI', 'CDDI', 'Apprentissage', 'Autre']);
  });

  it('4.2.2-femmes is non calculable when no beneficiary has a sexe', () => {
    const none = register([contract], { suivi: [{ numero: 'INS-1', beneficiaire: 'Cid', typeContrat: 'CDI' }] });
    expect(indicator(none, '4.2.2-femmes')).toMatchObject({ statut: 'non calculable', motif: 'dénominateur nul : aucun sexe renseigné' });
  });

  it('a beneficiary followed on two contracts of N counts once', () => {
    const two = register([contract, s.row({ numero: 'INS-2' })], {
      suivi: [
        { numero: 'INS-1', beneficiaire: 'Eve', sexe: 'F' },
        { numero: 'INS-2', beneficiaire: 'EVE', sexe: 'F' },
      ],
    });
    expect(value(two, '4.2.2-personnes')).toBe(1);
    expect(value(two, '4.2.2-contrats')).toBe(2);
  });
});

describe('Suivi insertion without any contract of N', () => {
  it.each(['4.2.2-heures', '4.2.2-personnes', '4.2.2-contrats', '4.2.2-typologie', '4.2.2-femmes', '4.2.2-roubaisiens', '4.2.2-residents-qpv'])(
    '%s is non calculable (« aucun marché »), not 0, when every row of N is an order outside any contract',
    (id) => {
      const s = sheet(['horsMarche']);
      // The Suivi row names the order's number: an order is not a contract of M.
      const reg = register([s.row({ numero: 'BC-1', horsMarche: true })], {
        suivi: [{ numero: 'BC-1', beneficiaire: 'Ana', sexe: 'F', communeResidence: 'Roubaix', qpv: true, typeContrat: 'CDI', heures: 10 }],
      });
      expect(indicator(reg, id)).toMatchObject({ statut: 'non calculable', valeur: null, motif: "aucun marché pour l'exercice 2025" });
    },
  );
});

describe('1.2.1-personnes-formees', () => {
  it('an empty participants cell adds 0', () => {
    const s = sheet([]);
    const reg = register([s.row()], {
      actions: [
        { date: '2025-05-01', typeAction: 'Formation' },
        { date: '2025-05-02', typeAction: 'Formation', participants: 8 },
      ],
    });
    expect(indicator(reg, '1.2.1-personnes-formees')).toMatchObject({ statut: 'calculé', valeur: 8 });
  });
});

describe('4.2.2-heures: the note counts the contracts whose hours were counted, as the coverage does', () => {
  const plain = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/[\u00a0\u202f]/g, ' '));
  const s = sheet(['heuresInsertionRealisees']);
  const COLUMN = "« Heures d'insertion réalisées »";

  it('an empty hours cell is no source: Suivi for 1, the column for 1 (not 3), 2 filled of 4', () => {
    const reg = register(
      [s.row({ numero: 'A-1' }), s.row({ heuresInsertionRealisees: 5 }), s.row({}), s.row({})],
      { suivi: [{ numero: 'A-1', beneficiaire: 'P1', heures: 10 }] },
    );
    const r = indicator(reg, '4.2.2-heures');
    expect(r.valeur).toBe(15);
    expect(r.couverture).toEqual({ renseignees: 2, total: 4 });
    expect(plain(r.note)).toBe(`heures de la feuille Suivi insertion pour 1 marché, de la colonne ${COLUMN} pour 1 marché`);
  });

  it('a contract followed without hours and a filled column: the hours come from the column only', () => {
    const reg = register([s.row({ numero: 'A-1' }), s.row({ heuresInsertionRealisees: 7 })], {
      suivi: [{ numero: 'A-1', beneficiaire: 'P1', typeContrat: 'CDD' }],
    });
    const r = indicator(reg, '4.2.2-heures');
    expect([r.valeur, r.couverture]).toEqual([7, { renseignees: 1, total: 2 }]);
    expect(plain(r.note)).toBe(`heures de la colonne ${COLUMN}`);
  });

  it('Suivi hours and empty column cells: the hours come from the Suivi insertion sheet only', () => {
    const reg = register([s.row({ numero: 'A-1' }), s.row({})], { suivi: [{ numero: 'A-1', beneficiaire: 'P1', heures: 12 }] });
    const r = indicator(reg, '4.2.2-heures');
    expect([r.valeur, r.couverture]).toEqual([12, { renseignees: 1, total: 2 }]);
    expect(plain(r.note)).toBe('heures de la feuille Suivi insertion');
  });

  it('no hours filled anywhere: 0, and the note says no hours were filled', () => {
    const reg = register([s.row({ numero: 'A-1' }), s.row({})], { suivi: [{ numero: 'A-1', beneficiaire: 'P1' }] });
    const r = indicator(reg, '4.2.2-heures');
    expect([r.valeur, r.couverture]).toEqual([0, { renseignees: 0, total: 2 }]);
    expect(r.note).toBe('aucune heure renseignée');
  });
});
