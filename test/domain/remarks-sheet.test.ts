/**
 * The run's remarks on what the figures rest on (a sheet read hidden, a row of Saisies manuelles set
 * aside, an unknown indicator id…) are said by the pane and the command line at the run, and written
 * in `SPASER Indicateurs` above the indicators for whoever reads the figures later (README « Feuilles
 * écrites »). The notice of an unreadable saved state is not: the write replaces that sheet.
 */
import { runChain, unreadableStateNotice } from '../../src/domain/chain';
import { INDICATOR_HEADERS, REMARK_INDENT, REMARK_WIDTH } from '../../src/domain/plan';
import { SHEET_ETAT, SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';
import { cellAt, sheet } from '../helpers/plan-sheet';

const FILE = 'Pôle A.xlsx';
const REGISTER = grid('Marchés', [
  ['N° marché', 'Objet', 'Montant HT', 'Date de notification', 'Clause sociale'],
  ['M-1', 'Papier', 100, d('2025-02-01'), 'oui'],
  ['M-2', 'Stylos', 200, d('2025-03-01'), 'non'],
]);
const SAISIES = grid('Saisies manuelles', [
  ['Indicateur', 'Année', 'Valeur', 'Source'],
  ['4.2.2-clause-sociale-nb', 2025, 7, null],
  ['4.2.2-clauses-sociales', 2025, 3, null],
]);
const plain = (v: unknown): string => String(v ?? '').replace(/[\u00a0\u202f]/g, ' ');

/** Column A of `SPASER Indicateurs` from row 1 down to its header row (included). */
function head(out: ReturnType<typeof runChain>): string[] {
  const s = sheet(out.plan, SHEET_INDICATEURS);
  const cells: string[] = [];
  for (let r = 1; r <= 20; r++) {
    const v = plain(cellAt(s, r, 1));
    cells.push(v);
    if (v === INDICATOR_HEADERS[0]) break;
  }
  return cells;
}

/** The remarks written below the heading: a line « • … » opens one, the indented lines below go on with it. */
function remarksOf(lines: readonly string[]): string[] {
  const remarks: string[] = [];
  for (const line of lines) {
    if (line.startsWith('• ')) remarks.push(line.slice(2));
    else if (line.startsWith(REMARK_INDENT) && remarks.length > 0) remarks[remarks.length - 1] += ` ${line.slice(REMARK_INDENT.length)}`;
    else break;
  }
  return remarks;
}

it('writes each remark of the run above the indicators, under a heading that counts them', () => {
  const out = runChain([{ file: FILE, sheets: [REGISTER, SAISIES], state: null }], { today: '2026-01-15' });
  expect(out.notices).toHaveLength(2);
  const rows = head(out);
  // Title, spend used, rows line, then the heading and the two remarks in the run's order, a blank row, the header.
  expect(rows[3]).toBe('Remarques du calcul (2) : à lire avant les chiffres');
  expect(remarksOf(rows.slice(4))).toEqual(out.notices.map(plain));
  expect(remarksOf(rows.slice(4))[1]).toMatch(/« 4\.2\.2-clauses-sociales » n'est pas l'identifiant d'un indicateur/);
  expect(rows.slice(-2)).toEqual(['', INDICATOR_HEADERS[0]]);
});

it('cuts a long remark into lines of at most about 100 characters (columns A:C), at spaces', () => {
  const out = runChain([{ file: FILE, sheets: [REGISTER, SAISIES], state: null }], { today: '2026-01-15' });
  const lines = head(out).slice(4, -2);
  expect(out.notices.every((n) => n.length > REMARK_WIDTH)).toBe(true);
  expect(lines.length).toBeGreaterThan(out.notices.length);
  for (const line of lines) expect(line.length).toBeLessThanOrEqual(REMARK_WIDTH);
  expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(2);
});

it('writes nothing more when the run has no remark: the header stays on row 5', () => {
  const out = runChain([{ file: FILE, sheets: [REGISTER], state: null }], { today: '2026-01-15' });
  expect(out.notices).toEqual([]);
  const rows = head(out);
  expect(rows).toHaveLength(5);
  expect(rows.join('\n')).not.toContain('Remarques');
});

it('leaves out the notice of an unreadable saved state, which the write replaces', () => {
  const out = runChain([{ file: FILE, sheets: [REGISTER, grid(SHEET_ETAT, [['{"version": 1, "mappi']])], state: null }], { today: '2026-01-15' });
  expect(out.notices).toEqual([unreadableStateNotice(FILE)]);
  expect(head(out).join('\n')).not.toMatch(/Remarques|illisible/);
});

it('keeps the remarks as text, never as a formula, whatever the user named a sheet', () => {
  const hidden = { ...grid('=HYPERLINK("x")', [
    ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
    ['H-1', 'Chaises', 300, d('2025-04-01')],
  ]), hidden: true };
  const out = runChain([{ file: FILE, sheets: [REGISTER, hidden], state: null }], { today: '2026-01-15' });
  const remark = head(out).find((r) => r.includes('HYPERLINK'));
  expect(remark).toBeDefined();
  // Written as a string value (the writers write strings as text); it opens with the sentence, not « = ».
  expect(remark!.startsWith('=')).toBe(false);
});
