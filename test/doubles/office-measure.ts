/**
 * Measuring a whole Office.js run (read → write) on the Excel double, for
 * the tests and the bench. No jest globals.
 */
import type { SheetGrid } from '../../src/domain/cell';
import type { PlanValue, WritePlan } from '../../src/domain/plan-types';
import { FORMAT_DATE, FORMAT_EURO, SHEET_REGISTRE } from '../../src/domain/plan-types';
import { createOfficeWorkbook, type ExcelRunner } from '../../src/workbook/office';
import { createExcelDouble, type ExcelDouble, type SeedCell, type SeedSheet } from './excel-double';

export const REGISTER_HEADER = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification', 'Fournisseur', 'Innovation'];

/** A user's register sheet of `rows` data rows (6 columns, a date column formatted as such). */
export function registerSheet(rows: number, name = 'Suivi 2025'): SeedSheet {
  const cells: SeedCell[][] = [REGISTER_HEADER];
  for (let i = 1; i <= rows; i++) {
    cells.push([
      `2025-${String(i).padStart(6, '0')}`,
      `Fourniture de papier recyclé lot ${i}`,
      1000 + (i % 97) * 12.5,
      { v: 45658 + (i % 300), nf: 'dd/mm/yyyy' },
      `Fournisseur ${i % 50}`,
      i % 7 === 0,
    ]);
  }
  return { name, cells };
}

/** A register output that copies the grid's rows (the shape of `SPASER Registre`). */
export function copyPlan(grid: SheetGrid): WritePlan {
  const rows = grid.rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' && 'error' in v ? v.error : v) as PlanValue));
  return {
    sheets: [
      {
        name: SHEET_REGISTRE,
        visibility: 'visible',
        widths: REGISTER_HEADER.map(() => 18),
        blocks: [{ row: 1, col: 1, values: rows, formats: [null, null, FORMAT_EURO, FORMAT_DATE, null, null] }],
        tables: [{ name: 'Registre_SPASER', row: 1, col: 1, rowCount: rows.length, colCount: REGISTER_HEADER.length }],
        links: [],
        charts: [],
        freezeRows: 1,
      },
    ],
  };
}

export interface OfficeRunMeasure {
  readonly rows: number;
  readonly cells: number;
  readonly readSyncs: number;
  readonly writeSyncs: number;
  /** Cells one read sync may carry (smallest used). */
  readonly readBlockCells: number;
  /** Bytes the adapter estimated for its write syncs. */
  readonly writeBytes: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly double: ExcelDouble;
}

/** Seeds a register of `rows` rows, reads it, writes its copy as `SPASER Registre`, and counts. */
export async function measureOfficeRun(rows: number): Promise<OfficeRunMeasure> {
  const double = createExcelDouble({ name: 'Mesure.xlsx', sheets: [registerSheet(rows)] });
  const workbook = createOfficeWorkbook(double.run as unknown as ExcelRunner);
  const grids = await workbook.readSheets();
  const readSyncs = workbook.stats.syncsByPhase.lecture;
  const readBlockCells = workbook.stats.readBlockCells;
  await workbook.writePlan(copyPlan(grids[0]));
  const stats = workbook.stats;
  const writeBytes = stats.batchBytes.slice(readSyncs).reduce((s, b) => s + b, 0);
  return {
    rows,
    cells: (rows + 1) * REGISTER_HEADER.length,
    readSyncs,
    writeSyncs: stats.syncsByPhase.ecriture,
    readBlockCells,
    writeBytes,
    maxRequestBytes: double.maxRequestBytes,
    maxResponseBytes: double.maxResponseBytes,
    double,
  };
}
