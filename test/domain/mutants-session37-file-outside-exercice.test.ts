/**
 * Session 37 mutants of `fileOutsideExerciceNotices` (session 36). The advice ending its sentence is
 * being reworded: only the workbook named, its years and the N−1 branch are checked here.
 */
import { runChain } from '../../src/domain/chain';
import { d, grid } from '../helpers/grid';

const HEADER = ['N° marché', 'Objet', 'Montant HT', 'Date de notification'];
type Row = (string | number | null | { date: string })[];
const file = (name: string, ...rows: Row[]) => ({ file: name, sheets: [grid('Marchés', [HEADER, ...rows])], state: null });
const NBSP = '\u00a0';
const about = (notices: readonly string[], name: string): string[] => notices.filter((n) => n.startsWith(`Le classeur «${NBSP}${name}${NBSP}»`));

describe('a consolidated workbook without any row of the exercice (session 37 mutants)', () => {
  it('no row of the exercice anywhere: only the register is told, no workbook one by one', () => {
    const out = runChain([file('A.xlsx', ['A-1', 'Voirie', 100, d('2024-02-01')]), file('B.xlsx', ['B-1', 'Encre', 20, d('2023-03-01')])], { today: '2026-01-15', exercice: 2025 });
    expect(out.notices).toHaveLength(1);
    expect(out.notices[0]).toContain("Aucun marché du registre n'est notifié en 2025");
    expect(about(out.notices, 'A.xlsx')).toEqual([]);
    expect(about(out.notices, 'B.xlsx')).toEqual([]);
  });
});
