/**
 * Driving the pane and the ribbon over the Excel double for the blind
 * Contrôles test: a runner that records what the add-in asks Excel to
 * activate and select (the double does not keep a selection), and readers
 * of the add-in's highlights and of the SPASER Contrôles sheet.
 */
import { colLetters, type ExcelDouble, type Rect } from '../doubles/excel-double';

export { recordingRun, type Call } from '../doubles/recording-run';

/** Every cell (A1 style) covered by the areas. */
export function coveredCells(areas: readonly Rect[]): string[] {
  const out: string[] = [];
  for (const a of areas) for (let r = 0; r < a.nr; r++) for (let c = 0; c < a.nc; c++) out.push(`${colLetters(a.c0 + c)}${a.r0 + r + 1}`);
  return [...new Set(out)].sort();
}

/** The cells covered by the conditional formats of a sheet that are not the buyer's own. */
export function addinHighlights(excel: ExcelDouble, sheet: string, ownFormulas: readonly string[]): string[] {
  return coveredCells(
    excel
      .conditionalFormatsOf(sheet)
      .filter((c) => !ownFormulas.includes(c.formula ?? ''))
      .flatMap((c) => c.areas),
  );
}

/** The buyer's own conditional formats as they stand (formula, areas, fill). */
export function ownRules(excel: ExcelDouble, sheet: string, ownFormulas: readonly string[]): unknown[] {
  return excel
    .conditionalFormatsOf(sheet)
    .filter((c) => ownFormulas.includes(c.formula ?? ''))
    .map((c) => ({ formula: c.formula, type: c.type, fill: c.fill, areas: c.areas.map((a) => ({ ...a })) }));
}

export interface ControleRow {
  gravite: string;
  code: string;
  message: string;
  feuille: string;
  ligne: number | string | null;
  colonne: string;
  valeur: unknown;
  /** Every hyperlink of the row, as `sheet!address` (quotes and $ removed). */
  links: string[];
}

/** The rows of SPASER Contrôles under its header row (the first row holding « Gravité »). */
export function controleRows(excel: ExcelDouble): { header: string[]; rows: ControleRow[] } {
  const sheet = excel.sheet('SPASER Contrôles');
  const rowKeys = [...sheet.rows.keys()].sort((a, b) => a - b);
  const headerRow = rowKeys.find((r) => [...sheet.rows.get(r)!.values()].some((c) => c.value === 'Gravité'));
  if (headerRow === undefined) throw new Error('no « Gravité » header in SPASER Contrôles');
  const headerCells = sheet.rows.get(headerRow)!;
  const header: string[] = [];
  for (const [c, cell] of headerCells) header[c] = String(cell.value ?? '');
  const col = (label: string) => header.indexOf(label);
  const rows: ControleRow[] = [];
  for (const r of rowKeys.filter((x) => x > headerRow)) {
    const line = sheet.rows.get(r)!;
    const get = (label: string) => (col(label) >= 0 ? (line.get(col(label))?.value ?? null) : null);
    if (get('Code') === null || get('Code') === '') continue;
    const links = [...line.values()]
      .map((c) => c.hyperlink)
      .filter((h): h is NonNullable<typeof h> => h !== undefined)
      .map((h) => `${h.documentReference ?? ''}${h.address ?? ''}`.replace(/[$']/g, '').replace(/^#/, ''));
    rows.push({
      gravite: String(get('Gravité') ?? '').toLowerCase(),
      code: String(get('Code')),
      message: String(get('Message') ?? ''),
      feuille: String(get('Feuille') ?? ''),
      ligne: get('Ligne') as number | string | null,
      colonne: String(get('Colonne') ?? ''),
      valeur: get('Valeur lue'),
      links,
    });
  }
  return { header: header.filter((h) => h !== undefined), rows };
}

/** A value compared the way a person reads it: text, spaces (incl. non-breaking) removed, decimal comma. */
export function loose(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
}
