/**
 * One value, one display (README « Valeurs affichées et typographie »): for every indicator of the
 * demo, the value, N−1 and change the command line and the pane show carry the digits that
 * `SPASER Indicateurs` shows of the same numbers with its cell formats.
 */
import { runChain } from '../../src/domain/chain';
import { fixedNumber } from '../../src/domain/french-text';
import type { ChainInput } from '../../src/domain/chain';
import { FORMAT_DECIMAL, FORMAT_EURO, FORMAT_INTEGER, FORMAT_NUMBER, FORMAT_PERCENT, SHEET_INDICATEURS, SHEET_POLES } from '../../src/domain/plan-types';
import { poleView } from '../../src/domain/indicators/engine';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { formatIndicatorValue, plainSpaces } from '../../src/cli/format';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { comparisonLines, formatValue } from '../../src/taskpane/labels';
import { chainInput } from './helpers';

// FORMAT_PERCENT is the same code as FORMAT_DECIMAL (`0,0`).
const DIGITS: Readonly<Record<string, number>> = { [FORMAT_EURO]: 2, [FORMAT_DECIMAL]: 1, [FORMAT_NUMBER]: 0, [FORMAT_INTEGER]: 0 };
const NUMBER = '([\\d ]+(?:,\\d+)?)';

/** What the sheet shows of a number under a format, as plain text without sign. */
function sheetText(n: number, format: string): string {
  expect(Object.keys(DIGITS)).toContain(format);
  return plainSpaces(fixedNumber(Math.abs(n), DIGITS[format]));
}

function numbersSaid(text: string): { valeur: string | null; n1: string | null; change: string | null } {
  const plain = plainSpaces(text);
  return {
    valeur: new RegExp(`^−?${NUMBER}`).exec(plain)?.[1].trim() ?? null,
    n1: new RegExp(`N−1 : ${NUMBER}`).exec(plain)?.[1].trim() ?? null,
    change: new RegExp(`évolution : [+−]?${NUMBER}`).exec(plain)?.[1].trim() ?? null,
  };
}

async function runs(): Promise<{ name: string; inputs: ChainInput[] }[]> {
  const inputs = await Promise.all(buildSampleWorkbooks().map(async ({ name, wb }) => chainInput(name, new Uint8Array(await wb.xlsx.writeBuffer()))));
  return [{ name: 'consolidation', inputs }, ...inputs.map((i) => ({ name: i.file, inputs: [i] }))];
}

it('command line and pane show the digits of SPASER Indicateurs for every value, N−1 and change of the demo', async () => {
  let compared = 0;
  for (const { name, inputs } of await runs()) {
    const out = runChain(inputs, { today: '2026-01-15' });
    const sheet = out.plan.sheets.find((s) => s.name === SHEET_INDICATEURS);
    const rows = new Map<string, { values: readonly unknown[]; format: string | null }>();
    for (const b of sheet?.blocks ?? []) for (const r of b.values) if (typeof r[0] === 'string') rows.set(r[0], { values: r, format: b.formats?.[3] ?? null });
    for (const ind of out.result.indicateurs) {
      if (ind.statut === 'non calculable' || ind.valeur === null) continue;
      const row = rows.get(ind.id);
      expect([name, ind.id, row !== undefined && row.format !== null]).toEqual([name, ind.id, true]);
      const [valeur, n1, change] = [row!.values[3], row!.values[5], row!.values[6]] as (number | null)[];
      const expected = {
        valeur: sheetText(valeur as number, row!.format!),
        n1: n1 === null ? null : sheetText(n1, row!.format!),
        change: change === null ? null : sheetText(change, row!.format!),
      };
      const cli = numbersSaid(formatIndicatorValue(ind));
      const pane = numbersSaid(`${formatValue(ind.valeur, ind.unite, [ind.valeur, ind.n1])} ${comparisonLines(ind).join(' ')}`);
      expect([name, ind.id, cli]).toEqual([name, ind.id, expected]);
      expect([name, ind.id, pane]).toEqual([name, ind.id, expected]);
      compared += 1;
    }
  }
  expect(compared).toBeGreaterThan(100);
  expect(FORMAT_PERCENT).toBe(FORMAT_DECIMAL);
});

it('a Pôle\'s value in the pane carries the digits of its cell in SPASER Pôles', async () => {
  const [{ inputs }] = await runs();
  const out = runChain(inputs, { today: '2026-01-15' });
  const sheet = out.plan.sheets.find((s) => s.name === SHEET_POLES);
  const header = sheet?.blocks[0].values[0] as readonly string[];
  let compared = 0;
  for (const pole of Object.keys(out.result.indicateurs.find((i) => i.parPole !== null)?.parPole ?? {})) {
    const col = header.indexOf(pole);
    const figures = poleView(out.register, out.result.exercice as number, pole).figures;
    for (const b of sheet?.blocks.slice(1) ?? []) {
      for (const r of b.values) {
        const ind = out.result.indicateurs.find((i) => i.id === r[0]);
        const cell = r[col];
        // The table's rows (id, label, unit, Pôles, City), not the breakdowns written below it.
        if (ind === undefined || r[1] !== ind.libelle || typeof cell !== 'number') continue;
        const shown = shownIndicator(ind, pole, figures, out.poleBreakdowns);
        expect([pole, ind.id, numbersSaid(shown.value).valeur]).toEqual([pole, ind.id, sheetText(cell, b.formats?.[col] as string)]);
        compared += 1;
      }
    }
  }
  expect(compared).toBeGreaterThan(80);
});
