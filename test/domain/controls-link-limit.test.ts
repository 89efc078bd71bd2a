/**
 * Excel keeps at most 65 530 hyperlinks on a worksheet: a large register kept with its amounts
 * as text gave `SPASER Contrôles` 80 000 « Aller en … » links (session 24 review). The first
 * 65 530 findings are linked; the next ones still name their sheet and row, without a link.
 */
import { runChain } from '../../src/domain/chain';
import { MAX_SHEET_LINKS } from '../../src/domain/plan';
import { SHEET_CONTROLES } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';

describe('links of SPASER Contrôles', () => {
  it('at most 65 530, the first findings; the others keep sheet and row', () => {
    expect(MAX_SHEET_LINKS).toBe(65_530);
    const count = MAX_SHEET_LINKS + 2;
    // Each row's amount is unreadable: one finding per row.
    const rows = Array.from({ length: count }, (_, i) => [`M-${i + 1}`, 'Papier', 'à voir', d('2025-02-01')]);
    const sheet = grid('Marchés', [['N° marché', 'Objet', 'Montant HT', 'Date de notification'], ...rows]);
    const out = runChain([{ file: 'Suivi.xlsx', sheets: [sheet], state: null }], { today: '2026-01-15', writesCharts: false });
    const controls = out.plan.sheets.find((s) => s.name === SHEET_CONTROLES)!;
    const values = controls.blocks.flatMap((b) => b.values);
    const findingRows = values.filter((r) => r[1] === 'montant-invalide');
    expect(findingRows).toHaveLength(count);
    expect(controls.links).toHaveLength(MAX_SHEET_LINKS);
    expect(controls.links[MAX_SHEET_LINKS - 1]).toMatchObject({ row: MAX_SHEET_LINKS + 1, text: `Aller en C${MAX_SHEET_LINKS + 1}` });
    const linkColumn = values[0].length - 1;
    expect(findingRows[MAX_SHEET_LINKS - 1][linkColumn]).toBe(`Aller en C${MAX_SHEET_LINKS + 1}`);
    expect(findingRows[MAX_SHEET_LINKS][linkColumn]).toBeNull();
    expect(findingRows[MAX_SHEET_LINKS].slice(3, 5)).toEqual(['Marchés', MAX_SHEET_LINKS + 2]);
  });
});
