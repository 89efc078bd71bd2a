/**
 * The note of `SPASER Indicateurs` (spend used, source of a manual value, a manual value set aside) is
 * said by the pane and the command line too (session 26 fronts review: a manual value for a computed
 * indicator was told only in the run's notices — pane banner, CLI stderr — and nowhere in the workbook;
 * the source of a manual value only in the sheet). README « Indicateurs »: « Saisies manuelles : la
 * dernière ligne de l'année l'emporte, jamais sur une valeur calculée ».
 */
import './dom-setup';
import { cleanup, render, screen } from '@testing-library/react';
import { runChain } from '../../src/domain/chain';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { formatIndicatorValue, formatSummary, plainSpaces } from '../../src/cli/format';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { App } from '../../src/taskpane/components/App';
import { d, grid } from '../helpers/grid';
import { fakeHost, TODAY } from './fixtures';

afterEach(cleanup);

const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Montant mandaté HT', 'Date de notification', 'Clause sociale'],
  ['M-1', 'Papier', 100, 80, d('2025-02-01'), 'oui'],
  ['M-2', 'Stylos', 200, null, d('2025-03-01'), 'oui'],
  ['M-3', 'Gommes', 300, 300, d('2025-04-01'), 'non'],
]);
const SAISIES = grid('Saisies manuelles', [
  ['Indicateur', 'Année', 'Valeur', 'Source'],
  ['4.2.2-clause-sociale-nb', 2025, 7, 'tableau DRH'],
  ['4.2.2-clause-sociale-nb', 2025, 9, null],
  ['3.2.1-fournitures-evitees', 2025, 12, 'Service achats'],
  ['1.1.2-montant-ar', 2025, 5000, null],
  ['4.2.3-reserves', 2024, 3, null],
]);
const sheets = [REGISTER, SAISIES];
const out = runChain([{ file: 'Pôle A.xlsx', sheets, state: null }], { today: TODAY });
const ind = (id: string) => {
  const found = out.result.indicateurs.find((r) => r.id === id);
  if (!found) throw new Error(id);
  return found;
};
const plain = (s: string | null | undefined): string | null => (s == null ? null : s.replace(/[\u00a0\u202f]/g, ' '));

/** The Note cell of an indicator's row in `SPASER Indicateurs` (last column of the header). */
function sheetNote(id: string): unknown {
  const sheet = out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS);
  for (const b of sheet?.blocks ?? []) for (const r of b.values) if (r[0] === id) return r[r.length - 1];
  return undefined;
}

describe('a manual value given for a computed indicator', () => {
  it('is said in the indicator note, the last row of the year named (README: the last row wins)', () => {
    // 2 contracts of 3 with a clause sociale: computed, 2; the manual 9 (row 3, after 7 on row 2) is set aside.
    expect(ind('4.2.2-clause-sociale-nb')).toMatchObject({ statut: 'calculé', valeur: 2 });
    expect(plain(ind('4.2.2-clause-sociale-nb').note)).toBe(
      'valeur saisie non reprise (9, feuille « Saisies manuelles » ligne 3) : une saisie ne remplace jamais un calcul',
    );
  });

  it('joins the spend note of a spend indicator instead of replacing it', () => {
    // AR rows M-1 (80 paid) and M-2 (no paid amount: notified 200) → 280. The spend note counts the
    // rows of the indicator's scope (R): M-1 and M-3 paid, M-2 notified.
    expect(ind('1.1.2-montant-ar')).toMatchObject({ statut: 'calculé', valeur: 280 });
    expect(plain(ind('1.1.2-montant-ar').note)).toBe(
      'dépense : dépenses mandatées HT (€) pour 2 lignes, montant notifié HT (€) pour 1 ligne sans dépenses mandatées ; ' +
        'valeur saisie non reprise (5 000,00 €, feuille « Saisies manuelles » ligne 5) : une saisie ne remplace jamais un calcul',
    );
  });

  it('says nothing of a manual value of another year', () => {
    expect(ind('4.2.3-reserves').note ?? null).toBeNull();
  });

  it('is written in the Note column of SPASER Indicateurs', () => {
    expect(plain(sheetNote('4.2.2-clause-sociale-nb') as string)).toContain('valeur saisie non reprise (9,');
    // The kept manual value named like the set-aside one: the sheet as the user named it, and its row.
    expect(plain(sheetNote('3.2.1-fournitures-evitees') as string)).toBe('valeur saisie (feuille « Saisies manuelles » ligne 4, source : Service achats)');
  });
});

describe('the pane and the command line say the note', () => {
  it('the command line gives it on a line of its own under the indicator', () => {
    const text = formatSummary(out.result, { inputs: ['Pôle A.xlsx'], output: null });
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  4.2.2-clause-sociale-nb  '));
    expect(lines[at]).toMatch(/ : 2$/);
    expect(lines[at + 1]).toBe('      note : valeur saisie non reprise (9, feuille « Saisies manuelles » ligne 3) : une saisie ne remplace jamais un calcul');
    const saisi = lines.findIndex((l) => l.startsWith('  3.2.1-fournitures-evitees  '));
    expect(lines[saisi]).toMatch(/ : 12,0 % \(saisi\)$/);
    expect(lines[saisi + 1]).toBe('      note : valeur saisie (feuille « Saisies manuelles » ligne 4, source : Service achats)');
    const reserves = lines.findIndex((l) => l.startsWith('  4.2.3-reserves  '));
    expect(lines[reserves + 1]).not.toMatch(/note/);
    expect(plainSpaces(formatIndicatorValue(ind('4.2.2-clause-sociale-nb')))).toBe('2');
  });

  it('the pane gives it for the City, not in a Pôle view (the note is the City row of the sheet)', () => {
    const city = shownIndicator(ind('1.1.2-montant-ar'), null, null, out.poleBreakdowns);
    expect(city.note).toBe(ind('1.1.2-montant-ar').note);
    expect(shownIndicator(ind('1.1.2-montant-ar'), 'Pôle A', null, out.poleBreakdowns).note).toBeNull();
  });

  it('the Indicateurs step shows « Note : » under the indicator', async () => {
    render(<App host={fakeHost([REGISTER, SAISIES])} today={TODAY} initialStep="indicateurs" />);
    expect(
      await screen.findByText('Note : valeur saisie non reprise (9, feuille « Saisies manuelles » ligne 3) : une saisie ne remplace jamais un calcul'),
    ).toBeInTheDocument();
    expect(screen.getByText('Note : valeur saisie (feuille « Saisies manuelles » ligne 4, source : Service achats)')).toBeInTheDocument();
  });
});
