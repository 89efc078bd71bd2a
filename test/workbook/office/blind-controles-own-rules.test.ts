/**
 * Found by the blind Contrôles acceptance (test/taskpane/blind-controles.test.tsx):
 * a conditional format of the user's whose formula merely names « SPASER »
 * (a buyer highlighting the contracts that mention the SPASER) was taken for
 * the add-in's mark and deleted at every run and by « Retirer le surlignage ».
 * sortie.md: the add-in never edits, reformats or recolours the user's cells.
 */
import { runChain } from '../../../src/domain/chain';
import { HIGHLIGHT_FORMULA, isOwnRule } from '../../../src/workbook/office/highlight';
import { ExcelHost } from '../../../src/taskpane/hosts/excel-host';
import { createExcelDouble } from '../../doubles/excel-double';

const SHEET = 'Suivi 2025';
const USER_RULES = ['=ISNUMBER(SEARCH("SPASER",$B2))', '=$B2="SPASER"', '=N("SPASER")=1'];

function setup() {
  const excel = createExcelDouble({
    name: 'Pôle Culture.xlsx',
    sheets: [
      {
        name: SHEET,
        cells: [
          ['N° marché', 'Objet', 'Montant HT', 'Date de notification'],
          ['2025-001', 'Plan SPASER : papier', 1200, { v: 45700, nf: 'dd/mm/yyyy' }],
          ['2025-002', 'Nettoyage', 'beaucoup', { v: 45701, nf: 'dd/mm/yyyy' }],
        ],
        conditionalFormats: USER_RULES.map((formula) => ({ address: 'A2:D3', type: 'Custom', formula, fill: '#C6EFCE' })),
      },
    ],
  });
  return { excel, host: new ExcelHost(excel.run as unknown as typeof Excel.run) };
}

const formulas = (excel: ReturnType<typeof createExcelDouble>) => excel.conditionalFormatsOf(SHEET).map((c) => c.formula).sort();

describe('the add-in removes its own marks only', () => {
  test('isOwnRule: the whole mark formula (spaces and case aside), not any formula naming SPASER', () => {
    expect(isOwnRule(HIGHLIGHT_FORMULA)).toBe(true);
    expect(isOwnRule('=n( "SPASER" )=0')).toBe(true);
    for (const f of USER_RULES) expect([f, isOwnRule(f)]).toEqual([f, false]);
    expect(isOwnRule(null)).toBe(false);
  });

  test('a write and a clear keep the user’s rules that name SPASER', async () => {
    const { excel, host } = setup();
    const out = runChain(await host.read(), { today: '2026-01-15', writesCharts: true });
    await host.write(out);
    expect(formulas(excel)).toEqual([...USER_RULES, HIGHLIGHT_FORMULA].sort());
    await host.write(out);
    expect(formulas(excel)).toEqual([...USER_RULES, HIGHLIGHT_FORMULA].sort());
    await host.clearHighlights();
    expect(formulas(excel)).toEqual([...USER_RULES].sort());
  });
});
