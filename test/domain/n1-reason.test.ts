/**
 * An indicator calculated in N whose N−1 is not calculable although the register has rows of N−1
 * (no negotiated file last year, a column added this year, no manual value for last year): its N−1
 * cell was empty with no word of why, beside filled ones (recipe `annee-precedente`). Its note now
 * gives the N−1 motif, on every front that shows the note; not when N is non calculable for the
 * same reason, which its motif already says.
 */
import { runChain } from '../../src/domain/chain';
import { formatSummary } from '../../src/cli/format';
import { poleView } from '../../src/domain/indicators/engine';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { INDICATOR_HEADERS } from '../../src/domain/plan';
import { d, grid } from '../helpers/grid';
import { sheet } from '../helpers/plan-sheet';

const plain = (s: unknown): string => String(s ?? '').replace(/[\u00a0\u202f]/g, ' ');
const H = ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Négociation', 'Offre technique améliorée'];
const out = runChain(
  [
    {
      file: 'Pôle A.xlsx',
      state: null,
      sheets: [
        grid('2024', [H, ['A-1', 'Papier', 90, d('2024-02-01'), 'Non', null], ['A-2', 'Encre', 80, d('2024-03-01'), 'Non', null]]),
        grid('2025', [
          [...H, 'Sourçage'],
          ['M-1', 'Papier', 100, d('2025-02-01'), 'Oui', 'Oui', 'Oui'],
          ['M-2', 'Encre', 100, d('2025-03-01'), 'Non', null, 'Non'],
        ]),
      ],
    },
  ],
  { today: '2026-01-15' },
);
const ind = (id: string) => {
  const i = out.result.indicateurs.find((x) => x.id === id);
  if (!i) throw new Error(`${id} absent`);
  return i;
};

it('2.2.5: calculated in N, no negotiated file in N−1: the note gives the N−1 motif', () => {
  const i = ind('2.2.5-offre-technique-amelioree');
  expect([i.statut, i.valeur, i.n1]).toEqual(['calculé', 100, null]);
  expect(plain(i.note)).toBe('pas de valeur N−1 (2024) : dénominateur nul : aucun dossier négocié');
});

it('2.1.3-sourcage: a column of 2025 only: the note names it', () => {
  const i = ind('2.1.3-sourcage');
  expect([i.statut, i.valeur, i.n1]).toEqual(['calculé', 1, null]);
  expect(plain(i.note)).toBe('pas de valeur N−1 (2024) : colonne « Sourçage / parangonnage » absente');
});

it('non calculable in N for the same reason: its motif says it, no note', () => {
  const i = ind('2.1.1-programmes-nb');
  expect(i.statut).toBe('non calculable');
  expect(i.note ?? null).toBeNull();
});

it('the Note column of SPASER Indicateurs and the command line say it', () => {
  const s = sheet(out.plan, SHEET_INDICATEURS);
  const row = s.blocks.flatMap((b) => b.values).find((r) => r[0] === '2.2.5-offre-technique-amelioree') ?? [];
  expect(plain(row[INDICATOR_HEADERS.indexOf('Note')])).toBe('pas de valeur N−1 (2024) : dénominateur nul : aucun dossier négocié');
  expect(plain(formatSummary(out.result, { inputs: ['Pôle A.xlsx'], output: null }))).toContain('note : pas de valeur N−1 (2024) : dénominateur nul : aucun dossier négocié');
});

// The pane's Pôle view shows the same N−1 note as the City's (both from one function since session 37).
it("a Pôle's view says it too, and says nothing where its N−1 is filled", () => {
  const fig = poleView(out.register, 2025, 'Pôle A').figures;
  expect(plain(fig.get('2.2.5-offre-technique-amelioree')?.n1Note)).toBe('pas de valeur N−1 (2024) : dénominateur nul : aucun dossier négocié');
  expect(fig.get('2.1.1-programmes-nb')?.n1Note ?? null).toBeNull();
  // 2.2.4: two files of 2024, neither negotiated: 0, from filled cells, nothing to add.
  expect(fig.get('2.2.4-dossiers-negocies')).toMatchObject({ n1: 0, n1Note: null });
  // The pane's view of the Pôle shows that note beside its value.
  const shown = shownIndicator(ind('2.2.5-offre-technique-amelioree'), 'Pôle A', fig, out.poleBreakdowns);
  expect(plain(shown.note)).toBe('pas de valeur N−1 (2024) : dénominateur nul : aucun dossier négocié');
});
