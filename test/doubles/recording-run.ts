/**
 * An `Excel.run` over the double that records `Worksheet.activate` and `Range.select`
 * (the double keeps no selection); everything else goes to the double unchanged.
 */
import type { ExcelDouble } from './excel-double';

export type Call = readonly [string, ...string[]];

export function recordingRun(excel: ExcelDouble, calls: Call[]) {
  const through = <T extends object>(target: T, intercept: Record<string, (...args: never[]) => unknown>): T =>
    new Proxy(target, {
      get(t, p, r) {
        if (typeof p === 'string' && p in intercept) return intercept[p];
        const v = Reflect.get(t, p, r);
        return typeof v === 'function' ? v.bind(t) : v;
      },
    });
  return (batch: (context: unknown) => Promise<unknown>) =>
    excel.run((ctx) => {
      const worksheets = ctx.workbook.worksheets;
      const wrappedWorksheets = through(worksheets, {
        getItem: (name: string) => {
          const ws = worksheets.getItem(name);
          return through(ws, {
            activate: () => void calls.push(['activate', name]),
            getRange: (address?: string) => {
              const range = ws.getRange(address);
              return through(range, { select: () => void calls.push(['select', name, address ?? '']) });
            },
          });
        },
      });
      const wrappedWorkbook = through(ctx.workbook, { worksheets: wrappedWorksheets as never });
      return batch(through(ctx, { workbook: wrappedWorkbook as never }));
    });
}
