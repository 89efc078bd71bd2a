/**
 * Session-27 mutation audit of the shared wordings (`change.ts` `writtenChange`, `repartitionText`),
 * the note of a manual value set aside (`engine.ts` `withSaisie`) and the `4.2.2-heures` note
 * (`axe4.ts`): cases no test held, each killing a hand-applied mutant that survived.
 * Expectations from the README, worked by hand.
 */
import { runChain } from '../../src/domain/chain';
import { formatChange, formatValue, indicatorChange, repartitionText, writtenChange } from '../../src/domain/change';
import { comparisonLines } from '../../src/taskpane/labels';
import { d, grid } from '../helpers/grid';
import { indicator, register, sheet } from './indicators/fixtures';

const plain = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/[\u00a0\u202f]/g, ' '));

describe('the change is the difference of the values as shown', () => {
  // README « Valeurs affichées et typographie »: the change is N minus N−1 as the row shows them, each at the
  // row's digits, so that the reader who redoes the subtraction finds it; the same in the sheet, pane and CLI.
  const ind = { valeur: 1, n1: 1.05, unite: '%' as const, parPole: null, cible: null };

  it.each([
    [1, 1.05, -0.1, '−0,1 point'], // 1,0 % against 1,1 % (1,05 rounds half up)
    [0, 0.05, -0.1, '−0,1 point'], // 0,0 % against 0,1 %
    [1, 1.04, 0, '0,0 point'], // 1,0 % against 1,0 %
    [1.04, 0.96, 0, '0,0 point'], // exact change 0,08, but both show 1,0 %
    [100 / 3, 50, -16.7, '−16,7 points'], // 33,3 % against 50,0 %
  ])('a share of %p against %p: written %p, said %p', (valeur, n1, written, said) => {
    expect(writtenChange({ ...ind, valeur, n1 })).toBe(written);
    expect(Object.is(writtenChange({ ...ind, valeur, n1 }), -0)).toBe(false);
    expect(comparisonLines({ ...ind, valeur, n1 }).map(plain)).toEqual([`N−1 : ${plain(formatValue(n1, '%'))} (évolution : ${said})`]);
  });

  it('1 000,00 € against 1 000,01 € (1 000,005): −0,01 €, not 0,00 €', () => {
    const euros = { valeur: 1000, n1: 1000.005, unite: '€' as const, parPole: null, cible: null };
    expect(plain(formatValue(euros.n1, '€'))).toBe('1 000,01 €');
    expect(writtenChange(euros)).toBe(-0.01);
    expect(plain(formatChange(indicatorChange(euros) as number, '€'))).toBe('−0,01 €');
  });

  it("a Pôle's digits row: a mean elsewhere in the row gives its counts a decimal", () => {
    // 3 against 2,96 with a Pôle at 2,5: one decimal for the row, 3,0 against 3,0.
    const count = { valeur: 3, n1: 2.96, unite: 'nombre' as const, parPole: { A: 2.5 }, cible: null };
    expect(writtenChange(count)).toBe(0);
    // Value and N−1 whole, no Pôle: no decimal, 3 − 2 = 1.
    expect(indicatorChange({ ...count, n1: 2 })).toBe(1);
  });
});

describe('a count per category groups its digits', () => {
  // README « Valeurs affichées et typographie »: « chiffres groupés par une espace fine insécable (U+202F) ».
  it('CDI : 1 234 ; CDD : 56', () => {
    expect(repartitionText({ CDI: 1234, CDD: 56 })).toBe('CDI\u00a0: 1\u202f234\u00a0; CDD\u00a0: 56');
  });
});

describe('a manual value set aside names the sheet it was typed in', () => {
  // README « Indicateurs »: « valeur saisie non reprise (99, feuille « Saisies manuelles » ligne 5) » — the
  // sheet and the row; a companion sheet is known by its header (`regles.md` §1), not by its name.
  it('a sheet named « Valeurs COPIL » is named so', () => {
    const out = runChain(
      [
        {
          file: 'a.xlsx',
          state: null,
          sheets: [
            grid('Registre', [
              ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
              ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
            ]),
            grid('Valeurs COPIL', [
              ['Indicateur', 'Année', 'Valeur', 'Source'],
              ['4.2.2-clause-sociale-nb', 2025, 7, 'DRH'],
            ]),
          ],
        },
      ],
      { today: '2026-01-15' },
    );
    const r = out.result.indicateurs.find((i) => i.id === '4.2.2-clause-sociale-nb');
    expect(r?.statut).toBe('calculé');
    expect(plain(r?.note)).toBe('valeur saisie non reprise (7, feuille « Valeurs COPIL » ligne 2) : une saisie ne remplace jamais un calcul');
  });
});

describe('4.2.2-heures: the note counts the contracts of each source in the plural', () => {
  // README « Valeurs affichées et typographie »: a count is bound to the noun it counts (« 116 lignes »).
  it('2 contracts from Suivi insertion, 1 from the column', () => {
    const s = sheet(['heuresInsertionRealisees']);
    const reg = register([s.row({ numero: 'A-1' }), s.row({ numero: 'B-1' }), s.row({ heuresInsertionRealisees: 5 })], {
      suivi: [
        { numero: 'A-1', beneficiaire: 'P1', heures: 10 },
        { numero: 'B-1', beneficiaire: 'P2', heures: 20 },
      ],
    });
    const r = indicator(reg, '4.2.2-heures');
    // 10 + 20 (Suivi, 2 contracts) + 5 (column, 1 contract) = 35.
    expect(r.valeur).toBe(35);
    expect(plain(r.note)).toBe("heures de la feuille Suivi insertion pour 2 marchés, de la colonne « Heures d'insertion réalisées » pour 1 marché");
  });
});

describe('the Évolution cell rounds with the digits of the whole row', () => {
  // README « Valeurs affichées et typographie »: « un compte n'a pas de décimale, sauf si l'un d'eux en a une »;
  // « toute autre évolution garde sa pleine précision ». 3 offers against 2,6: the row shows 0,4, not 0.
  it('3 against 2,6: change 0,4 written as is', () => {
    expect(writtenChange({ valeur: 3, n1: 2.6, unite: 'nombre', parPole: null })).toBeCloseTo(0.4, 10);
  });
});

describe('a manual value keeps the coverage of the non-calculable indicator it replaces', () => {
  // README « Indicateurs »: « une valeur saisie (*Saisies manuelles*) garde la couverture de l'indicateur non
  // calculable qu'elle remplace ». No « Clause sociale » column: 0 of the 2 contracts of 2025.
  it('4.2.2-clause-sociale-nb typed 7: saisi, 0 of 2 rows', () => {
    const registre = grid('Registre', [
      ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
      ['M-1', 'Papier', 100, d('2025-02-01')],
      ['M-2', 'Stylos', 100, d('2025-03-01')],
    ]);
    const saisies = grid('Saisies manuelles', [
      ['Indicateur', 'Année', 'Valeur', 'Source'],
      ['4.2.2-clause-sociale-nb', 2025, 7, 'DRH'],
    ]);
    const out = runChain([{ file: 'a.xlsx', state: null, sheets: [registre, saisies] }], { today: '2026-01-15' });
    const r = out.result.indicateurs.find((i) => i.id === '4.2.2-clause-sociale-nb');
    expect(r).toMatchObject({ statut: 'saisi', valeur: 7, couverture: { renseignees: 0, total: 2 } });
  });
});
