/**
 * Session 36, mutation audit of the copied-sheet notice (README « Copies de la feuille du registre »):
 * the sheet repeated most is named (the first in order on a tie); the rows said to count apart are
 * those no doublon at all, not merely those repeating another sheet than the one named; a sheet is
 * said hidden only when it is.
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { d, grid } from '../helpers/grid';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const R: CellValue[][] = [
  ['M-1', 'Papier', 100, d('2025-02-01')],
  ['M-2', 'Encre', 200, d('2025-03-01')],
  ['M-3', 'Toner', 300, d('2025-04-01')],
  ['M-4', 'Stylos', 400, d('2025-05-01')],
];
const NEW: CellValue[] = ['N-9', 'Sucre', 7, d('2025-06-03')];
const sheet = (name: string, rows: CellValue[][]) => grid(name, [HEADER, ...rows]);
const run = (...sheets: ReturnType<typeof sheet>[]) => {
  const inputs: ChainInput[] = [{ file: 'Suivi.xlsx', sheets, state: null }];
  return runChain(inputs, { today: '2026-01-15', writesCharts: false });
};
const plain = (s: readonly string[]) => s.map((t) => t.replace(/\u00a0/g, ' '));
const FLAGGED = 'chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs';
const ADVICE = "Si c'est une ancienne copie, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons";

describe('a sheet repeating rows of two earlier sheets', () => {
  it('half from one, the rest from another: the first named, the others said doublons too, none said to count', () => {
    // « Année » gathers the two semesters: each of its 4 rows is a doublon (2 of « S1 », 2 of « S2 »).
    const out = run(sheet('S1', [R[0], R[1]]), sheet('S2', [R[2], R[3]]), sheet('Année', R));
    expect(out.result.lignes).toMatchObject({ lues: 8, erreurs: 4 });
    expect(plain(out.notices)).toEqual([
      `Sur les 4 lignes de la feuille « Année », 2 reprennent des lignes de la feuille « S1 », plus haut dans l'ordre des feuilles, et 2 autres lignes sont aussi en double : ${FLAGGED}. ${ADVICE}.`,
    ]);
  });

  it('one row of another sheet, one new row: only the new row is said to count', () => {
    const out = run(sheet('S1', [R[0], R[1]]), sheet('S2', [R[2]]), sheet('Année', [R[0], R[1], R[2], NEW]));
    expect(out.result.lignes).toMatchObject({ lues: 7, erreurs: 3 });
    expect(plain(out.notices)).toEqual([
      `Sur les 4 lignes de la feuille « Année », 2 reprennent des lignes de la feuille « S1 », plus haut dans l'ordre des feuilles, et une autre ligne est aussi en double : ${FLAGGED}, ` +
        `mais la ligne restante compte comme un marché à part (un numéro ou une date corrigés depuis ?). ${ADVICE}, et sa ligne restante ne comptera plus.`,
    ]);
  });
});

describe('a row typed twice in the copy', () => {
  it('is a doublon too, not a row left', () => {
    const out = run(sheet('S1', [R[0], R[1]]), sheet('Année', [R[0], R[1], NEW, NEW]));
    expect(plain(out.notices)).toEqual([
      `Sur les 4 lignes de la feuille « Année », 2 reprennent des lignes de la feuille « S1 », plus haut dans l'ordre des feuilles, et une autre ligne est aussi en double : ${FLAGGED}, ` +
        `mais la ligne restante compte comme un marché à part (un numéro ou une date corrigés depuis ?). ${ADVICE}, et sa ligne restante ne comptera plus.`,
    ]);
  });
});

describe('a copy said hidden only when it is', () => {
  it('a sheet read with `hidden: false` is a visible sheet', () => {
    const notices = plain(run(sheet('Registre', R), { ...sheet('Registre (2)', R), hidden: false }).notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^La feuille « Registre \(2\) » reprend les 4 lignes/);
    expect(notices[0]).not.toContain('Affichez-la');
  });
});
