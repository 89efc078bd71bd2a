/**
 * The command line consolidating several files: each file's saved decisions apply to that
 * file's rows only (README « Étiquettes suggérées »: a decision is attached to the suggestion —
 * contract, source, sub-tag).
 */
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { EXIT_OK, runCliDetailed } from '../../src/cli/run';
import { SHEET_ETAT } from '../../src/domain/plan-types';
import type { SavedState } from '../../src/domain/state';
import { serializeState } from '../../src/domain/state-sheet';
import { capture, d, tempDir } from './helpers';

const HEAD = ['N° de marché', 'Objet', 'Montant HT', 'Date de notification'];
const KEY = { numero: 'M-1', consideration: 'environnementale', etiquette: 'Clause environnementale' } as const;

/** A Pôle's file: M-1 (« seconde main » suggests Clause environnementale) on `sheet`, and its saved state. */
async function poleFile(file: string, sheet: string, state: SavedState | null): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(sheet).addRows([HEAD, ['M-1', 'Mobilier de seconde main', 1000, d('2025-02-01')]]);
  if (state) {
    const ws = wb.addWorksheet(SHEET_ETAT, { state: 'veryHidden' });
    serializeState(state).forEach((chunk, i) => (ws.getCell(i + 1, 1).value = chunk));
  }
  await wb.xlsx.writeFile(file);
}

describe('calculer with several files: decisions stay with their file', () => {
  it('pole-a.xlsx confirms its M-1 (with or without source): pole-b.xlsx’s M-1 stays a pending suggestion', async () => {
    for (const source of ['pole-a.xlsx|Marchés', undefined]) {
      const dir = tempDir();
      await poleFile(path.join(dir, 'pole-a.xlsx'), 'Marchés', { version: 1, mappings: [], decisions: [{ ...KEY, ...(source ? { source } : {}), decision: 'confirmée' }] });
      await poleFile(path.join(dir, 'pole-b.xlsx'), 'Marchés', null);
      const c = capture(dir);
      const outcome = await runCliDetailed(['calculer', 'pole-a.xlsx', 'pole-b.xlsx', '--json'], c.io);
      expect(outcome.code).toBe(EXIT_OK);
      expect(outcome.result?.suggestions.map((s) => `${s.numero}|${s.decision}`)).toEqual(['M-1|confirmée', 'M-1|null']);
      // Only pole-b.xlsx's row still raises « suggestion non confirmée ».
      expect(outcome.result?.controles.filter((f) => f.code === 'suggestion-non-confirmee').map((f) => f.source)).toEqual(['pole-b.xlsx']);
      expect(c.stdout()).toContain('"decision": null');
    }
  });
});
