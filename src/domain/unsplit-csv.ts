/**
 * A CSV opened without splitting its columns (an Excel whose list separator differs from the
 * file's): each line sits whole in column A, `NUM_MARCHE;OBJET;…`. No header is found, and
 * « Aucun registre reconnu » alone would not tell the buyer why: this says what happened and how
 * to split the column in Excel.
 */
import type { SheetGrid } from './cell';
import type { ChainInput } from './chain';
import { REGISTER_FIELDS } from './fields';
import { mapHeaderRow } from './mapping';
import { isSpaserSheet } from './plan-types';

/** Rows looked at for the header, as `regles.md` §1 does. */
const HEADER_ROWS = 20;
/** Fields a split line must name to be a register's header, as `regles.md` §1 asks of a header row. */
const MIN_FIELDS = 3;

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

/** The header line of a sheet read whole in one cell, with its separator; null when none. */
function unsplitHeader(grid: SheetGrid): { line: string; separator: Separator } | null {
  for (const row of grid.rows.slice(0, HEADER_ROWS)) {
    const first = row.find((c) => c !== null && c !== '');
    if (typeof first !== 'string') continue;
    for (const separator of SEPARATORS) {
      if (!first.includes(separator.char)) continue;
      const pieces = first.split(separator.char).map((p) => p.trim());
      if (mapHeaderRow(pieces, REGISTER_FIELDS, 1).columns.length >= MIN_FIELDS) return { line: first.trim(), separator };
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
