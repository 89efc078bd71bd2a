/**
 * A sheet whose filled cells span more than `MAX_GRID_CELLS` is left unread by both
 * adapters (a value typed far from the table, in XFD1 or on row 1 048 576): the user
 * is told which sheet, and where the far value is, instead of a reader running out of
 * memory (file) or reading billions of empty cells (Excel).
 */
import { cellAddress, columnLetter } from './cell';
import type { ChainInput } from './chain';
import { frenchNumber } from './french-text';

/** Columns no register reaches: a span wider than this has a value far to the right. */
const FAR_WIDTH = 1000;
/** Rows beyond which a span is long for a register (a span as wide as a register is then far down). */
const FAR_HEIGHT = 200_000;

/** A French sentence per sheet left unread for its size, in file then sheet order. */
export function oversizedSheetNotices(inputs: readonly ChainInput[]): string[] {
  const several = inputs.length > 1;
  return inputs.flatMap((input) =>
    input.sheets.flatMap((s) => {
      const o = s.oversized;
      if (o === undefined) return [];
      const where = several ? ` du classeur « ${input.file} »` : '';
      const span = `${cellAddress(o.firstRow, o.firstCol)} à ${cellAddress(o.lastRow, o.lastCol)}`;
      // Only the side that is far: the register's own last row or column is never named.
      const wide = o.lastCol - o.firstCol + 1 > FAR_WIDTH;
      const long = !wide || o.lastRow - o.firstRow + 1 > FAR_HEIGHT;
      const row = `sur la ligne ${frenchNumber(o.lastRow)}`;
      const col = `dans la colonne ${columnLetter(o.lastCol)}`;
      const far = wide && long ? `${row} ou ${col}` : wide ? col : row;
      return [
        `La feuille « ${s.name} »${where} n'est pas lue : ses cellules remplies s'étendent de ${span}, bien au-delà d'un tableau, ` +
          `sans doute à cause d'une valeur oubliée ${far}. Dans Excel, effacez-la (Ctrl+Fin mène à la dernière cellule utilisée), ` +
          'enregistrez, puis recommencez.',
      ];
    }),
  );
}
