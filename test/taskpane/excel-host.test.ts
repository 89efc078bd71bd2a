/** The pane's Excel host on the Excel double: read, write with marks, clear them, import sheets. */
import { runChain } from '../../src/domain/chain';
import { SHEET_REGISTRE } from '../../src/domain/plan-types';
import { HIGHLIGHT_FORMULA } from '../../src/workbook/office/highlight';
import { excelHostOnDouble, SHEET } from './excel-host-fixture';

const host = () => excelHostOnDouble();

describe('ExcelHost', () => {
  test('read names the input after the open workbook (known once its sheets are read)', async () => {
    const { host: h } = host();
    const [input] = await h.read();
    expect(input.file).toBe('Pôle Culture.xlsx');
    expect(h.workbookName()).toBe('Pôle Culture.xlsx');
    expect(input.sheets.map((s) => s.name)).toEqual([SHEET]);
  });

  test('write adds the SPASER sheets and marks the faulty cell only; clearing removes the marks', async () => {
    const { excel, host: h } = host();
    const out = runChain(await h.read(), { today: '2026-01-15', writesCharts: true });
    const cellsOf = () => JSON.stringify((excel.snapshot(SHEET) as { cells: unknown }).cells);
    const userCells = cellsOf();
    await h.write(out);
    expect(excel.sheetNames()).toEqual(expect.arrayContaining([SHEET, SHEET_REGISTRE]));
    const marks = excel.conditionalFormatsOf(SHEET).filter((c) => c.formula === HIGHLIGHT_FORMULA);
    // The amount « beaucoup » (C3) is the only fault.
    expect(marks.flatMap((m) => m.areas)).toEqual([{ r0: 2, c0: 2, nr: 1, nc: 1 }]);
    expect(cellsOf()).toBe(userCells);

    await h.clearHighlights();
    expect(excel.conditionalFormatsOf(SHEET)).toEqual([]);
  });

  test('importSheets adds value sheets where text stays text', async () => {
    const { excel, host: h } = host();
    await h.importSheets([
      { name: 'Pôle Sport', kind: 'registre', source: { file: 'sport.xlsx', sheet: 'S' }, rows: [['N° marché', 'Objet'], ['=1+1', '00123']] },
    ]);
    expect(excel.sheetNames()).toContain('Pôle Sport');
    // cell(sheet, row, col) is 1-based.
    expect(excel.cell('Pôle Sport', 2, 1)).toMatchObject({ value: '=1+1' });
    expect(excel.cell('Pôle Sport', 2, 1)?.formula).toBeUndefined();
    expect(excel.cell('Pôle Sport', 2, 2)).toMatchObject({ value: '00123' });
    expect(excel.cell('Pôle Sport', 1, 1)).toMatchObject({ value: 'N° marché', bold: true });
  });
});
