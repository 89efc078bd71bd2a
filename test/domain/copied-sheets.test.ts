/**
 * A register sheet that repeats the rows of an earlier one (a backup made with « Déplacer ou
 * copier », an older copy kept beside) makes one `doublon` per row (`regles.md` §3, unchanged):
 * one notice names it, the sheet it repeats and what to do (README « Copies de la feuille du registre »).
 */
import { runChain, type ChainInput } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { copiedSheets } from '../../src/domain/copied-sheets';
import { d, grid } from '../helpers/grid';

const TODAY = '2026-01-15';
const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
const ROWS: CellValue[][] = [
  ['M-1', 'Papier', 100, d('2025-02-01')],
  ['M-2', 'Encre', 200, d('2025-03-01')],
  ['M-3', 'Toner', 300, d('2025-04-01')],
  ['M-4', 'Stylos', 400, d('2025-05-01')],
];
const sheet = (name: string, rows: CellValue[][]) => grid(name, [HEADER, ...rows]);
const run = (inputs: ChainInput[]) => runChain(inputs, { today: TODAY, writesCharts: false });
const one = (...sheets: ReturnType<typeof sheet>[]): ChainInput[] => [{ file: 'Suivi.xlsx', sheets, state: null }];
const plain = (s: readonly string[]) => s.map((t) => t.replace(/\u00a0/g, ' '));

describe('a sheet repeating the rows of an earlier sheet is named once', () => {
  it('a full copy: every row a doublon, one notice naming both sheets and what to do', () => {
    const out = run(one(sheet('Registre', ROWS), sheet('Registre (2)', ROWS)));
    expect(out.result.controles.filter((c) => c.code === 'doublon')).toHaveLength(4);
    expect(plain(out.notices)).toEqual([
      "La feuille « Registre (2) » reprend les 4 lignes de la feuille « Registre », plus haut dans l'ordre des feuilles : chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs, où seules celles de « Registre » comptent. Si l'une des deux feuilles est une copie de sauvegarde, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons.",
    ]);
    expect(out.remarks).toEqual(out.notices);
  });

  it('an older copy with a row renumbered since: the rows left count, and the notice says so', () => {
    const older = [ROWS[0], ROWS[1], ['M-03', 'Toner', 300, d('2025-04-01')]];
    const out = run(one(sheet('Registre', ROWS), sheet('Sauvegarde', older)));
    expect(out.result.lignes).toMatchObject({ lues: 7, erreurs: 2, exercice: 5 });
    expect(plain(out.notices)).toEqual([
      "Sur les 3 lignes de la feuille « Sauvegarde », 2 reprennent des lignes de la feuille « Registre », plus haut dans l'ordre des feuilles : chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs, mais la ligne restante compte comme un marché à part (un numéro ou une date corrigés depuis ?). Si c'est une ancienne copie, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons, et sa ligne restante ne comptera plus.",
    ]);
  });

  it('two rows left: plural', () => {
    const older = [ROWS[0], ROWS[1], ['M-03', 'Toner', 300, d('2025-04-01')], ['M-04', 'Stylos', 400, d('2025-05-01')]];
    expect(plain(run(one(sheet('Registre', ROWS), sheet('Sauvegarde', older))).notices)[0]).toMatch(
      /Sur les 4 lignes de la feuille « Sauvegarde », 2 reprennent .* mais les 2 lignes restantes comptent comme des marchés à part .* et ses lignes restantes ne compteront plus\.$/,
    );
  });

  it('a hidden copy is told once, as hidden, and not said to count', () => {
    const notices = plain(run(one(sheet('Registre', ROWS), { ...sheet('Registre (2)', ROWS), hidden: true })).notices);
    expect(notices).toEqual([
      "La feuille masquée « Registre (2) » reprend les 4 lignes de la feuille « Registre », plus haut dans l'ordre des feuilles : chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs, où seules celles de « Registre » comptent. Affichez-la pour la vérifier. Si l'une des deux feuilles est une copie de sauvegarde, enregistrez-la dans un autre classeur et retirez-la de celui-ci : les contrôles ne montreront plus que les vrais doublons.",
    ]);
    // A hidden partial copy: its rows left count, said once.
    const older = { ...sheet('Sauvegarde', [ROWS[0], ROWS[1], ['M-03', 'Toner', 300, d('2025-04-01')]]), hidden: true };
    const partial = plain(run(one(sheet('Registre', ROWS), older)).notices);
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatch(/^Sur les 3 lignes de la feuille masquée « Sauvegarde », 2 reprennent .* la ligne restante compte .* Affichez-la pour la vérifier\. Si c'est une ancienne copie/);
    // A hidden sheet that is no copy keeps its own notice.
    const other = { ...sheet('Archive', [['A-1', 'Café', 5, d('2024-06-01')], ['A-2', 'Thé', 6, d('2024-06-02')]]), hidden: true };
    expect(plain(run(one(sheet('Registre', ROWS), other)).notices)).toEqual([
      'La feuille masquée « Archive » est lue comme registre des marchés (2 lignes) : ses marchés comptent dans les indicateurs. Affichez-la pour la vérifier, ou retirez-la du classeur si elle ne doit pas compter.',
    ]);
  });

  it('the copy placed before the original: the original is named, the copy counts', () => {
    const notices = plain(run(one(sheet('Copie', ROWS), sheet('Registre', ROWS))).notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^La feuille « Registre » reprend les 4 lignes de la feuille « Copie », .* seules celles de « Copie » comptent\./);
  });

  it('in a consolidation, each sheet is named with its workbook', () => {
    const notices = plain(run([
      { file: 'Pôle A.xlsx', sheets: [sheet('Registre', ROWS)], state: null },
      { file: 'Pôle B.xlsx', sheets: [sheet('Registre', ROWS.slice(0, 3))], state: null },
    ]).notices);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^La feuille « Registre » du classeur « Pôle B\.xlsx » reprend les 3 lignes de la feuille « Registre » du classeur « Pôle A\.xlsx », /);
  });

  it('in a consolidation, a copy of a whole workbook is to be taken off the list, not moved to another workbook (recipe melanges)', () => {
    const full = plain(run([
      { file: 'Pôle A (copie).xlsx', sheets: [sheet('Registre', ROWS)], state: null },
      { file: 'Pôle A.xlsx', sheets: [sheet('Registre', ROWS)], state: null },
    ]).notices);
    expect(full).toEqual([
      "La feuille « Registre » du classeur « Pôle A.xlsx » reprend les 4 lignes de la feuille « Registre » du classeur « Pôle A (copie).xlsx », plus haut dans l'ordre des classeurs : chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs, où seules celles de « Registre » du classeur « Pôle A (copie).xlsx » comptent. Si l'un des deux classeurs est une copie de l'autre, retirez-le des classeurs à consolider : les contrôles ne montreront plus que les vrais doublons.",
    ]);
    const older = [ROWS[0], ROWS[1], ['M-03', 'Toner', 300, d('2025-04-01')]];
    const partial = plain(run([
      { file: 'Pôle A.xlsx', sheets: [sheet('Registre', ROWS)], state: null },
      { file: 'Pôle A mars.xlsx', sheets: [sheet('Registre', older)], state: null },
    ]).notices);
    expect(partial).toEqual([
      "Sur les 3 lignes de la feuille « Registre » du classeur « Pôle A mars.xlsx », 2 reprennent des lignes de la feuille « Registre » du classeur « Pôle A.xlsx », plus haut dans l'ordre des classeurs : chacune est signalée « Marché en double » dans « SPASER Contrôles » et écartée des indicateurs, mais la ligne restante compte comme un marché à part (un numéro ou une date corrigés depuis ?). Si le classeur « Pôle A mars.xlsx » est une ancienne version ou une copie de « Pôle A.xlsx », retirez-le des classeurs à consolider : les contrôles ne montreront plus que les vrais doublons, et sa ligne restante ne comptera plus.",
    ]);
  });

  it('nothing for ordinary doublons: one shared contract, fewer than half the rows, or within one sheet', () => {
    const other: CellValue[][] = [['N-1', 'Café', 5, d('2025-06-01')], ['N-2', 'Thé', 6, d('2025-06-02')], ['N-3', 'Sucre', 7, d('2025-06-03')]];
    // One row repeated, even by a sheet of one row: its own message says it all.
    expect(run(one(sheet('Registre', ROWS), sheet('Autre', [ROWS[0], ...other]))).notices).toEqual([]);
    expect(run(one(sheet('Registre', ROWS), sheet('Autre', [ROWS[0]]))).notices).toEqual([]);
    // Two of five: fewer than half.
    expect(run(one(sheet('Registre', ROWS), sheet('Autre', [ROWS[0], ROWS[1], ...other]))).notices).toEqual([]);
    // Within one sheet: every row typed twice.
    const twice = run(one(sheet('Registre', [...ROWS, ...ROWS])));
    expect(twice.result.controles).toHaveLength(4);
    expect(twice.notices).toEqual([]);
  });

  it('another year is no doublon and no copy: a sheet per year says nothing', () => {
    const lastYear = ROWS.map((r) => [r[0], r[1], r[2], d('2024-01-10')]);
    expect(run(one(sheet('2025', ROWS), sheet('2024', lastYear))).notices).toEqual([]);
  });

  it('nothing without a doublon (the register untouched)', () => {
    expect(copiedSheets(run(one(sheet('Registre', ROWS))).register)).toEqual([]);
  });
});
