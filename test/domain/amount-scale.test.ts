/**
 * An amount column headed in thousands or millions of euros (`Montant HT (k€)`): the unit is
 * ignored to recognise the column (`regles.md` §1) but not to read its values, which are
 * amounts in euros (`champs.md`: « montant (euros HT) »). README « Colonnes ».
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { REGISTER_FIELDS } from '../../src/domain/fields';
import { mapHeaderRow } from '../../src/domain/mapping';
import { amountScale } from '../../src/domain/normalize';
import { d, grid } from '../helpers/grid';

describe('amountScale', () => {
  it.each([
    ['Montant HT (k€)', 1000],
    ['Montant HT (kEUR)', 1000],
    ['Montant (K €)', 1000],
    ['Montant (KE)', 1000],
    ["Montant (milliers d'euros)", 1000],
    ['Montant (milliers d’euros)', 1000],
    ['Montant en k€', 1000],
    ['Montant (M€)', 1_000_000],
    ['Montant (milliers €)', 1000],
    ['Montant (Milliers EUR)', 1000],
    ['Montant (k.€)', 1000],
    ['Montant (millions €)', 1_000_000],
    ['Montant (MEUR)', 1_000_000],
    ['Montant (keuros)', 1000],
    ['Benchmark €', 1],
    ['Montant (€ HT)', 1],
    ["Montant (millions d'euros)", 1_000_000],
    ['Montant HT (€)', 1],
    ['Montant HT', 1],
    ['Montant HT (M)', 1],
    ['Kermesse', 1],
    ['Marché (MAPA)', 1],
  ])('%s → %d', (header, scale) => {
    expect(amountScale(header)).toBe(scale);
  });

  it('a thousands or millions bracket is a unit: the column is recognised', () => {
    for (const h of ['Montant HT (k€)', 'Montant HT (kEUR)', "Montant HT (milliers d'euros)", 'Montant HT (milliers €)', 'Montant HT (k.€)', 'Montant HT (M€)']) {
      expect([h, mapHeaderRow([h], REGISTER_FIELDS, 1).columns.map((c) => c.field)]).toEqual([h, ['montant']]);
    }
  });
});

function run(headers: string[], rows: CellValue[][]): ReturnType<typeof runChain> {
  const input: ChainInput = { file: 'Pôle.xlsx', sheets: [grid('Suivi', [headers, ...rows])], state: null };
  return runChain([input], { today: '2026-01-15' });
}

describe('reading an amount column in thousands of euros', () => {
  it('gives euros, to the cent, in the register and in the indicators', () => {
    const out = run(
      ['N° de marché', 'Objet', 'Montant HT (k€)', 'Date de notification', 'Dépenses mandatées (k€)', 'Marché innovant', "Nombre d'offres reçues"],
      [
        ['A', 'Voirie', 1.1, d('2025-01-01'), '0,5', 'oui', 3],
        ['B', 'Écoles', '2,25', d('2025-02-01'), 2, 'non', 4],
      ],
    );
    const [a, b] = out.register.rows;
    expect([a.values.montant, b.values.montant]).toEqual([1100, 2250]);
    expect([a.values.montantMandate, b.values.montantMandate]).toEqual([500, 2000]);
    // Not an amount: a count under the same sheet keeps its value.
    expect([a.values.offresRecues, b.values.offresRecues]).toEqual([3, 4]);
    // % of the € (montant) of innovative contracts: 1 100 / (1 100 + 2 250).
    const share = out.result.indicateurs.find((i) => i.id === '5.2.1-innovants-montant')!;
    expect(share.statut).toBe('calculé');
    expect(share.valeur).toBeCloseTo((100 * 1100) / 3350, 9);
  });

  it('keeps euros as typed under a column in euros', () => {
    const out = run(['N° de marché', 'Objet', 'Montant HT (€)', 'Date de notification'], [['A', 'Voirie', 1.1, d('2025-01-01')]]);
    expect(out.register.rows[0].values.montant).toBe(1.1);
  });

  it('a negative amount in k€ is still montant-invalide', () => {
    const out = run(['N° de marché', 'Objet', 'Montant HT (k€)', 'Date de notification'], [['A', 'Voirie', -3, d('2025-01-01')]]);
    expect(out.register.rows[0].findings.map((f) => f.code)).toContain('montant-invalide');
  });
});
