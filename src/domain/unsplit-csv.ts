/**
 * A CSV opened without splitting its columns (an Excel whose list separator differs from the
 * file's): each line sits whole in column A, `NUM_MARCHE;OBJET;…`. No header is found, and
 * « Aucun registre reconnu » alone would not tell the buyer why: this says what happened and how
 * to split the column in Excel.
 */
import type { CellValue, SheetGrid } from './cell';
import type { ChainInput } from './chain';
import { REGISTER_FIELDS, REQUIRED_FIELDS } from './fields';
import { mapHeaderRow } from './mapping';
import { isSpaserSheet } from './plan-types';

/** Rows looked at for the header, as `regles.md` §1 does. */
const HEADER_ROWS = 20;
/** Fields a split line must name to be a register's header, as `regles.md` §1 asks of a header row. */
const MIN_FIELDS = 3;
const REQUIRED: ReadonlySet<string> = new Set(REQUIRED_FIELDS);
/** Lines below the header looked at for one of the file's data lines. */
const DATA_LINES_LOOKED_AT = 5;

interface Separator {
  readonly char: string;
  /** « séparées par des … ». */
  readonly plural: string;
  /** The box to tick in Excel's Convert Text to Columns wizard. */
  readonly box: string;
}

const SEPARATORS: readonly Separator[] = [
  { char: ';', plural: 'points-virgules', box: 'Point-virgule' },
  { char: '\t', plural: 'tabulations', box: 'Tabulation' },
  { char: ',', plural: 'virgules', box: 'Virgule' },
];

/** The first filled cell of a row. */
const firstFilled = (row: readonly CellValue[] | undefined) => row?.find((c) => c !== null && c !== '');

/**
 * The header line of a sheet read whole in one cell, with its separator; null when none. A line of
 * headers names at least three fields, two of them required (`regles.md` §1), and a data line of the
 * same file follows it; a sentence of a « mode d'emploi » listing the columns is neither.
 */
function unsplitHeader(grid: SheetGrid): { line: string; separator: Separator } | null {
  const rows = grid.rows.slice(0, HEADER_ROWS);
  for (let i = 0; i < rows.length; i++) {
    const first = firstFilled(rows[i]);
    if (typeof first !== 'string') continue;
    for (const separator of SEPARATORS) {
      if (!first.includes(separator.char)) continue;
      const fields = mapHeaderRow(first.split(separator.char).map((p) => p.trim()), REGISTER_FIELDS, 1).columns.map((c) => c.field);
      if (fields.length < MIN_FIELDS || fields.filter((f) => REQUIRED.has(f)).length < 2) continue;
      // A data line of the file: as many separators as the header, among the next few lines (one whose
      // text held the other separator was cut there by Excel).
      const count = first.split(separator.char).length;
      const lines = rows.slice(i + 1).map(firstFilled).filter((c) => c !== undefined).slice(0, DATA_LINES_LOOKED_AT);
      if (lines.some((c) => typeof c === 'string' && c.split(separator.char).length === count)) return { line: first.trim(), separator };
    }
  }
  return null;
}

/** The line's first three headers, as the buyer sees them in the cell (a tab shown as a space). */
function excerpt(line: string, char: string): string {
  const pieces = line.split(char);
  const shown = pieces.length > 3 ? `${pieces.slice(0, 3).join(char)}${char}…` : line;
  return char === '\t' ? shown.replace(/\t/g, ' ') : shown;
}

/** One French sentence per sheet of the inputs holding a CSV's lines unsplit, in file then sheet order. */
export function unsplitCsvSentences(inputs: readonly ChainInput[]): string[] {
  return inputs.flatMap((input) =>
    input.sheets.flatMap((grid) => {
      if (isSpaserSheet(grid.name)) return [];
      const found = unsplitHeader(grid);
      if (found === null) return [];
      const { separator } = found;
      const where = inputs.length > 1 ? ` du classeur « ${input.file} »` : '';
      return [
        `Feuille « ${grid.name} »${where} : toutes ses colonnes sont dans la colonne A, séparées par des ${separator.plural} (« ${excerpt(found.line, separator.char)} ») : ` +
          `c'est un fichier CSV ouvert sans séparer ses colonnes. Dans Excel, sélectionnez la colonne A, puis Données › Convertir, choisissez « Délimité » et cochez le séparateur « ${separator.box} » ; ` +
          'enregistrez ensuite le classeur au format .xlsx et relancez le calcul.',
      ];
    }),
  );
}

/** Whether an input holds such a sheet (the usual advice on headers would then mislead). */
export function hasUnsplitCsv(input: ChainInput): boolean {
  return unsplitCsvSentences([input]).length > 0;
}
