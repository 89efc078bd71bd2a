/**
 * One value, one display (README « Valeurs affichées et typographie »): for every indicator of the
 * demo, the value, N−1 and change the command line and the pane show carry the digits that
 * `SPASER Indicateurs` shows of the same numbers with its cell formats.
 */
import { runChain } from '../../src/domain/chain';
import type { ChainInput } from '../../src/domain/chain';
import { FORMAT_DECIMAL, FORMAT_EURO, FORMAT_INTEGER, FORMAT_NUMBER, FORMAT_PERCENT, SHEET_INDICATEURS, SHEET_POLES } from '../../src/domain/plan-types';
import { poleView } from '../../src/domain/indicators/engine';
import { shownIndicator } from '../../src/taskpane/components/IndicateursStep';
import { formatIndicatorValue, plainSpaces } from '../../src/cli/format';
import { buildSampleWorkbooks } from '../../src/cli/samples';
import { comparisonLines, formatValue } from '../../src/taskpane/labels';
import { chainInput } from './helpers';

/**
 * What Excel shows of a number under one of the plan's French formats, without sign: its decimals
 * (zeros after the comma), its digits grouped when the format says `# ##0`. Rounded by `Intl` on the
 * number's 15 significant digits (as Excel rounds what it shows), independently of `fixedNumber`.
 */
function sheetText(n: number, format: string): string {
  const decimals = /,(0+)/.exec(format)?.[1].length ?? 0;
  const shown = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: format.includes('# ##') });
  return plainSpaces(shown.format(Math.abs(n).toPrecision(15) as unknown as number));
}

const NUMBER = '([\\d ]+(?:,\\d+)?)';

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
  for (const format of [FORMAT_PERCENT, FORMAT_DECIMAL, FORMAT_EURO, FORMAT_NUMBER]) expect(format).toMatch(/^# ##0/);
  expect(FORMAT_INTEGER).toBe('0');
});

it('a Pôle\'s value in the pane carries the digits of its cell in SPASER Pôles', async () => {
  const [{ inputs }] = await runs();
  const out = runChain(inputs, { today: '2026-01-15' });
  const sheet = out.plan.sheets.find((s) => s.name === SHEET_POLES);
  const header = sheet?.blocks[0].values[0] as readonly string[];
  const indicateurs = new Map<string, { value: number; format: string }>();
  for (const blk of out.plan.sheets.find((x) => x.name === SHEET_INDICATEURS)?.blocks ?? []) {
    for (const r of blk.values) if (typeof r[0] === 'string' && typeof r[3] === 'number') indicateurs.set(r[0], { value: r[3], format: blk.formats?.[3] as string });
  }
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
        // The City's value reads the same in both sheets.
        const city = r[header.length - 1];
        const inIndicateurs = indicateurs.get(ind.id);
        if (typeof city === 'number' && inIndicateurs) {
          expect([ind.id, sheetText(city, b.formats?.[header.length - 1] as string)]).toEqual([ind.id, sheetText(inIndicateurs.value, inIndicateurs.format)]);
        }
        const shown = shownIndicator(ind, pole, figures, out.poleBreakdowns);
        expect([pole, ind.id, numbersSaid(shown.value).valeur]).toEqual([pole, ind.id, sheetText(cell, b.formats?.[col] as string)]);
        compared += 1;
      }
    }
  }
  expect(compared).toBeGreaterThan(80);
});
