/**
 * Session-28 mutation audit of the N−1 note (`engine.ts` `withN1Coverage`): cases no test held, each
 * killing a hand-applied mutant that survived. Expectations from the README, worked by hand.
 */
import { indicator, register, sheet } from './indicators/fixtures';

describe('a manual N−1 value is no « N−1 computed from rows none of which had the field »', () => {
  // README « N−1 calculé sur des lignes dont aucune n'avait la donnée : « en N−1, 0 ligne renseignée sur 3 » »:
  // a value of Saisies manuelles is not computed from rows; its note is that of the year N value alone.
  const s = sheet(['sourcage'], 'Registre', 'Pôle A');
  const reg = register([s.row({ sourcage: true }), s.row({ annee: 2024, sourcage: true })], {
    saisies: [
      { indicateur: '2.1.4-cout-global', annee: 2024, valeur: 2 },
      { indicateur: '2.1.4-cout-global', annee: 2025, valeur: 3 },
    ],
  });

  it('N and N−1 both typed: n1 is the typed value and the note says nothing of N−1', () => {
    const r = indicator(reg, '2.1.4-cout-global');
    expect([r.statut, r.valeur, r.n1]).toEqual(['saisi', 3, 2]);
    expect(r.note).not.toMatch(/N−1/);
    expect(r.note?.startsWith('valeur saisie (')).toBe(true);
  });
});

describe('the N−1 coverage is said beside the note of the indicator, not instead of it', () => {
  // README « Feuilles écrites »: the Note column gives, « séparés par « ; » », the indicator's note; the README lists
  // the note's parts as « … origine des heures d'insertion, N−1 calculé sur des lignes dont aucune n'avait la
  // donnée : « en N−1, 0 ligne renseignée sur 3 » » — the N−1 part after the origin of the hours.
  const s = sheet(['heuresInsertionRealisees']);
  const plain = (t: string | null | undefined): string | null => (t == null ? null : t.replace(/[\u00a0\u202f]/g, ' '));

  it('4.2.2-heures: hours of N from the column; three N−1 contracts with the column empty', () => {
    const reg = register([
      s.row({ heuresInsertionRealisees: 5 }),
      s.row({ annee: 2024 }),
      s.row({ annee: 2024 }),
      s.row({ annee: 2024 }),
    ]);
    const r = indicator(reg, '4.2.2-heures');
    expect([r.valeur, r.n1]).toEqual([5, 0]);
    expect(plain(r.note)).toBe("heures de la colonne « Heures d'insertion réalisées » ; en N−1, 0 ligne renseignée sur 3");
  });
});
