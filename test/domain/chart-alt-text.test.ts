/**
 * The words of a chart's alternative text (`chartAltText` in `plan.ts`, README « Choix faits »,
 * accessibilité): one line whatever the Pôle's name holds, and the categories past ten counted.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';

function descriptions(poles: readonly string[]): string[] {
  const rows: CellValue[][] = [['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale']];
  poles.forEach((p, i) => {
    rows.push([`2025-${i}a`, 'Papier', 1000, d('2025-02-03'), p, 'Oui']);
    rows.push([`2025-${i}b`, 'Travaux', 2000, d('2025-03-03'), p, 'Non']);
  });
  const out = runChain([{ file: 'Suivi.xlsx', sheets: [grid('Suivi 2025', rows)], state: null }], { writesCharts: true, today: '2026-01-15' });
  return out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!.charts.map((c) => c.altText.description);
}

it("a Pôle's name on several lines or with a control character reads on one line", () => {
  const byPole = descriptions(['Culture\nPatrimoine', 'Sports\u0001\tLoisirs']).find((t) => t.startsWith('Considérations par Pôle'))!;
  expect(byPole).toContain('Culture Patrimoine\u00a0: Sociale 50,0\u00a0%');
  expect(byPole).toContain('Sports Loisirs\u00a0: Sociale 50,0\u00a0%');
  expect(byPole).not.toMatch(/[\u0000-\u001f]/);
});

it('eleven Pôles: ten named, « … et 1 autre »', () => {
  const poles = Array.from({ length: 11 }, (_, i) => `Pôle ${String.fromCharCode(65 + i)}`);
  const byPole = descriptions(poles).find((t) => t.startsWith('Considérations par Pôle'))!;
  expect(byPole).toContain('Pôle J\u00a0: ');
  expect(byPole).not.toContain('Pôle K');
  expect(byPole.endsWith('\u00a0; … et 1 autre.')).toBe(true);
});
