/**
 * An indicator not calculable in N keeps its N−1 (README « Valeurs affichées et typographie »); when that
 * N−1 comes from rows none of which had the field, the note « en N−1, 0 ligne renseignée sur 2 » is said
 * beside it on every front: the sheet's Note after the motif, the pane's City view, the command line.
 * (Found by the session-28 mutation audit: the sheet and the pane showed a bare « N−1 : 0,00 € ».)
 */
import { runChain } from '../../src/domain/chain';
import { formatSummary } from '../../src/cli/format';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { poleView } from '../../src/domain/indicators/engine';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { INDICATOR_HEADERS } from '../../src/domain/plan';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';
import { sheet } from '../helpers/plan-sheet';

const plain = (s: unknown): string => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const out = runChain(
  [
    {
      file: 'Pôle A.xlsx',
      state: null,
      sheets: [
        grid('Marchés 2025', [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ['M-1', 'Papier', 100, d('2025-02-01')]]),
        grid('Marchés 2024', [
          ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Montant hors BPU'],
          ['A-1', 'Papier', 90, d('2024-02-01'), null],
          ['A-2', 'Encre', 80, d('2024-03-01'), null],
        ]),
      ],
    },
  ],
  { today: '2026-01-15', exercice: 2025 },
);
const ind = out.result.indicateurs.find((i) => i.id === '2.2.2-hors-bpu');
if (!ind) throw new Error('2.2.2-hors-bpu absent');

it('the result: not calculable in N, N−1 of 0, and the note', () => {
  expect([ind.statut, ind.n1]).toEqual(['non calculable', 0]);
  expect(plain(ind.note)).toBe('en N−1, 0 ligne renseignée sur 2');
});

it('the Note column of SPASER Indicateurs: the motif, then the note', () => {
  const s = sheet(out.plan, SHEET_INDICATEURS);
  const block = s.blocks.find((b) => b.values.some((r) => r[0] === '2.2.2-hors-bpu'));
  const row = block?.values.find((r) => r[0] === '2.2.2-hors-bpu') ?? [];
  const note = row[INDICATOR_HEADERS.indexOf('Note')];
  expect(plain(note)).toBe(`${plain(ind.motif)} ; en N−1, 0 ligne renseignée sur 2`);
});

it('the pane (City view) says it beside N−1; a Pôle view does not', () => {
  const shown = shownIndicator(ind, null, null, out.poleBreakdowns);
  expect(shown.lines.map(plain)).toEqual(['N−1 : 0,00 €']);
  expect(plain(shown.note)).toBe('en N−1, 0 ligne renseignée sur 2');
  expect(shownIndicator(ind, 'Pôle A', null, out.poleBreakdowns).note).toBeNull();
});

it('the command line says it under the indicator', () => {
  expect(plain(formatSummary(out.result, { inputs: ['Pôle A.xlsx'], output: null }))).toContain('note : en N−1, 0 ligne renseignée sur 2');
});

describe("a Pôle's own N−1 from rows none of which had the field: its view says so, not the City's note", () => {
  const two = runChain(
    [
      {
        file: 'Ville.xlsx',
        state: null,
        sheets: [
          grid('Marchés', [
            ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Montant hors BPU', 'Pôle'],
            ['M-1', 'Papier', 100, d('2025-02-01'), 40, 'Pôle A'],
            ['M-2', 'Encre', 100, d('2025-02-01'), 10, 'Pôle B'],
            ['A-1', 'Papier', 90, d('2024-02-01'), null, 'Pôle A'],
            ['B-1', 'Encre', 90, d('2024-02-01'), 7, 'Pôle B'],
          ]),
        ],
      },
    ],
    { today: '2026-01-15', exercice: 2025 },
  );
  const hb = two.result.indicateurs.find((i) => i.id === '2.2.2-hors-bpu');
  if (!hb) throw new Error('2.2.2-hors-bpu absent');

  it('Pôle A: N−1 of 0 from its one empty row, said; Pôle B: filled, nothing said', () => {
    const a = poleView(two.register, 2025, 'Pôle A').figures;
    const b = poleView(two.register, 2025, 'Pôle B').figures;
    expect(a.get('2.2.2-hors-bpu')?.n1).toBe(0);
    expect(plain(shownIndicator(hb, 'Pôle A', a, two.poleBreakdowns).note)).toBe('en N−1, 0 ligne renseignée sur 1');
    expect(shownIndicator(hb, 'Pôle B', b, two.poleBreakdowns).note).toBeNull();
    // The City's N−1 has one row filled of two: no note for the City.
    expect(hb.note).toBeNull();
  });
});

describe('a count of the Suivi insertion sheet in N−1 that follows no contract of N−1: 0 by the rule, said', () => {
  // README: « aucun [marché] suivi : les comptes valent 0 »; the note says that 0 rests on no row.
  const registerWith = (rows2024: CellValue[][]) =>
    runChain(
      [
        {
          file: 'Pôle A.xlsx',
          state: null,
          sheets: [
            grid('Marchés', [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ['M-1', 'Chantier', 100, d('2025-02-01')], ...rows2024]),
            grid('Suivi insertion', [['N° marché', 'Bénéficiaire', 'Heures'], ['M-1', 'P1', 35], ['M-1', 'P2', 10]]),
          ],
        },
      ],
      { today: '2026-01-15', exercice: 2025 },
    );

  it('N−1 of 0 persons, with the note; N, followed, without', () => {
    const out = registerWith([['A-1', 'Chantier', 90, d('2024-02-01')]]);
    const r = out.result.indicateurs.find((i) => i.id === '4.2.2-personnes');
    expect([r?.valeur, r?.n1]).toEqual([2, 0]);
    expect(plain(r?.note)).toBe('en N−1, aucune ligne de la feuille Suivi insertion pour les marchés de 2024');
  });

  it('no contract in N−1: no N−1 and no note', () => {
    const r = registerWith([]).result.indicateurs.find((i) => i.id === '4.2.2-personnes');
    expect([r?.n1, r?.note]).toEqual([null, null]);
  });
});
