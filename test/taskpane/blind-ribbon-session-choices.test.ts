/**
 * Found by the blind ribbon test: the buyer confirms or rejects a suggestion in
 * the pane, then clicks « Calculer les indicateurs ». The button (same runtime)
 * must compute with those decisions and save them in SPASER État, as the pane's
 * own calculation does; before, it read only the saved state and dropped them.
 */
import { runChain } from '../../src/domain/chain';
import { SHEET_REGISTRE } from '../../src/domain/plan-types';
import { ExcelHost } from '../../src/taskpane/hosts/excel-host';
import { createRibbonRunner, publishSessionChoices, resetRibbonBridge } from '../../src/taskpane/ribbon-bridge';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble } from '../doubles/excel-double';

const SHEET = 'Suivi 2025';

function workbook() {
  return createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet du marché', 'Montant HT', 'Date notif'],
          ['2025-001', 'Ramettes de papier recyclé', 1200, { v: 45691, nf: 'dd/mm/yyyy' }],
          ['2025-002', 'Nettoyage des écoles', 3000, { v: 45726, nf: 'dd/mm/yyyy' }],
        ],
      },
    ],
  });
}

afterEach(() => resetRibbonBridge());

describe('ribbon — the pane’s unsaved choices are used and saved by the button', () => {
  const decision = { numero: '2025-001', source: 'Pôle Culture.xlsx', consideration: 'environnementale', etiquette: 'Clause environnementale', decision: 'confirmée' } as const;

  it('a decision taken in the pane is in SPASER État after the click, and the tag is confirmed in the register', async () => {
    const excel = workbook();
    const run = createRibbonRunner(new ExcelHost(excel.run as unknown as typeof Excel.run), (i, o) => runChain(i, { ...o, today: '2026-01-15' }));
    publishSessionChoices({ overrides: [], decisions: [decision] });
    await run();
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect(saved?.decisions).toEqual([expect.objectContaining({ numero: '2025-001', etiquette: 'Clause environnementale', decision: 'confirmée' })]);
    const tags = [...excel.sheet(SHEET_REGISTRE).rows.values()].flatMap((r) => [...r.values()]).map((c) => String(c.value ?? ''));
    expect(tags.some((t) => /Clause environnementale.*confirmé/.test(t))).toBe(true);
  });

  it('the import records of the session are in SPASER État after the click (the pane may have failed to save them)', async () => {
    const excel = workbook();
    const run = createRibbonRunner(new ExcelHost(excel.run as unknown as typeof Excel.run), (i, o) => runChain(i, { ...o, today: '2026-01-15' }));
    const record = { sheet: SHEET, file: 'Pôle Culture.xlsx', pole: 'Pôle Culture', kind: 'registre', date: '2026-01-15', fingerprint: '0123456789abcdef' } as const;
    // A record of a sheet gone from the workbook is not saved (a sheet made later under its name is no import).
    const gone = { ...record, sheet: 'Pôle Sport', file: 'Pôle Sport.xlsx', pole: 'Pôle Sport' };
    publishSessionChoices({ overrides: [], decisions: [], imports: [record, gone] });
    await run();
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect(saved?.imports).toEqual([record]);
  });

  it('without the pane (nothing published), the button computes with the saved state only', async () => {
    const excel = workbook();
    const chain = jest.fn((i: Parameters<typeof runChain>[0], o: Parameters<typeof runChain>[1]) => runChain(i, { ...o, today: '2026-01-15' }));
    const run = createRibbonRunner(new ExcelHost(excel.run as unknown as typeof Excel.run), chain);
    await run();
    expect(chain.mock.calls[0][1]).toMatchObject({ overrides: [], decisions: [] });
    const saved = await createOfficeWorkbook(excel.run as unknown as ExcelRunner).readState();
    expect(saved?.decisions ?? []).toEqual([]);
  });
});
