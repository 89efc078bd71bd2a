/**
 * README « Versions d'Excel requises » and manifest.xml: the add-in requires
 * ExcelApi 1.7 and SharedRuntime 1.1; anything above (highlight: ExcelApi 1.9,
 * merged cells: ExcelApi 1.13) is guarded by `isSetSupported` with a fallback.
 * The scanner (spec-api-sets-scan.ts, which lists what it cannot see) resolves
 * each Office.js member of the scanned files to its set in `@types/office-js`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as ts from 'typescript';
import {
  createProgram,
  MANIFEST_MINOR,
  ROOT,
  SCANNED_FILES,
  scanApiUses,
  unguarded,
  type ApiUse,
} from './spec-api-sets-scan';

const SYNTHETIC_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'spec-api-sets-'));

/** Small files for checking the scanner itself. */
const SYNTHETIC: Record<string, string> = {
  'unguarded.ts': `export function mark(ws: Excel.Worksheet): void {
  ws.getRanges('A1,B2').format.fill.color = '#FF0000';
}
`,
  'guarded.ts': `function hasApi19(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.9');
}
export function mark(ws: Excel.Worksheet): void {
  if (hasApi19()) ws.getRanges('A1,B2').format.fill.color = '#FF0000';
  const areas = hasApi19() ? ws.getRange().getMergedAreasOrNullObject() : null;
  void areas;
}
`,
  'loads.ts': `export function names(wb: Excel.Workbook): void {
  wb.worksheets.load('items/name,items/tabId');
}
`,
};
for (const [name, text] of Object.entries(SYNTHETIC)) fs.writeFileSync(path.join(SYNTHETIC_DIR, name), text);
const synthetic = (name: string) => path.join(SYNTHETIC_DIR, name);

let program: ts.Program;
let uses: ApiUse[];

beforeAll(() => {
  program = createProgram([...SCANNED_FILES, ...Object.keys(SYNTHETIC).map(synthetic)]);
  uses = scanApiUses(program, SCANNED_FILES);
});

afterAll(() => fs.rmSync(SYNTHETIC_DIR, { recursive: true, force: true }));

const brief = (u: ApiUse) => [u.member, u.set, u.guard, u.file];

describe('README « Versions d’Excel requises » — requirement sets of the Office.js members used', () => {
  it('the manifest declares ExcelApi 1.7 and SharedRuntime 1.1, as the scanner assumes', () => {
    const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    expect(manifest).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="1\\.${MANIFEST_MINOR}"/>`));
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1\.1"\/>/);
  });

  it('every member above ExcelApi 1.7 (or of an undeclared set) sits under an isSetSupported guard of its version', () => {
    expect(unguarded(uses).map((u) => `${u.file}:${u.line} ${u.member} (${u.set})`)).toEqual([]);
  });

  it('the members above 1.7 are exactly the highlight’s (1.9), the print layout’s (1.9), the charts’ alt text (1.9), the share axis’ format (1.8) and the merged cells’ (1.13), each under its guard', () => {
    const above = uses.filter((u) => u.excelMinor > MANIFEST_MINOR).map(brief);
    expect(above).toEqual(
      expect.arrayContaining([
        ['Worksheet.getRanges', 'ExcelApi 1.9', 'drawsHighlights', 'src/workbook/office/highlight.ts'],
        ['RangeAreas.conditionalFormats', 'ExcelApi 1.9', 'drawsHighlights', 'src/workbook/office/highlight.ts'],
        ['Range.getMergedAreasOrNullObject', 'ExcelApi 1.13', 'readsMergedAreas', 'src/workbook/office/read.ts'],
        ['RangeAreas.address', 'ExcelApi 1.9', 'readsMergedAreas', 'src/workbook/office/read.ts'],
        ['Worksheet.pageLayout', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.paperSize', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.orientation', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.zoom', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.setPrintTitleRows', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.setPrintTitleColumns', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.headersFooters', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['HeaderFooterGroup.defaultForAllPages', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['HeaderFooter.leftFooter', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['HeaderFooter.centerFooter', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['HeaderFooter.rightFooter', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['Worksheet.horizontalPageBreaks', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageBreakCollection.add', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.leftMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.rightMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.topMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.bottomMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.headerMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['PageLayout.footerMargin', 'ExcelApi 1.9', 'setsPageLayout', 'src/workbook/office/write.ts'],
        ['ChartAxis.numberFormat', 'ExcelApi 1.8', 'setsAxisNumberFormat', 'src/workbook/office/write.ts'],
        ['Worksheet.shapes', 'ExcelApi 1.9', 'setsShapeAltText', 'src/workbook/office/write.ts'],
        ['Shape.name', 'ExcelApi 1.9', 'setsShapeAltText', 'src/workbook/office/write.ts'],
        ['Shape.altTextTitle', 'ExcelApi 1.9', 'setsShapeAltText', 'src/workbook/office/write.ts'],
        ['Shape.altTextDescription', 'ExcelApi 1.9', 'setsShapeAltText', 'src/workbook/office/write.ts'],
      ]),
    );
    // The merged areas are asked at two places, each guarded: in the first batch, and sheet by sheet when it fails.
    // The print layout (A4, landscape, one page wide, title rows): 7 members (the zoom's two fields) under setsPageLayout;
    // session 35's print review adds 8: title columns, the footer (4) and the page breaks (2); session 36 the 6 margins.
    expect(above.filter((u) => u[2] === 'setsPageLayout')).toHaveLength(21);
    // The share axis' « 40 % » (session 35): one member under setsAxisNumberFormat; its bounds are ExcelApi 1.1.
    expect(above.filter((u) => u[2] === 'setsAxisNumberFormat')).toHaveLength(1);
    // The charts' alt text (session 39): the shapes of a new sheet, their name and alt text, under setsShapeAltText.
    expect(above.filter((u) => u[2] === 'setsShapeAltText')).toHaveLength(4);
    expect(above).toHaveLength(32);
    expect(above.filter((u) => u[0] === 'Range.getMergedAreasOrNullObject' && u[2] === 'readsMergedAreas')).toHaveLength(2);
    expect(above.filter((u) => u[0] === 'RangeAreas.address' && u[2] === 'readsMergedAreas')).toHaveLength(2);
    const guards = new Map(uses.filter((u) => u.guard).map((u) => [u.guard, u.guardMinor]));
    expect(guards).toEqual(new Map([['drawsHighlights', 9], ['readsMergedAreas', 13], ['setsAxisNumberFormat', 8], ['setsPageLayout', 9], ['setsShapeAltText', 9]]));
  });

  it('ExcelApi 1.7 is really needed: the unguarded members of 1.7 are the ones the README names', () => {
    const unguardedSets = uses.filter((u) => u.guard === null && u.excelMinor > 0);
    expect(Math.max(...unguardedSets.map((u) => u.excelMinor))).toBe(MANIFEST_MINOR);
    const of17 = [...new Set(unguardedSets.filter((u) => u.excelMinor === 7).map((u) => u.member))].sort();
    // getRangeByIndexes, hyperlinks, frozen panes, the workbook's name, its protection.
    expect(of17).toEqual([
      'RangeHyperlink.documentReference',
      'RangeHyperlink.textToDisplay',
      'Range.hyperlink',
      'Workbook.name',
      'Workbook.protection',
      'WorkbookProtection.protected',
      'Worksheet.freezePanes',
      'Worksheet.getRangeByIndexes',
      'WorksheetFreezePanes.freezeRows',
    ].sort());
  });

  it('the other sets the README names: very hidden sheet 1.2, recalculation and conditional formats 1.6', () => {
    const setOf = (member: string) => [...new Set(uses.filter((u) => u.member === member).map((u) => u.set))];
    expect(setOf('Worksheet.visibility')).toEqual(['ExcelApi 1.1 for reading visibility; 1.2 for setting it.']);
    expect(setOf('Application.suspendApiCalculationUntilNextSync')).toEqual(['ExcelApi 1.6']);
    expect(setOf('ConditionalFormatCollection.add')).toEqual(['ExcelApi 1.6']);
    expect(setOf('Addin.showAsTaskpane')).toEqual(['SharedRuntime 1.1']);
  });
});

describe('the scanner itself (so that a pass above means something)', () => {
  it('flags an unguarded getRanges and the RangeAreas member reached through it, with their set', () => {
    const found = unguarded(scanApiUses(program, [synthetic('unguarded.ts')]));
    expect(found.map((u) => [u.member, u.set, u.line])).toEqual([
      ['RangeAreas.format', 'ExcelApi 1.9', 2],
      ['Worksheet.getRanges', 'ExcelApi 1.9', 2],
    ]);
  });

  it('accepts getRanges under a 1.9 guard, but not getMergedAreasOrNullObject (1.13) under the same guard', () => {
    const found = unguarded(scanApiUses(program, [synthetic('guarded.ts')]));
    expect(found.map((u) => [u.member, u.guard, u.guardMinor, u.line])).toEqual([
      ['Range.getMergedAreasOrNullObject', 'hasApi19', 9, 6],
    ]);
  });

  it('reads load paths: items/name is ExcelApi 1.1, items/tabId 1.14 and flagged', () => {
    const all = scanApiUses(program, [synthetic('loads.ts')]);
    const loads = all.filter((u) => u.kind === 'load');
    expect(loads.map((u) => [u.member, u.excelMinor])).toEqual([
      ['WorksheetCollection.items', 0],
      ['Worksheet.name', 1],
      ['WorksheetCollection.items', 0],
      ['Worksheet.tabId', 14],
    ]);
    expect(unguarded(all).map((u) => u.member)).toEqual(['Worksheet.tabId']);
  });
});
