/**
 * Workbooks saved by another program than ExcelJS (see `fixtures/libreoffice/README.md`):
 * - the demo's four Pôle files (`source`, written by `npm run demo`) opened and saved
 *   again as .xlsx by LibreOffice Calc (`saved-by-libreoffice`);
 * - a buyer's workbook typed in LibreOffice (`authored/Pôle Sports.fods`, saved as .xlsx
 *   by LibreOffice): typed booleans, currency and `00000` formats, text amounts and dates.
 * LibreOffice writes its own XML: styles, formulas with `aca`, error cells as formulas,
 * tables without a style.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCli } from '../../../src/cli/run';
import { capture, tempDir } from '../../cli/helpers';
import { openXlsx } from '../../../src/workbook/xlsx/open';
import { loadFile, sheetSnapshot } from './fixtures';

const FIXTURES = path.resolve(__dirname, '../../fixtures/libreoffice');
const POLES = ['Pôle Cadre de vie', 'Pôle Culture', 'Pôle Ressources', 'Pôle Solidarités'];
const SOURCE = (pole: string) => path.join(FIXTURES, 'source', `${pole}.xlsx`);
const SAVED = (pole: string) => path.join(FIXTURES, 'saved-by-libreoffice', `${pole}.xlsx`);
const AUTHORED = path.join(FIXTURES, 'authored', 'Pôle Sports.xlsx');

/**
 * As the product opens it: ExcelJS's reading of the defaults that Excel and LibreOffice leave
 * out (filter buttons shown, no table style) repaired, on the original and on the output alike.
 */
async function readBook(file: string): Promise<ExcelJS.Workbook> {
  return (await openXlsx(new Uint8Array(fs.readFileSync(file)), path.basename(file))).workbook;
}

async function calculer(args: string[], cwd: string): Promise<string> {
  const c = capture(cwd);
  expect(await runCli(['calculer', ...args, '--json'], c.io)).toBe(EXIT_OK);
  return c.stdout();
}

/** Alignment values that are Excel's defaults: written or not, the cell looks the same. */
const DEFAULT_ALIGNMENT: Record<string, unknown> = { horizontal: 'general', vertical: 'bottom', wrapText: false, shrinkToFit: false, indent: 0, textRotation: 0 };
/** What `openXlsx` gives a table saved without `tableStyleInfo`: no style, no banding. */
const NO_TABLE_STYLE = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };

/** `sheetSnapshot` without what is written differently but looks the same: default alignment, `General`, key order. */
function lookOf(ws: ExcelJS.Worksheet) {
  const s = sheetSnapshot(ws);
  const cells = Object.fromEntries(
    Object.entries(s.cells).map(([address, c]) => {
      const alignment = JSON.parse(c.alignment) as Record<string, unknown> | null;
      const kept = Object.entries(alignment ?? {}).filter(([k, v]) => DEFAULT_ALIGNMENT[k] !== v);
      return [
        address,
        {
          ...c,
          numFmt: c.numFmt === 'General' ? null : c.numFmt,
          alignment: kept.length === 0 ? null : Object.fromEntries(kept),
          // Parsed: the same font with its keys in another order (rich text runs too) is the same font.
          value: c.value === null ? null : (JSON.parse(c.value) as unknown),
          font: JSON.parse(c.font) as unknown,
          fill: JSON.parse(c.fill) as unknown,
          border: JSON.parse(c.border) as unknown,
        },
      ];
    }),
  );
  return { ...s, cells, tables: s.tables.map((t) => JSON.parse(t) as unknown) };
}

describe('workbooks saved by LibreOffice Calc', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the fixtures are what they say: the source table has a style, the one LibreOffice saved has none', async () => {
    const stylesOf = async (file: string) =>
      (await loadFile(file)).worksheets.flatMap((ws) => (ws.getTables() as unknown as { table: { style?: unknown } }[]).map((t) => t.table.style ?? null));
    expect(await stylesOf(SOURCE('Pôle Ressources'))).toEqual([expect.objectContaining({ theme: expect.any(String) })]);
    expect(await stylesOf(SAVED('Pôle Ressources'))).toEqual([null]);
  });

  it('consolidated, they give exactly the result of the workbooks they were saved from', async () => {
    const fromSource = await calculer([...POLES.map(SOURCE), '--sortie', path.join(dir, 'source.xlsx')], dir);
    const fromSaved = await calculer([...POLES.map(SAVED), '--sortie', path.join(dir, 'saved.xlsx')], dir);
    const result = JSON.parse(fromSaved) as { lignes: { lues: number; erreurs: number } };
    // Guards: the demo's registers, errors and all, were read.
    expect(result.lignes.lues).toBeGreaterThan(400);
    expect(result.lignes.erreurs).toBeGreaterThan(0);
    expect(JSON.parse(fromSaved)).toEqual(JSON.parse(fromSource));
  });

  it.each(POLES)('%s: written into, every sheet of the user looks as LibreOffice saved it, and the SPASER sheets are added', async (pole) => {
    const out = path.join(dir, `${pole} - SPASER.xlsx`);
    await calculer([SAVED(pole), '--sortie', out], dir);
    const original = await readBook(SAVED(pole));
    const written = await readBook(out);
    const userSheets = original.worksheets.map((w) => w.name);
    expect(written.worksheets.map((w) => w.name).slice(0, userSheets.length)).toEqual(userSheets);
    expect(written.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['SPASER Registre', 'SPASER Contrôles', 'SPASER Indicateurs']));
    for (const name of userSheets) expect(lookOf(written.getWorksheet(name)!)).toEqual(lookOf(original.getWorksheet(name)!));
  });

  it('the comparison above sees styles, formulas and tables (guards it)', async () => {
    const s = lookOf((await readBook(SAVED('Pôle Ressources'))).worksheets[0]);
    expect(Object.values(s.cells).some((c) => c.formula !== null)).toBe(true);
    expect(Object.values(s.cells).some((c) => (c.font as { bold?: boolean } | null)?.bold === true)).toBe(true);
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0]).toMatchObject({ style: NO_TABLE_STYLE });
  });

  describe('a workbook typed in LibreOffice (Pôle Sports)', () => {
    let result: {
      exercice: number;
      lignes: { lues: number; exercice: number; erreurs: number; avertissements: number };
      indicateurs: { id: string; valeur: number | null; n1: number | null }[];
      controles: { code: string; ligne: number }[];
    };
    let registre: ExcelJS.Worksheet;

    beforeAll(async () => {
      result = JSON.parse(await calculer([AUTHORED, '--sortie', path.join(dir, 'Sports - SPASER.xlsx')], dir)) as typeof result;
      registre = (await readBook(path.join(dir, 'Sports - SPASER.xlsx'))).getWorksheet('SPASER Registre')!;
    });

    it('reads its five contracts under a title row and skips its totals row', () => {
      // Rows 4 to 8; row 9 is « Total » with a SUM and no numero. Valid rows of 2025: 4, 5 and 6 (8 has no amount).
      expect(result.lignes).toEqual({ lues: 5, exercice: 3, erreurs: 1, avertissements: 1 });
      expect(result.exercice).toBe(2025);
    });

    it('reads each cell as a person reads it in LibreOffice', () => {
      const header = (registre.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : null));
      const column = (label: string) => header.indexOf(label);
      const row = (numero: string) => {
        let found: ExcelJS.Row | undefined;
        registre.eachRow((r) => {
          if (r.getCell(column('N° de marché')).value === numero) found = r;
        });
        return (label: string) => found?.getCell(column(label)).value ?? null;
      };
      expect(column('N° de marché')).toBeGreaterThan(0);
      // Currency format, typed date, typed boolean TRUE, « Oui », a 14-digit number, a formula.
      const r4 = row('S-2025-001');
      expect(r4('Montant notifié HT (€)')).toBe(12500.5);
      expect(r4('Dépenses mandatées HT (€)')).toBe(12500.5);
      expect(r4('Date de notification')).toEqual(new Date(Date.UTC(2025, 2, 14)));
      expect(r4('Clause sociale')).toBe('oui');
      expect(r4('Clause environnementale')).toBe('oui');
      expect(r4('SIRET du titulaire')).toBe('73282932000074');
      expect(r4('Code postal du titulaire')).toBe('59100');
      // Amount and date typed as text, typed FALSE, SIRET with blanks.
      const r5 = row('S-2025-002');
      expect(r5('Montant notifié HT (€)')).toBe(3400);
      expect(r5('Date de notification')).toEqual(new Date(Date.UTC(2025, 4, 2)));
      expect(r5('Clause sociale')).toBe('non');
      expect(r5('SIRET du titulaire')).toBe('732 829 320 00074');
      // A number shown 05000 by its format.
      expect(row('S-2025-003')('Code postal du titulaire')).toBe('05000');
    });

    it('judges its rows from the spec: an empty amount is an error, 45 days a warning', () => {
      expect(result.controles.map((c) => [c.code, c.ligne])).toEqual(
        expect.arrayContaining([
          ['montant-manquant', 8],
          ['delai-paiement-depasse', 5],
        ]),
      );
      expect(result.controles.filter((c) => c.code === 'siret-invalide')).toEqual([]);
    });

    it('leaves its sheet as LibreOffice saved it (merged title, typed booleans, formats, formulas)', async () => {
      const original = await readBook(AUTHORED);
      const written = await readBook(path.join(dir, 'Sports - SPASER.xlsx'));
      expect(lookOf(written.getWorksheet('Marchés 2025')!)).toEqual(lookOf(original.getWorksheet('Marchés 2025')!));
      expect(lookOf(original.getWorksheet('Marchés 2025')!).cells.H6.numFmt).toBe('00000');
    });

    it('computes the indicators by hand: 2 of the 3 valid contracts of 2025 have a social clause, 0 of 1 in 2024', () => {
      const ind = (id: string) => result.indicateurs.find((i) => i.id === id)!;
      expect(ind('4.1.2-consideration-sociale').valeur).toBeCloseTo((2 / 3) * 100, 9);
      expect(ind('4.1.2-consideration-sociale').n1).toBe(0);
      // (25 + 45 + 30) / 3 days; 2024: 20.
      expect(ind('2.1.5-delai-paiement').valeur).toBeCloseTo(100 / 3, 9);
      expect(ind('2.1.5-delai-paiement').n1).toBe(20);
    });
  });
});
