import { createExcelDouble, type DoubleContext, type DRange } from './excel-double';

function seeded() {
  return createExcelDouble({
    name: 'Suivi.xlsx',
    sheets: [
      {
        name: 'Suivi',
        cells: [
          ['N°', 'Objet', 'Montant'],
          ['2025-001', 'Papier', 1200.5],
          ['2025-002', { f: '=B2', v: 'Papier' }, { v: 45678, nf: 'dd/mm/yyyy' }],
        ],
        tables: [{ name: 'Marches', address: 'A1:C3' }],
      },
      { name: 'Vide' },
    ],
  });
}

describe('Excel double: proxies, load and sync', () => {
  it('throws when an unloaded property is read, like PropertyNotLoaded', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Suivi').getRange('A1:C1');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      // Loaded but not synced: still unreadable.
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(range.values).toEqual([['N°', 'Objet', 'Montant']]);
      expect(() => range.numberFormat).toThrow(/PropertyNotLoaded/);
    });
  });

  it('applies writes only on sync, in queue order with loads', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      const before = ws.getRange('C2').load('values');
      ws.getRange('C2').values = [[99]];
      const after = ws.getRange('C2').load('values');
      expect(excel.cell('Suivi', 2, 3)?.value).toBe(1200.5);
      await ctx.sync();
      expect(before.values).toEqual([[1200.5]]);
      expect(after.values).toEqual([[99]]);
    });
  });

  it('runs pending writes when the batch ends, like Excel.run', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').getRange('B2').values = [['x']];
    });
    expect(excel.cell('Vide', 2, 2)?.value).toBe('x');
    expect(excel.syncCount).toBe(1);
  });

  it('gives null objects whose isNullObject is known after sync', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Absente');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Suivi');
      const emptyUsed = ctx.workbook.worksheets.getItem('Vide').getUsedRangeOrNullObject(true);
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(emptyUsed.isNullObject).toBe(true);
    });
  });

  it("gives a range's used part (Range.getUsedRangeOrNullObject), a null object when the part is empty", async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      // Rows 2 and 3 hold values in A:C; the part B2:Z50 is used from B2 to C3.
      const part = ws.getRange('B2:Z50').getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
      const below = ws.getRange('A4:C100').getUsedRangeOrNullObject(true);
      await ctx.sync();
      expect([part.rowIndex, part.columnIndex, part.rowCount, part.columnCount]).toEqual([1, 1, 2, 2]);
      expect(below.isNullObject).toBe(true);
    });
  });

  it('loads collection items and navigation paths', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name,items/visibility');
      const tables = ctx.workbook.tables.load('items/name,items/worksheet/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Suivi', 'Vide']);
      expect(sheets.items[0].visibility).toBe('Visible');
      expect(() => sheets.items[0].position).toThrow(/PropertyNotLoaded/);
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([['Marches', 'Suivi']]);
      const header = tables.items[0].getHeaderRowRange().load('address');
      await ctx.sync();
      expect(header.address).toBe('Suivi!A1:C1');
    });
  });

  it('reads values, formulas, number formats and value types as Excel does', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Suivi').getUsedRangeOrNullObject(true);
      r.load('values,formulas,numberFormat,valueTypes,rowIndex,columnIndex,rowCount,columnCount');
      await ctx.sync();
      expect([r.rowIndex, r.columnIndex, r.rowCount, r.columnCount]).toEqual([0, 0, 3, 3]);
      expect(r.values[2]).toEqual(['2025-002', 'Papier', 45678]);
      expect(r.formulas[2]).toEqual(['2025-002', '=B2', 45678]);
      expect(r.numberFormat[2]).toEqual(['General', 'General', 'dd/mm/yyyy']);
      expect(r.valueTypes[1]).toEqual(['String', 'String', 'Double']);
    });
  });
});

describe('Excel double: how Excel reads assigned strings', () => {
  async function write(input: string, textFormatFirst = false): Promise<{ value: unknown; formula: unknown }> {
    const excel = seeded();
    return excel.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem('Vide').getRange('A1');
      if (textFormatFirst) cell.numberFormat = [['@']];
      cell.values = [[input]];
      cell.load('values,formulas');
      await ctx.sync();
      return { value: cell.values[0][0], formula: cell.formulas[0][0] };
    });
  }

  it('makes a formula of a string starting with =, + or -', async () => {
    expect((await write('=1+1')).formula).toBe('=1+1');
    expect((await write('+A1')).formula).toBe('=+A1');
    expect((await write('-B2')).formula).toBe('=-B2');
  });

  it('keeps it text under the Text format or with a leading apostrophe', async () => {
    expect(await write('=1+1', true)).toEqual({ value: '=1+1', formula: '=1+1' });
    expect((await write("'=1+1")).value).toBe('=1+1');
    // Session 37: Range.formulas gives a cell without formula its value: the apostrophe is not part of it.
    expect((await write("'=1+1")).formula).toBe('=1+1');
  });

  it('reads numeric text and booleans as numbers and booleans', async () => {
    expect((await write('00123')).value).toBe(123);
    expect((await write('TRUE')).value).toBe(true);
    expect((await write("'00123")).value).toBe('00123');
  });
});

describe('Excel double: workbook rules and accounting', () => {
  it('refuses to delete a very hidden sheet and duplicate names', async () => {
    const excel = seeded();
    await expect(
      excel.run(async (ctx: DoubleContext) => {
        ctx.workbook.worksheets.getItem('Vide').visibility = 'VeryHidden';
        ctx.workbook.worksheets.getItem('Vide').delete();
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.add('suivi');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ItemAlreadyExists/);
  });

  it('keeps table names unique in the workbook', async () => {
    const excel = seeded();
    await expect(
      excel.run(async (ctx) => {
        const vide = ctx.workbook.worksheets.getItem('Vide');
        const t = vide.tables.add(vide.getRange('A1:B3'), true);
        t.name = 'marches';
        await ctx.sync();
      }),
    ).rejects.toThrow(/ItemAlreadyExists/);
  });

  it('puts a table given by an address without sheet name on the active sheet, as Office.js documents', async () => {
    // TableCollection.add: « If the address does not contain a sheet name, the currently-active sheet is used. »
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').tables.add('E1:F3', true);
      await ctx.sync();
    });
    expect(excel.tablesOf('Suivi').map((t) => [t.r0, t.c0])).toEqual([[0, 0], [0, 4]]);
    expect(excel.tablesOf('Vide')).toEqual([]);
    // A Range (ExcelApi 1.3), or a sheet-qualified address, names its sheet; activate() changes the active sheet.
    await excel.run(async (ctx) => {
      const vide = ctx.workbook.worksheets.getItem('Vide');
      vide.tables.add(vide.getRange('A1:B3'), true);
      ctx.workbook.tables.add("'Vide'!D1:D2", true);
      vide.activate();
      vide.tables.add('H1:H2', true);
      await ctx.sync();
    });
    expect(excel.tablesOf('Vide').map((t) => [t.r0, t.c0])).toEqual([[0, 0], [0, 3], [0, 7]]);
  });

  it('fails getMergedAreasOrNullObject on more than 512 merged areas, as Office.js documents', async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const excel = createExcelDouble({ sheets: [{ name: 'Fusions', merges }] });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Fusions').getRange().getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toThrow(/513 zones fusionnées/);
    const fewer = createExcelDouble({ sheets: [{ name: 'Fusions', merges: merges.slice(0, 512) }] });
    const count = await fewer.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem('Fusions').getRange().getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      return areas.address.split(',').length;
    });
    expect(count).toBe(512);
  });

  it('counts syncs and JSON bytes of each batch, and fails the sync it is told to', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').getRange('A1:B1').values = [['ab', 'cd']];
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Suivi').getRange('A1').load('values');
      await ctx.sync();
    });
    expect(excel.syncCount).toBe(2);
    // {"m":"values","v":[["ab","cd"]]}
    expect(excel.batches[0].requestBytes).toBe(JSON.stringify({ m: 'values', v: [['ab', 'cd']] }).length);
    expect(excel.batches[1].responseBytes).toBeGreaterThan(0);
    excel.failOnSync(1);
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Vide').getRange('C1').values = [['z']];
        await ctx.sync();
      }),
    ).rejects.toThrow(/simulé/);
    expect(excel.cell('Vide', 1, 3)).toBeUndefined();
  });

  it('refuses a response over the payload limit and a range over the cell limit', async () => {
    const excel = createExcelDouble({
      payloadLimitBytes: 1000,
      cellLimit: 100,
      sheets: [{ name: 'S', cells: Array.from({ length: 50 }, () => ['x'.repeat(40)]) }],
    });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:A50').load('values');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1:B60').load('values');
        await ctx.sync();
      }),
    ).rejects.toThrow(/RangeExceedsLimit/);
  });

  describe('a refused response delivers none of its batch', () => {
    // 50 cells of 40 characters: over 1 000 bytes once loaded.
    function heavy() {
      return createExcelDouble({
        payloadLimitBytes: 1000,
        sheets: [{ name: 'S', cells: [['petit', ...Array.from({ length: 49 }, () => 'x'.repeat(40))]] }, { name: 'T' }],
      });
    }

    it('leaves every value loaded in the batch unloaded, the small ones too', async () => {
      const excel = heavy();
      await excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        const small = ws.getRange('A1').load('values,address');
        const big = ws.getRange('A1:AX1').load('values');
        const sheets = ctx.workbook.worksheets.load('items/name');
        await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
        expect(() => small.values).toThrow(/PropertyNotLoaded/);
        expect(() => small.address).toThrow(/PropertyNotLoaded/);
        expect(() => big.values).toThrow(/PropertyNotLoaded/);
        expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
        // Loaded again in a batch that fits, the value is delivered.
        small.load('values');
        await ctx.sync();
        expect(small.values).toEqual([['petit']]);
      });
    });

    it('does not settle the null objects of the batch', async () => {
      const excel = heavy();
      await excel.run(async (ctx) => {
        const missing = ctx.workbook.worksheets.getItemOrNullObject('Absente');
        const used = ctx.workbook.worksheets.getItem('T').getUsedRangeOrNullObject(true);
        const present = ctx.workbook.worksheets.getItemOrNullObject('S').load('name');
        ctx.workbook.worksheets.getItem('S').getRange('A1:AX1').load('values');
        await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
        expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
        expect(() => used.isNullObject).toThrow(/PropertyNotLoaded/);
        expect(() => present.isNullObject).toThrow(/PropertyNotLoaded/);
        expect(() => present.name).toThrow(/PropertyNotLoaded/);
      });
    });

    it('keeps what an earlier batch delivered, not what the refused one read', async () => {
      const excel = heavy();
      await excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        const small = ws.getRange('A1').load('values');
        await ctx.sync();
        ws.getRange('A1').values = [['changé']];
        await ctx.sync();
        small.load('values');
        ws.getRange('A1:AX1').load('values');
        await expect(ctx.sync()).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
        expect(small.values).toEqual([['petit']]);
      });
    });

    it("keeps the batch's writes applied (the docs are silent: the double's choice)", async () => {
      const excel = heavy();
      await expect(
        excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          ctx.workbook.worksheets.getItem('T').getRange('B2').values = [['écrit']];
          ws.getRange('A1:AX1').load('values');
          await ctx.sync();
        }),
      ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
      expect(excel.cell('T', 2, 2)?.value).toBe('écrit');
    });
  });

  it('adds, lists and deletes conditional formats', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      const cf = ws.getRanges('A2,B3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      (cf.custom.format.fill as unknown as { color: string }).color = '#FFC7CE';
      await ctx.sync();
      const all = ws.getRange().conditionalFormats.load('items/type');
      await ctx.sync();
      expect(all.items.map((c) => c.type)).toEqual(['Custom']);
      const rule = all.items[0].custom.rule.load('formula');
      await ctx.sync();
      expect((rule as unknown as { formula: string }).formula).toBe('=TRUE');
      all.items[0].delete();
      await ctx.sync();
    });
    expect(excel.conditionalFormatsOf('Suivi')).toEqual([]);
  });

  it('adds charts over a range and refuses a series that does not exist', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      const chart = ws.charts.add('ColumnClustered', ws.getRange('A1:C3') as DRange, 'Columns');
      (chart.title as unknown as { text: string }).text = 'Titre';
      chart.setPosition('E2', 'J10');
      chart.series.getItemAt(1).format.fill.setSolidColor('#2F6EBA');
      await ctx.sync();
    });
    const [chart] = excel.sheet('Suivi').charts;
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: 'Titre', position: { start: 'E2', end: 'J10' } });
    expect(chart.seriesFill).toEqual({ 1: '#2F6EBA' });
    await expect(
      excel.run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Suivi');
        ws.charts.add('Pie', ws.getRange('A1:C3') as DRange, 'Columns').series.getItemAt(2).format.fill.setSolidColor('#000000');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ItemNotFound/);
  });
});

describe("Excel double: a chart's shape (worksheet.shapes, ExcelApi 1.9), an open question for a real Excel", () => {
  async function withChart(chartShapes?: 'listed' | 'unlisted' | 'refused') {
    const excel = createExcelDouble({ sheets: [{ name: 'Suivi', cells: [['Zone', 'Part'], ['Roubaix', 40], ['MEL', 60]] }], ...(chartShapes ? { chartShapes } : {}) });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      ws.charts.add('Pie', ws.getRange('A1:B3') as DRange, 'Columns');
      await ctx.sync();
    });
    return excel;
  }

  it('lists a chart as a shape of its name: alt text unreadable before a sync, set only on sync', async () => {
    const excel = await withChart();
    await excel.run(async (ctx) => {
      const shapes = ctx.workbook.worksheets.getItem('Suivi').shapes.load('items/name');
      expect(() => shapes.items).toThrow(/PropertyNotLoaded/);
      await ctx.sync();
      expect(shapes.items.map((s) => s.name)).toEqual([excel.sheet('Suivi').charts[0].name]);
      shapes.items[0].altTextDescription = 'Parts de la dépense';
      expect(excel.sheet('Suivi').charts[0].altText).toBeUndefined();
      await ctx.sync();
    });
    expect(excel.sheet('Suivi').charts[0].altText).toEqual({ description: 'Parts de la dépense' });
  });

  it('unlisted: no shape; refused: setting the alt text fails the sync', async () => {
    const unlisted = await withChart('unlisted');
    await unlisted.run(async (ctx) => {
      const shapes = ctx.workbook.worksheets.getItem('Suivi').shapes.load('items/name');
      await ctx.sync();
      expect(shapes.items).toEqual([]);
    });
    const refused = await withChart('refused');
    await expect(
      refused.run(async (ctx) => {
        const shapes = ctx.workbook.worksheets.getItem('Suivi').shapes.load('items/name');
        await ctx.sync();
        shapes.items[0].altTextTitle = 'Zones';
        await ctx.sync();
      }),
    ).rejects.toThrow(/InvalidOperation/);
    expect(refused.sheet('Suivi').charts[0].altText).toBeUndefined();
  });
});

describe('Excel double: documented behaviour checked in session 37', () => {
  // learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values: null in a 2-D array
  // leaves that cell as it is; '' clears the value, and resets a number format to General.
  it('leaves a cell unchanged for null in a written 2-D array, and clears it for an empty string', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Suivi');
      ws.getRange('A2:C2').values = [[null, '', 7]];
      ws.getRange('C3').numberFormat = [[null]];
      ws.getRange('A3:B3').formulas = [[null, '=1+1']];
      await ctx.sync();
    });
    expect(excel.cell('Suivi', 2, 1)?.value).toBe('2025-001');
    expect(excel.cell('Suivi', 2, 2)?.value).toBeNull();
    expect(excel.cell('Suivi', 2, 3)?.value).toBe(7);
    expect(excel.cell('Suivi', 3, 3)?.numberFormat).toBe('dd/mm/yyyy');
    expect(excel.cell('Suivi', 3, 1)?.value).toBe('2025-002');
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Suivi').getRange('C3').numberFormat = [['']];
      await ctx.sync();
    });
    expect(excel.cell('Suivi', 3, 3)?.numberFormat).toBeUndefined();
  });

  it('shows a hyperlink text in the top-left cell only (RangeHyperlink.textToDisplay)', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').getRange('A1:B2').hyperlink = { documentReference: "'Suivi'!A1", textToDisplay: 'Aller' };
      await ctx.sync();
    });
    expect(excel.cell('Vide', 1, 1)?.value).toBe('Aller');
    expect(excel.cell('Vide', 2, 2)?.value ?? null).toBeNull();
    expect(excel.cell('Vide', 2, 2)?.hyperlink?.documentReference).toBe("'Suivi'!A1");
  });

  it('refuses a table over another table or over merged cells with MergedRangeConflict (Excel.ErrorCodes)', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'F', cells: [['a', 'b']], tables: [{ name: 'T', address: 'A1:B3' }], merges: ['E1:F1'] }] });
    for (const address of ['B2:C5', 'D1:G4']) {
      await expect(
        excel.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem('F');
          ws.tables.add(ws.getRange(address) as never, true);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    }
    expect(excel.model.tables.map((t) => t.name)).toEqual(['T']);
  });

  it('adds a header row and shifts the data down for a table added without headers (TableCollection.add)', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'F', cells: [[1, 2], [3, 4], [null, 'x']], at: { row: 2, col: 1 } }] });
    await excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('F');
      ws.tables.add(ws.getRange('A2:B3') as never, false);
      await ctx.sync();
    });
    expect([1, 2].map((c) => excel.cell('F', 2, c)?.value)).toEqual(['Column1', 'Column2']);
    expect([1, 2].map((c) => excel.cell('F', 3, c)?.value)).toEqual([1, 2]);
    expect([1, 2].map((c) => excel.cell('F', 4, c)?.value)).toEqual([3, 4]);
    // The cells below the table move down with it.
    expect(excel.cell('F', 5, 2)?.value).toBe('x');
    expect(excel.model.tables[0]).toMatchObject({ r0: 1, nr: 3, c0: 0, nc: 2 });
  });

  it("refuses « History » as a sheet's name, whatever its case (Excel's reserved name)", async () => {
    for (const name of ['History', 'history']) {
      const excel = seeded();
      await expect(
        excel.run(async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      ).rejects.toThrow(/nom de feuille invalide/);
      expect(excel.sheetNames()).toEqual(['Suivi', 'Vide']);
    }
    // A name that merely contains it is fine.
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.add('History 2025');
      await ctx.sync();
    });
    expect(excel.sheetNames()).toContain('History 2025');
  });

  it('gives showHeaders, and fails for the header row of a table without one (undocumented: the worse case)', async () => {
    const excel = createExcelDouble({ sheets: [{ name: 'F', cells: [[1, 2]], tables: [{ name: 'T', address: 'A1:B2', showHeaders: false }] }] });
    await excel.run(async (ctx) => {
      const t = ctx.workbook.tables.getItemOrNullObject('T').load('showHeaders');
      await ctx.sync();
      expect(t.showHeaders).toBe(false);
    });
    await expect(
      excel.run(async (ctx) => {
        ctx.workbook.tables.getItemOrNullObject('T').getHeaderRowRange().load('rowIndex');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('counts the syncs Excel.run makes for operations a batch left queued', async () => {
    const excel = seeded();
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(excel.implicitSyncs).toBe(0);
    await excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Vide').getRange('A1').values = [['y']];
    });
    expect(excel.implicitSyncs).toBe(1);
    expect(excel.syncCount).toBe(2);
  });
});
