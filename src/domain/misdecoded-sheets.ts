/**
 * The remark on a source sheet whose texts Excel mis-decoded (a UTF-8 CSV opened as Windows-1252):
 * the chain reads them as meant (`misdecoded.ts`), but the buyer's sheet still shows them garbled.
 */
import type { SheetGrid } from './cell';
import type { ChainInput } from './chain';
import { plural } from './change';
import { isMisdecoded, repairMisdecoded } from './misdecoded';
import type { Register, SheetMapping } from './model';
import { markedSources } from './source-sheets';

/** Longest text quoted as the example: a header or a short value, never a paragraph. */
const EXAMPLE_MAX = 60;
/** Data rows looked at before a sheet is taken for one written right. */
const SAMPLE_ROWS = 500;

interface Misdecoded {
  readonly count: number;
  /** A short mis-decoded text to show, header first; none when only long texts, or persons' rows, hold one. */
  readonly example: string | undefined;
}

/**
 * The mis-decoded cells of a source sheet. The example is taken from its header rows first; from its
 * data rows only on a register (a *Suivi insertion* row describes a person, never copied in outputs).
 */
function misdecodedCells(grid: SheetGrid, m: SheetMapping): Misdecoded | undefined {
  const lastHeader = m.headerRow - grid.firstRow; // the header's last row
  // A mis-decoded file shows it from its first rows: a sheet clean there is not scanned to the end
  // (each of its cells was read, and repaired if need be, already; this only counts them for the remark).
  if (!grid.rows.slice(0, Math.max(0, lastHeader + 1) + SAMPLE_ROWS).some((row) => row.some((c) => typeof c === 'string' && isMisdecoded(c)))) return undefined;
  let count = 0;
  let header: string | undefined;
  let data: string | undefined;
  grid.rows.forEach((row, i) => {
    for (const cell of row) {
      if (typeof cell !== 'string' || !isMisdecoded(cell)) continue;
      count++;
      const t = cell.trim();
      if (t.length > EXAMPLE_MAX) continue;
      if (i <= lastHeader) header ??= t;
      else if (m.kind === 'registre') data ??= t;
    }
  });
  return count === 0 ? undefined : { count, example: header ?? data };
}

/**
 * One French sentence per source sheet holding mis-decoded text: read as meant, but the buyer's sheet
 * still shows it garbled, and the way to fix the sheet itself is to reopen the CSV in UTF-8.
 */
export function misdecodedSheetNotices(inputs: readonly ChainInput[], register: Register): string[] {
  return markedSources(inputs, register, (grid) => grid).flatMap(({ mapping: m, value: grid, where }) => {
    const found = misdecodedCells(grid, m);
    if (found === undefined) return [];
    const cells = found.count === 1 ? 'une cellule porte' : `${plural(found.count, 'cellule', 'cellules')} portent`;
    const example = found.example === undefined ? '' : ` (par exemple « ${found.example} », lu « ${repairMisdecoded(found.example)} »)`;
    return [
      `Feuille « ${m.sheet} »${where} : ${cells} un texte mal décodé, lu comme il devait s'écrire${example} : ` +
        "c'est un fichier CSV enregistré en UTF-8 et ouvert dans Excel comme un texte Windows (1252). Pour corriger la feuille elle-même, rouvrez le fichier CSV par Données › À partir d'un fichier texte/CSV, " +
        `avec l'origine « 65001 : Unicode (UTF-8) », puis enregistrez-le au format .xlsx.`,
    ];
  });
}
