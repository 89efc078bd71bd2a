/**
 * The words of a chart's alternative text (session 40 mutation audit of `chartAltText`,
 * `test/mutants-session40.md`, A…): a chart of one series says its name once before its values, and
 * a Pôle's name reads on one line whatever its spaces or control characters.
 */
import { runChain } from '../../src/domain/chain';
import type { CellValue } from '../../src/domain/cell';
import { SHEET_INDICATEURS } from '../../src/domain/plan-types';
import { d, grid } from '../helpers/grid';

const NBSP = '\u00a0';

function descriptions(rows: CellValue[][]): string[] {
  const out = runChain([{ file: 'Suivi.xlsx', sheets: [grid('Suivi 2025', rows)], state: null }], { writesCharts: true, today: '2026-01-15' });
  return out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS)!.charts.map((c) => c.altText.description);
}

it('a chart of one series: its name, then each category and its share, separated by commas', () => {
  // 3 000 € of the exercice's 4 000 € to a Roubaix supplier, 1 000 € to one in Lille: 75 % and 25 %, every other zone 0 %.
  const rows: CellValue[][] = [
    ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Titulaire', 'Commune du titulaire'],
    ['2025-1', 'Papier', 3000, d('2025-02-03'), 'Papeterie A', 'Roubaix'],
    ['2025-2', 'Travaux', 1000, d('2025-03-03'), 'BTP B', 'Lille'],
  ];
  const zones = descriptions(rows).find((t) => t.startsWith('Fournisseurs par zone géographique'))!;
  expect(zones).toBe(
    `Fournisseurs par zone géographique (part de la dépense), exercice 2025. Part de la dépense${NBSP}: Roubaix 75,0${NBSP}%, MEL (hors Roubaix) 25,0${NBSP}%, ` +
      `Hauts-de-France (hors MEL) 0,0${NBSP}%, France (hors Hauts-de-France) 0,0${NBSP}%, Étranger 0,0${NBSP}%, Inconnue 0,0${NBSP}%.`,
  );
});

it("a Pôle's name with a DEL, a line separator, a no-break space or a trailing control character reads on one line, its words one space apart", () => {
  const poles = ['Culture\u007fPatrimoine', 'Sports\u2028Loisirs', 'Vie\u00a0 associative', 'Solidarités\u0001'];
  const rows: CellValue[][] = [['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Pôle', 'Clause sociale']];
  poles.forEach((p, i) => rows.push([`2025-${i}`, 'Papier', 1000, d('2025-02-03'), p, 'Oui']));
  const byPole = descriptions(rows).find((t) => t.startsWith('Considérations par Pôle'))!;
  for (const name of ['Culture Patrimoine', 'Sports Loisirs', 'Vie associative', 'Solidarités']) expect(byPole).toContain(`${name}${NBSP}: Sociale`);
  expect(byPole).not.toMatch(/[\u0000-\u001f\u007f\u2028]|  /);
});
