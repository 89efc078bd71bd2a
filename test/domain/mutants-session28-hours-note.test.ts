/**
 * Session-28 mutation audit of the `4.2.2-heures` note (`axe4.ts`): a case no test held, killing a
 * hand-applied mutant that survived. Expectations from the README, worked by hand.
 */
import { indicator, register, sheet } from './indicators/fixtures';

const plain = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/[\u00a0\u202f]/g, ' '));

describe('4.2.2-heures: an hours cell holding 0 is filled', () => {
  // README « Sa note dit d'où viennent les heures comptées, en nombre de marchés dont les heures sont renseignées
  // … et « aucune heure renseignée » quand la valeur 0 ne vient d'aucune heure saisie »: a typed 0 is an hour saisie.
  const s = sheet(['heuresInsertionRealisees']);

  it('one contract with 0 typed, one left empty: 0 from the column, 1 filled of 2', () => {
    const r = indicator(register([s.row({ heuresInsertionRealisees: 0 }), s.row({})]), '4.2.2-heures');
    expect([r.valeur, r.couverture]).toEqual([0, { renseignees: 1, total: 2 }]);
    expect(plain(r.note)).toBe("heures de la colonne « Heures d'insertion réalisées »");
  });
});
